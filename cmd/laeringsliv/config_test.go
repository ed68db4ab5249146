package main

import (
	"errors"
	"flag"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"laeringsliv/web"
)

func env(m map[string]string) Getenv {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func TestParseServeConfig(t *testing.T) {
	defaults := Config{Database: DefaultDatabase, LogFormat: "text", LogLevel: slog.LevelInfo,
		Institution: DefaultInstitution, Addr: DefaultAddr, AdminAddr: DefaultAdminAddr,
		ReadTimeout: web.DefaultReadTimeout, WriteTimeout: web.DefaultWriteTimeout, JobRescueAfter: 35 * time.Minute}
	with := func(f func(*Config)) Config { c := defaults; f(&c); return c }
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want Config
	}{
		{"defaults", nil, nil, defaults},
		{"flags", []string{"--addr", ":9000", "--database", "x.db", "--demo", "--log-format=json", "--log-level", "debug", "--institution", "UiF"}, nil,
			with(func(c *Config) {
				c.Addr, c.Database, c.Demo, c.LogFormat, c.LogLevel, c.Institution = ":9000", "x.db", true, "json", slog.LevelDebug, "UiF"
			})},
		{"env", nil, map[string]string{
			"LAERINGSLIV_ADDR": ":7000", "LAERINGSLIV_DATABASE": "postgres://u:p@h/db", "LAERINGSLIV_DEMO": "1",
			"LAERINGSLIV_LOG_FORMAT": "json", "LAERINGSLIV_LOG_LEVEL": "warn", "LAERINGSLIV_INSTITUTION": "HiF",
			"LAERINGSLIV_BASE_URL": "https://l.example.no",
		}, with(func(c *Config) {
			c.BaseURL = "https://l.example.no"
			c.Addr, c.Database, c.Demo, c.LogFormat, c.LogLevel, c.Institution = ":7000", "postgres://u:p@h/db", true, "json", slog.LevelWarn, "HiF"
		})},
		{"flag wins over env", []string{"--addr=:1", "--demo=false", "--log-level=error"},
			map[string]string{"LAERINGSLIV_ADDR": ":2", "LAERINGSLIV_DEMO": "true", "LAERINGSLIV_LOG_LEVEL": "debug"},
			with(func(c *Config) { c.Addr, c.LogLevel = ":1", slog.LevelError })},
		{"env and flags mix", []string{"--database", "a.db"},
			map[string]string{"LAERINGSLIV_DATABASE": "b.db", "LAERINGSLIV_ADDR": ":3"},
			with(func(c *Config) { c.Database, c.Addr = "a.db", ":3" })},
		{"files flag", []string{"--files", "/srv/laeringsliv/filer"}, nil,
			with(func(c *Config) { c.Files = "/srv/laeringsliv/filer" })},
		{"files env", nil, map[string]string{"LAERINGSLIV_FILES": "/mnt/opplastinger"},
			with(func(c *Config) { c.Files = "/mnt/opplastinger" })},
		{"empty env is unset", nil, map[string]string{"LAERINGSLIV_ADDR": "", "LAERINGSLIV_DEMO": ""}, defaults},
		{"unrelated env", nil, map[string]string{"ADDR": ":5", "LAERINGSLIV_PORT": "5"}, defaults},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseServeConfig(tt.args, env(tt.env))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseServeConfigErrors(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		inError string
	}{
		{"unknown flag", []string{"--port", "1"}, nil, "port"},
		{"bad bool env", nil, map[string]string{"LAERINGSLIV_DEMO": "yes please"}, "LAERINGSLIV_DEMO"},
		{"bad level env", nil, map[string]string{"LAERINGSLIV_LOG_LEVEL": "loud"}, "LAERINGSLIV_LOG_LEVEL"},
		{"bad level flag", []string{"--log-level", "loud"}, nil, "log-level"},
		{"bad format", []string{"--log-format", "xml"}, nil, "xml"},
		{"bad format env", nil, map[string]string{"LAERINGSLIV_LOG_FORMAT": "yaml"}, "yaml"},
		{"empty database", []string{"--database", " "}, nil, "database"},
		{"stray argument", []string{"extra"}, nil, "argument"},
		{"bad base URL", []string{"--base-url", "ftp://x"}, nil, "base URL"},
		{"relative base URL env", nil, map[string]string{"LAERINGSLIV_BASE_URL": "/app"}, "base URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseServeConfig(tt.args, env(tt.env))
			if !errors.Is(err, errUsage) {
				t.Fatalf("err = %v, want a usage error", err)
			}
			if !strings.Contains(err.Error(), tt.inError) {
				t.Errorf("err = %v, want it to mention %q", err, tt.inError)
			}
		})
	}
}

func TestParseServeConfigHelp(t *testing.T) {
	for _, arg := range []string{"-h", "--help", "-help"} {
		if _, err := parseServeConfig([]string{arg}, env(nil)); !errors.Is(err, flag.ErrHelp) {
			t.Errorf("%s: err = %v, want flag.ErrHelp", arg, err)
		}
	}
}

// FuzzParseConfig feeds arbitrary command lines and environment values to the parser: it must
// never panic, must reject what it cannot use, and a flag given on the command line must win.
func FuzzParseConfig(f *testing.F) {
	f.Add("--addr :1 --demo", ":2", "json", "debug")
	f.Add("--log-format=xml", "", "", "")
	f.Add("--database", "x", "text", "INFO+2")
	f.Add("-- --addr=:3", "\x00", "json\n", "-4")
	f.Fuzz(func(t *testing.T, args, addrEnv, formatEnv, levelEnv string) {
		argv := strings.Fields(args)
		e := map[string]string{"LAERINGSLIV_ADDR": addrEnv, "LAERINGSLIV_LOG_FORMAT": formatEnv, "LAERINGSLIV_LOG_LEVEL": levelEnv}
		cfg, err := parseServeConfig(argv, env(e))
		if err != nil {
			if !errors.Is(err, errUsage) && !errors.Is(err, flag.ErrHelp) {
				t.Fatalf("err = %v, want a usage error", err)
			}
			return
		}
		if cfg.LogFormat != "text" && cfg.LogFormat != "json" {
			t.Fatalf("accepted log format %q", cfg.LogFormat)
		}
		if strings.TrimSpace(cfg.Database) == "" || strings.TrimSpace(cfg.Institution) == "" {
			t.Fatalf("accepted empty setting: %+v", cfg)
		}
		// With the environment emptied, only the command line decides. If it set --addr, the
		// value must be the same with or without the environment.
		bare, err := parseServeConfig(argv, env(nil))
		if err == nil && setsFlag(argv, "addr") && bare.Addr != cfg.Addr {
			t.Fatalf("env changed --addr given on the command line: %q vs %q", cfg.Addr, bare.Addr)
		}
	})
}

// setsFlag reports whether argv sets the named flag before the end of the flags.
func setsFlag(argv []string, name string) bool {
	for _, a := range argv {
		if a == "--" || !strings.HasPrefix(a, "-") {
			return false
		}
		a = strings.TrimLeft(a, "-")
		if a == name || strings.HasPrefix(a, name+"=") {
			return true
		}
	}
	return false
}

func TestFilesDir(t *testing.T) {
	for _, tc := range []struct {
		cfg  Config
		want string
	}{
		{Config{Database: "./data/laeringsliv.db"}, filepath.Join("data", "files")},
		{Config{Database: "/var/lib/l/l.db"}, "/var/lib/l/files"},
		{Config{Database: "l.db"}, "files"},
		{Config{Database: "postgres://u:p@h/db"}, filepath.Join("data", "files")},
		{Config{Database: "postgres://u:p@h/db", Files: "/srv/filer"}, "/srv/filer"},
		{Config{Database: "l.db", Files: "opplastinger"}, "opplastinger"},
	} {
		if got := filesDir(&tc.cfg); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.cfg, got, tc.want)
		}
	}
}

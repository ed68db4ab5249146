package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"laeringsliv/smtpmail"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"laeringsliv/web"
)

// Config is everything the command line and the environment can set. Each subcommand uses
// the fields it needs; main passes them on to constructors and nothing reads them globally.
type Config struct {
	Database    string     // SQLite file path or postgres:// URL
	LogFormat   string     // text or json
	LogLevel    slog.Level // debug, info, warn or error
	Institution string     // name of the institution created in an empty database

	Addr    string // serve: listen address
	Demo    bool   // serve: seed demo data into an empty database
	BaseURL string // serve: public address for links that are copied (invitations)
	SMTPURL string // serve: mail server for invitations; empty: links are only shown for copying
	Files   string // serve: folder of uploaded files; empty: beside the database (see filesDir)
	Backups string // serve: folder of backups taken from the admin page; empty: see backupsDir
	// JobRescueAfter is how long a job may run before it is taken for abandoned by a node that
	// died and run again (PostgreSQL; on SQLite the one process recovers its jobs at start).
	JobRescueAfter time.Duration

	AdminAddr       string        // serve: listen address of /metrics and the health checks; "off": none
	TrustedProxies  string        // serve: addresses or CIDR prefixes of reverse proxies to believe
	MetricsToken    string        // serve: bearer token that also opens /metrics on the public address
	OIDC            string        // serve: OpenID Providers (see web.ParseOIDCProviders)
	NoPasswordLogin bool          // serve: hide the e-mail and password form
	DeviceKey       string        // serve: secret that signs device and sign-in cookies (same on every node)
	ReadTimeout     time.Duration // serve: time to read one request, body included
	WriteTimeout    time.Duration // serve: time to answer one request
}

// Defaults.
const (
	DefaultAddr        = "127.0.0.1:8080"
	DefaultAdminAddr   = "127.0.0.1:9090"
	DefaultDatabase    = "./data/laeringsliv.db"
	DefaultInstitution = "Universitetet"
	envPrefix          = "LAERINGSLIV_"
)

// Getenv looks up an environment variable; os.LookupEnv in main, a map in tests.
type Getenv func(key string) (string, bool)

// envName returns the environment variable of a flag: --log-format → LAERINGSLIV_LOG_FORMAT.
func envName(flagName string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// cmdFlags is a subcommand's flag set and the flags that an environment variable may set.
type cmdFlags struct {
	fs    *flag.FlagSet
	env   []string // flag names
	usage string   // synopsis and description, shown above the flags
}

func newCmdFlags(name, usage string) *cmdFlags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors and usage are printed by the caller
	return &cmdFlags{fs: fs, usage: usage}
}

// bindEnv lets an environment variable set each named flag, and says so in its help.
func (c *cmdFlags) bindEnv(names ...string) {
	for _, n := range names {
		f := c.fs.Lookup(n)
		f.Usage += " (env " + envName(n) + ")"
		c.env = append(c.env, n)
	}
}

// commonFlags are the flags of every subcommand that opens the database.
func (c *cmdFlags) commonFlags(cfg *Config) {
	c.fs.StringVar(&cfg.Database, "database", DefaultDatabase, "SQLite database file, or a postgres:// URL")
	c.fs.StringVar(&cfg.LogFormat, "log-format", "text", "log format on stderr: text or json")
	c.fs.TextVar(&cfg.LogLevel, "log-level", slog.LevelInfo, "log `level`: debug, info, warn or error")
	c.bindEnv("database", "log-format", "log-level")
	cfg.Institution = DefaultInstitution // so that validate passes where --institution is not defined
}

// filesFlag adds --files, for the subcommands that handle uploaded files.
func (c *cmdFlags) filesFlag(cfg *Config) {
	c.fs.StringVar(&cfg.Files, "files", "", "folder of uploaded files (default: files/ beside the SQLite database,\nor ./data/files with PostgreSQL)")
	c.bindEnv("files")
}

// institutionFlag adds --institution, for the subcommands that may create the institution.
func (c *cmdFlags) institutionFlag(cfg *Config) {
	c.fs.StringVar(&cfg.Institution, "institution", DefaultInstitution,
		"name of the institution to create when the database has none")
	c.bindEnv("institution")
}

// serveFlags adds the flags of serve.
func (c *cmdFlags) serveFlags(cfg *Config) {
	c.fs.StringVar(&cfg.Addr, "addr", DefaultAddr, "address to listen on (host:port; port 0 picks a free one)")
	c.fs.BoolVar(&cfg.Demo, "demo", false, "seed demo data if the database is empty, and print the demo logins")
	c.fs.StringVar(&cfg.BaseURL, "base-url", "", "public URL of the site, such as https://laeringsliv.example.no,\nfor links people copy (default: the request's host)")
	c.fs.StringVar(&cfg.SMTPURL, "smtp-url", "", "mail server for invitation links, such as\nsmtp://user:password@mail.example.no:587?from=noreply@example.no (default: none;\nlinks are shown for copying)")
	c.fs.StringVar(&cfg.Files, "files", "", "folder for uploaded files (default: files/ beside the SQLite database,\nor ./data/files with PostgreSQL)")
	c.fs.StringVar(&cfg.Backups, "backups", "", "folder for backups an administrator takes on the admin page (default:\nbackups/ beside the SQLite database, or ./data/backups with PostgreSQL)")
	c.fs.DurationVar(&cfg.JobRescueAfter, "job-rescue-after", 35*time.Minute, "with PostgreSQL, how long a job may run before another node takes it for\nabandoned (by a node that died) and runs it again; keep it above the longest job,\na backup's 30 minutes, unless no backup runs from the admin page")
	c.fs.StringVar(&cfg.AdminAddr, "admin-addr", DefaultAdminAddr, "address of the operators' listener: /metrics, /healthz, /readyz\n(keep it on loopback or a private network; \"off\" for none)")
	c.fs.StringVar(&cfg.TrustedProxies, "trusted-proxies", "", "addresses or CIDR prefixes of reverse proxies whose X-Forwarded-For,\nForwarded and X-Forwarded-Proto headers are believed, such as 127.0.0.1,10.0.0.0/8\n(default: none)")
	c.fs.StringVar(&cfg.MetricsToken, "metrics-token", "", "bearer token with which a scraper may also read /metrics on the\npublic address (default: none; /metrics only on --admin-addr)")
	c.fs.DurationVar(&cfg.ReadTimeout, "read-timeout", web.DefaultReadTimeout, "time a client has to send one request, body included\n(uploads of files get more, by their size)")
	c.fs.DurationVar(&cfg.WriteTimeout, "write-timeout", web.DefaultWriteTimeout, "time to answer one request (live streams set their own)")
	c.fs.StringVar(&cfg.OIDC, "oidc", "", "OpenID Providers to sign in with, separated by ';', each as\nname=…,display=…,issuer=…,client-id=…,client-secret=…[,claim=sub|email|eduPersonPrincipalName]\n[,self-register=domain] (see the README)")
	c.fs.BoolVar(&cfg.NoPasswordLogin, "no-password-login", false, "hide the e-mail and password form: everyone signs in through --oidc")
	c.fs.StringVar(&cfg.DeviceKey, "device-key", "", "secret of at least 32 characters that signs device and sign-in cookies;\ngive every node the same (default: random per process)")
	c.bindEnv("addr", "demo", "base-url", "smtp-url", "files", "backups", "job-rescue-after", "admin-addr", "trusted-proxies", "metrics-token",
		"read-timeout", "write-timeout", "oidc", "no-password-login", "device-key")
}

// errUsage marks an error in the command line; main exits with status 2.
var errUsage = errors.New("usage")

// parse applies the environment, then the command line, so that a flag given on the command
// line wins. An empty environment variable counts as unset.
func (c *cmdFlags) parse(args []string, getenv Getenv) error {
	for _, n := range c.env {
		v, ok := getenv(envName(n))
		if !ok || v == "" {
			continue
		}
		if err := c.fs.Set(n, v); err != nil {
			return fmt.Errorf("%w: %s=%q: %v", errUsage, envName(n), v, err)
		}
	}
	if err := c.fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

// printUsage writes the synopsis and the flags, with defaults and environment variables.
func (c *cmdFlags) printUsage(w io.Writer) {
	fmt.Fprintln(w, strings.TrimSpace(c.usage))
	n := 0
	c.fs.VisitAll(func(*flag.Flag) { n++ })
	if n == 0 {
		return
	}
	fmt.Fprintln(w, "\nFlags:")
	var b strings.Builder
	c.fs.SetOutput(&b)
	c.fs.PrintDefaults()
	c.fs.SetOutput(io.Discard)
	// The flag package accepts -name and --name alike; show the GNU style the docs use.
	fmt.Fprint(w, strings.ReplaceAll("\n"+b.String(), "\n  -", "\n  --")[1:])
	if len(c.env) > 0 {
		fmt.Fprintln(w, "\nA flag on the command line wins over its environment variable.")
	}
}

// validate checks values that the flag package cannot.
func (cfg *Config) validate() error {
	switch {
	case cfg.LogFormat != "text" && cfg.LogFormat != "json":
		return fmt.Errorf("%w: log format %q: want text or json", errUsage, cfg.LogFormat)
	case strings.TrimSpace(cfg.Database) == "":
		return fmt.Errorf("%w: empty database", errUsage)
	case strings.TrimSpace(cfg.Institution) == "":
		return fmt.Errorf("%w: empty institution name", errUsage)
	case cfg.BaseURL != "" && !validBaseURL(cfg.BaseURL):
		return fmt.Errorf("%w: base URL %q: want http(s)://host[/path]", errUsage, cfg.BaseURL)
	}
	if _, err := web.ParseProxies(cfg.TrustedProxies); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	ps, err := web.ParseOIDCProviders(cfg.OIDC)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if cfg.NoPasswordLogin && len(ps) == 0 {
		return fmt.Errorf("%w: --no-password-login needs at least one --oidc provider", errUsage)
	}
	if cfg.DeviceKey != "" && len(cfg.DeviceKey) < 32 {
		return fmt.Errorf("%w: device key: want at least 32 characters", errUsage)
	}
	if cfg.ReadTimeout < 0 || cfg.WriteTimeout < 0 {
		return fmt.Errorf("%w: negative request timeout", errUsage)
	}
	if cfg.MetricsToken != "" && len(cfg.MetricsToken) < 16 {
		return fmt.Errorf("%w: metrics token: want at least 16 characters", errUsage)
	}
	if cfg.SMTPURL != "" {
		if _, err := smtpmail.Parse(cfg.SMTPURL); err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
	}
	return nil
}

func validBaseURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" &&
		u.User == nil && u.RawQuery == "" && u.Fragment == ""
}

// logger returns the structured logger the configuration asks for, writing to w.
func (cfg *Config) logger(w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// parseServeConfig parses the arguments of serve; tests and the fuzz target use it directly.
func parseServeConfig(args []string, getenv Getenv) (Config, error) {
	var cfg Config
	err := parseDB(serveCmdFlags(&cfg), &cfg, args, getenv, 0)
	return cfg, err
}

func serveCmdFlags(cfg *Config) *cmdFlags {
	c := newCmdFlags("serve", serveUsage)
	c.serveFlags(cfg)
	c.commonFlags(cfg)
	c.institutionFlag(cfg)
	return c
}

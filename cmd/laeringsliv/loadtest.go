package main

import (
	"context"
	"fmt"
	"strings"

	"laeringsliv/loadtest"
)

const loadtestUsage = `Usage: laeringsliv loadtest --url URL (--code CODE,... | --login EMAIL:PASSWORD --workplace ID --sessions N) [flags]

Drives simulated IPE participants over the public API against a running server: they join,
open their event streams and write notes. Prints participants connected, notes per second
acknowledged, acknowledgement and delivery latency (from a note's acknowledgement to its event
at every client of the session: p50, p95, p99), errors, and the server's memory per idle
connection: (figure with every stream open - figure before anyone joined) / streams, for
resident memory, Go heap and goroutine stacks, each the median of 3 readings of
/metrics?gc=1 on the operators' listener (--metrics-url). That parameter makes the server
collect garbage first; it only heeds it from loopback, so run the tool on the server's host for
the figure to mean anything.
The tool raises its own open-file limit to the participants + 512 it needs (one socket per
event stream), up to the hard limit; the server needs as many (Go raises its soft limit to
the hard one). With --login the tool creates the sessions itself as that facilitator.`

func (c *CLI) loadtest(ctx context.Context, f *cmdFlags, args []string) error {
	var cfg loadtest.Config
	var codes, login string
	f.fs.StringVar(&cfg.URL, "url", "", "the server's address")
	f.fs.StringVar(&cfg.MetricsURL, "metrics-url", "http://"+DefaultAdminAddr, "the server's operators' listener (--admin-addr), for /metrics")
	f.fs.StringVar(&codes, "code", "", "join codes of sessions in the capture phase, comma-separated")
	f.fs.StringVar(&login, "login", "", "EMAIL:PASSWORD of a facilitator who creates the sessions")
	f.fs.Int64Var(&cfg.Workplace, "workplace", 0, "the workplace of the created sessions")
	f.fs.IntVar(&cfg.Sessions, "sessions", 1, "sessions to create")
	f.fs.IntVar(&cfg.Participants, "participants", 100, "participants in all")
	f.fs.IntVar(&cfg.Notes, "notes", 2, "notes per participant")
	if err := f.parse(args, c.Getenv); err != nil {
		return err
	}
	if f.fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, f.fs.Arg(0))
	}
	if codes != "" {
		cfg.Codes = strings.Split(codes, ",")
	}
	if login != "" {
		cfg.Email, cfg.Password, _ = strings.Cut(login, ":")
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return loadtest.Run(ctx, cfg, c.Stdout)
}

package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	"laeringsliv/loadtest"
	"laeringsliv/sqlstore"
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
the hard one). With --login the tool creates the sessions itself as that facilitator.
With --bare it first runs the same load against a bare net/http event broadcaster (no
storage, the same messages and clients; in a process of its own, on loopback) and prints
the server's throughput and memory per stream as shares of the bare figures. The load average
is printed beside each run.
With --repeat N the load runs N times, each in new sessions (after a bare run of its own with
--bare), and the medians of the runs' figures are printed: one run on a shared machine is noise.
With --history-db (the server's database, SQLite file or PostgreSQL URL) and
--history-notes/--history-participants the tool runs the load, then stores that many notes
and participants in closed sessions of --workplace, in bulk, then runs the load again, and
prints how the medians changed: the cost of history. Only for a load-test database: the rows
stay.`

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
	f.fs.IntVar(&cfg.Writers, "writers", 256, "participants writing at once")
	f.fs.Float64Var(&cfg.Rate, "rate", 0, "notes per second in all, paced as people write (default 0: as fast as the server answers)")
	f.fs.BoolVar(&cfg.Bare, "bare", false, "measure a bare net/http broadcaster first, in the same run")
	f.fs.IntVar(&cfg.Repeat, "repeat", 1, "run the load this many times and print the medians")
	var history historyFlags
	f.fs.StringVar(&history.dsn, "history-db", "", "fill this database with history first (load-test databases only)")
	f.fs.IntVar(&history.notes, "history-notes", 0, "earlier notes to store with --history-db")
	f.fs.IntVar(&history.participants, "history-participants", 0, "earlier participants to store with --history-db")
	serveBare := f.fs.Bool("serve-bare", false, "serve the bare broadcaster on loopback, printing its address (used by --bare)")
	if err := f.parse(args, c.Getenv); err != nil {
		return err
	}
	if *serveBare {
		return c.serveBare()
	}
	if cfg.Bare {
		exe, err := os.Executable()
		if err != nil {
			return err
		}
		cfg.BareCommand = []string{exe, "loadtest", "--serve-bare"}
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
	if history.dsn == "" {
		_, err := loadtest.Run(ctx, cfg, c.Stdout)
		return err
	}
	fmt.Fprintln(c.Stdout, "======== before the history")
	before, err := loadtest.Run(ctx, cfg, c.Stdout)
	if err != nil {
		return err
	}
	if err := c.fillHistory(ctx, history, cfg.Workplace); err != nil {
		return err
	}
	fmt.Fprintln(c.Stdout, "======== with the history")
	after, err := loadtest.Run(ctx, cfg, c.Stdout)
	if err != nil {
		return err
	}
	loadtest.Compare(c.Stdout, "history", before, after)
	return nil
}

type historyFlags struct {
	dsn                 string
	notes, participants int
}

// fillHistory stores earlier sessions in the server's database before the load.
func (c *CLI) fillHistory(ctx context.Context, h historyFlags, workplace int64) error {
	if workplace == 0 {
		return fmt.Errorf("%w: --history-db needs --workplace", errUsage)
	}
	db, err := sqlstore.Open(ctx, h.dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	n, err := db.FillIPEHistory(ctx, workplace, h.notes, h.participants)
	if err != nil {
		return fmt.Errorf("fill history: %w", err)
	}
	fmt.Fprintf(c.Stdout, "history stored           %d notes, %d participants in %d closed sessions in %v\n",
		h.notes, h.participants, n, time.Since(start).Round(time.Millisecond))
	return nil
}

// serveBare serves the bare broadcaster on a free loopback port and prints its address.
func (c *CLI) serveBare() error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Stdout, "http://%s\n", ln.Addr())
	return loadtest.ServeBare(ln)
}

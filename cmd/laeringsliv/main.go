// Command laeringsliv runs Læringslivet: the web server and the administrative subcommands.
// It is the only place that wires the packages together: it picks the database, builds the
// web server from the domain services, and passes configuration to constructors.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"laeringsliv"
	"laeringsliv/web"
)

const usage = `Usage: laeringsliv <command> [flags]

Commands:
  serve                 run the web server
  migrate               apply database migrations and print the state
  user add              create a user (optionally an administrator)
  user passwd           set a user's password
  user list             list users and their roles
  token create          print a personal API token for a user
  report participation  print the article's Table 2 (--format csv|xlsx|json)
  report evidence       print Table 1, the evidence per gathering (--format csv|xlsx|json)
  export exam-list      write the exam list (CSV or XLSX) for the student system
  rota import FILE      import a workplace's shift rota (CSV or XLSX)
  programme export-template  write a programme as a template file (JSON)
  programme import-template FILE  start a new programme from a template file
  backup ARCHIVE        write the database and every uploaded file to one archive
  restore ARCHIVE       restore an archive into an empty database and files folder
  loadtest              drive simulated IPE participants against a running server
  version               print the version

Run "laeringsliv <command> --help" for the flags of a command.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	cli := &CLI{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.LookupEnv}
	code := cli.Run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

// CLI runs one subcommand with the given standard streams and environment.
type CLI struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv Getenv
}

// Run runs the subcommand named by args[0] and returns the exit status: 0 on success (and
// for --help), 2 for a wrong command line, 1 for any other error. serve runs until ctx ends.
func (c *CLI) Run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(c.Stderr, usage)
		return 2
	}
	if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(c.Stdout, usage)
		return 0
	}
	if text, ok := groupUsage[args[0]]; ok && (len(args) == 1 || isHelp(args[1])) {
		if len(args) == 1 {
			fmt.Fprint(c.Stderr, text)
			return 2
		}
		fmt.Fprint(c.Stdout, text)
		return 0
	}
	cmd, err := c.lookup(args)
	if err != nil {
		fmt.Fprintf(c.Stderr, "laeringsliv: %v\n\n%s", err, usage)
		return 2
	}
	err = cmd.run(ctx, cmd.args)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		cmd.flags.printUsage(c.Stdout)
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(c.Stderr, "laeringsliv %s: %v\n\n", cmd.flags.fs.Name(), err)
		cmd.flags.printUsage(c.Stderr)
		return 2
	}
	fmt.Fprintf(c.Stderr, "laeringsliv %s: %s\n", cmd.flags.fs.Name(), c.sentence(err))
	return 1
}

// sentence says err in the user's language (from LC_ALL, LC_MESSAGES or LANG; Bokmål by
// default), never as a catalogue key: a domain error becomes its catalogue text, with the
// context the command added kept around it.
func (c *CLI) sentence(err error) string {
	lang := c.lang()
	var ce cliError
	if errors.As(err, &ce) {
		return strings.Replace(err.Error(), ce.Error(), web.Message(lang, ce.key, ce.data), 1)
	}
	var e *laeringsliv.Error
	if errors.As(err, &e) && e.Key != "" {
		text := web.Message(lang, e.Key, nil)
		if text == e.Key { // a key no catalogue has: say what failed, not the key
			text = web.Message(lang, "cli.error.failed", nil)
		}
		return strings.Replace(err.Error(), e.Error(), text, 1)
	}
	return err.Error()
}

// lang is the command line's language from the locale variables, as nb, nn or en.
func (c *CLI) lang() string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v, ok := c.Getenv(name)
		if !ok || v == "" {
			continue
		}
		switch {
		case strings.HasPrefix(v, "nn"):
			return "nn"
		case strings.HasPrefix(v, "en"):
			return "en"
		}
		return "nb"
	}
	return "nb"
}

// groupUsage is the help of the commands that only group subcommands.
var groupUsage = map[string]string{
	"user": `Usage: laeringsliv user add|passwd|list [flags]

  user add     create a user (--email, --name, optionally --admin and --password-stdin)
  user passwd  set a user's password (--email, optionally --password-stdin)
  user list    list users and their roles

Run "laeringsliv user <subcommand> --help" for its flags.
`,
	"token": `Usage: laeringsliv token create --user EMAIL [flags]

  token create  print a personal API token for a user, for the facilitator API

Run "laeringsliv token create --help" for its flags.
`,
	"report": `Usage: laeringsliv report participation|evidence [flags]

  report participation  Table 2: participation per workplace
  report evidence       Table 1: the evidence collected per gathering

Run "laeringsliv report <subcommand> --help" for its flags.
`,
	"programme": `Usage: laeringsliv programme export-template|import-template [flags]

  programme export-template  write a programme as a template file (JSON)
  programme import-template  start a new programme from a template file

Run "laeringsliv programme <subcommand> --help" for its flags.
`,
	"export": `Usage: laeringsliv export exam-list [flags]

  export exam-list  the exam list (CSV or XLSX) for the student system

Run "laeringsliv export exam-list --help" for its flags.
`,
}

func isHelp(arg string) bool { return arg == "-h" || arg == "--help" || arg == "help" }

// command is a subcommand ready to run: its parsed-on-run flags and its remaining arguments.
type command struct {
	flags *cmdFlags
	args  []string
	run   func(ctx context.Context, args []string) error
}

// lookup finds the subcommand named by the first one or two arguments.
func (c *CLI) lookup(args []string) (*command, error) {
	var cfg Config
	switch args[0] {
	case "serve":
		f := serveCmdFlags(&cfg)
		return &command{f, args[1:], func(ctx context.Context, a []string) error { return c.serve(ctx, f, &cfg, a) }}, nil
	case "migrate":
		f := dbCmdFlags("migrate", migrateUsage, &cfg)
		return &command{f, args[1:], func(ctx context.Context, a []string) error { return c.migrate(ctx, f, &cfg, a) }}, nil
	case "backup":
		f := dbCmdFlags("backup", backupUsage, &cfg)
		f.filesFlag(&cfg)
		return &command{f, args[1:], func(ctx context.Context, a []string) error { return c.backup(ctx, f, &cfg, a) }}, nil
	case "restore":
		f := dbCmdFlags("restore", restoreUsage, &cfg)
		f.filesFlag(&cfg)
		return &command{f, args[1:], func(ctx context.Context, a []string) error { return c.restore(ctx, f, &cfg, a) }}, nil
	case "version":
		f := newCmdFlags("version", versionUsage)
		return &command{f, args[1:], func(ctx context.Context, a []string) error { return c.version(f, a) }}, nil
	case "report":
		return c.lookupReport(args[1:])
	case "token":
		if len(args) < 2 {
			return nil, errors.New(`"token" needs a subcommand: create`)
		}
		return c.lookupToken(args[1], args[2:])
	case "loadtest":
		f := newCmdFlags("loadtest", loadtestUsage)
		return &command{f, args[1:], func(ctx context.Context, a []string) error { return c.loadtest(ctx, f, a) }}, nil
	case "user":
		if len(args) < 2 {
			return nil, errors.New(`"user" needs a subcommand: add, passwd or list`)
		}
		return c.lookupUser(args[1], args[2:])
	case "rota":
		if len(args) < 2 {
			return nil, errors.New(`"rota" needs a subcommand: import`)
		}
		return c.lookupRota(args[1], args[2:])
	case "programme":
		if len(args) < 2 {
			return nil, errors.New(`"programme" needs a subcommand: export-template or import-template`)
		}
		return c.lookupProgramme(args[1], args[2:])
	case "export":
		if len(args) < 2 {
			return nil, errors.New(`"export" needs a subcommand: exam-list`)
		}
		return c.lookupExport(args[1], args[2:])
	}
	return nil, fmt.Errorf("unknown command %q", args[0])
}

// dbCmdFlags returns the flag set of a subcommand that only needs the common flags.
func dbCmdFlags(name, usage string, cfg *Config) *cmdFlags {
	f := newCmdFlags(name, usage)
	f.commonFlags(cfg)
	return f
}

// parseDB parses the flags of a subcommand and validates the configuration.
func parseDB(f *cmdFlags, cfg *Config, args []string, getenv Getenv, nargs int) error {
	if err := f.parse(args, getenv); err != nil {
		return err
	}
	if f.fs.NArg() != nargs {
		return fmt.Errorf("%w: want %d argument(s), got %d", errUsage, nargs, f.fs.NArg())
	}
	return cfg.validate()
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"laeringsliv/sqlstore"
	"laeringsliv/tabular"
	"laeringsliv/web"
)

const exportExamListUsage = `Usage: laeringsliv export exam-list [flags]

Writes one row per exam registration, for the university's student system, with the columns
workplace, person, level, requirements_approved, admission_basis, eligible, then email,
requirements (approved/required) and registered_at. CSV is UTF-8 with a byte-order mark so
that Excel keeps æøå. Writes to standard output unless --output is given.`

// exportFlags are the flags of the export subcommands.
type exportFlags struct {
	format string
	output string
}

// lookupExport finds an export subcommand.
func (c *CLI) lookupExport(sub string, args []string) (*command, error) {
	var cfg Config
	var ef exportFlags
	if sub != "exam-list" {
		return nil, fmt.Errorf("unknown command \"export %s\"", sub)
	}
	f := dbCmdFlags("export exam-list", exportExamListUsage, &cfg)
	f.fs.StringVar(&ef.format, "format", "csv", "output format: csv or xlsx")
	f.fs.StringVar(&ef.output, "output", "", "write to this `file` instead of standard output")
	return &command{f, args, func(ctx context.Context, a []string) error { return c.exportExamList(ctx, f, &cfg, &ef, a) }}, nil
}

func (c *CLI) exportExamList(ctx context.Context, f *cmdFlags, cfg *Config, ef *exportFlags, args []string) error {
	return c.withExistingDB(ctx, f, cfg, args, 0, func(db *sqlstore.DB) error {
		format, err := tabular.ParseFormat(ef.format)
		if err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		insts, err := db.FindInstitutions(ctx)
		if err != nil {
			return err
		} else if len(insts) == 0 {
			return errors.New("the database holds no institution")
		}
		first := insts[0]
		for _, i := range insts[1:] {
			if i.ID < first.ID {
				first = i
			}
		}
		rows, err := db.ExamList(ctx, first.ID)
		if err != nil {
			return err
		}
		return c.writeTable(web.ExamListTable(rows), format, ef.output)
	})
}

// writeTable writes t to path, or to standard output when path is empty.
func (c *CLI) writeTable(t *tabular.Table, format tabular.Format, path string) error {
	var w io.Writer = c.Stdout
	if path != "" {
		file, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return err
		}
		if err := t.Write(file, format); err != nil {
			_ = file.Close()
			return err
		}
		return file.Close()
	}
	return t.Write(w, format)
}

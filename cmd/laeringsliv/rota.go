package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"laeringsliv/rota"
	"laeringsliv/sqlstore"
)

const rotaImportUsage = `Usage: laeringsliv rota import --workplace ID [--dry-run] [flags] FILE

Imports a workplace's rota from a CSV or XLSX file as one period, replacing the active
periods whose dates it overlaps. The default layout is a header row
  email,date,start,end,code      (or the Norwegian epost,dato,start,slutt,kode)
then one shift a row: dates YYYY-MM-DD or DD.MM.YYYY, times HH:MM, an end before the
start meaning the next day. Commas or semicolons; UTF-8 or Windows-1252. Every person
must be a member of the workplace, by e-mail. On any bad row nothing is saved: every bad
row is listed by number and the exit status is 1. --dry-run checks and prints what would
be saved without saving.`

type rotaFlags struct {
	workplace int64
	dryRun    bool
}

// lookupRota finds a rota subcommand.
func (c *CLI) lookupRota(sub string, args []string) (*command, error) {
	if sub != "import" {
		return nil, fmt.Errorf("unknown command \"rota %s\"", sub)
	}
	var cfg Config
	var rf rotaFlags
	f := dbCmdFlags("rota import", rotaImportUsage, &cfg)
	f.fs.Int64Var(&rf.workplace, "workplace", 0, "the `ID` of the workplace the rota belongs to")
	f.fs.BoolVar(&rf.dryRun, "dry-run", false, "check the file and print what would be saved, saving nothing")
	return &command{f, args, func(ctx context.Context, a []string) error { return c.rotaImport(ctx, f, &cfg, &rf, a) }}, nil
}

func (c *CLI) rotaImport(ctx context.Context, f *cmdFlags, cfg *Config, rf *rotaFlags, args []string) error {
	return c.withExistingDB(ctx, f, cfg, args, 1, func(db *sqlstore.DB) error {
		if rf.workplace == 0 {
			return fmt.Errorf("%w: --workplace is required", errUsage)
		}
		data, err := readRotaFile(f.fs.Arg(0))
		if err != nil {
			return err
		}
		w, err := db.FindWorkplace(ctx, rf.workplace)
		if err != nil {
			return fmt.Errorf("workplace %d: %w", rf.workplace, err)
		}
		people, err := db.RotaPeople(ctx, w.ID)
		if err != nil {
			return err
		}
		p, ps := rota.Prepare(w.ID, data, rota.Columns{}, people)
		if len(ps) > 0 {
			for _, pr := range ps {
				fmt.Fprintln(c.Stderr, pr)
			}
			return fmt.Errorf("%d problem(s) in %s; nothing saved", len(ps), f.fs.Arg(0))
		}
		s := p.Summarise()
		verb := "would save"
		if !rf.dryRun {
			if err := db.SaveRotaPeriod(ctx, p); err != nil {
				return err
			}
			verb = "saved period " + strconv.FormatInt(p.ID, 10) + ":"
		}
		fmt.Fprintf(c.Stdout, "%s %s, %s to %s: %d shifts for %d people (%d nights, %d leave), %.1f hours\n",
			verb, w.Name, p.From.Format("2006-01-02"), p.To.Format("2006-01-02"), s.Shifts, s.People, s.Nights, s.Leave, s.Hours)
		return nil
	})
}

// readRotaFile reads at most rota.MaxFileSize bytes, refusing a larger file.
func readRotaFile(path string) ([]byte, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, rota.MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > rota.MaxFileSize {
		return nil, errors.New(rota.Problem{Kind: rota.ProblemTooLarge}.String())
	}
	return data, nil
}

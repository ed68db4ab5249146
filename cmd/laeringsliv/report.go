package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"laeringsliv"
	"laeringsliv/report"
	"laeringsliv/sqlstore"
)

const reportUsage = `Usage: laeringsliv report participation|evidence [flags]

Prints the article's Table 2 for a programme, computed from the database: per workplace the
FTEs, enrolled participants, those with all work requirements approved, bachelor and master
exam registrations, and innovations (tried, evaluated or implemented), then a Total row.
"evidence" prints Table 1 instead: the material collected per gathering of each workplace.
--programme may be left out when the deployment has one programme.`

// lookupReport finds the report subcommand.
func (c *CLI) lookupReport(args []string) (*command, error) {
	if len(args) == 0 || (args[0] != "participation" && args[0] != "evidence") {
		return nil, errors.New(`"report" needs a subcommand: participation or evidence`)
	}
	which := args[0]
	var cfg Config
	f := dbCmdFlags("report "+which, reportUsage, &cfg)
	format := f.fs.String("format", "csv", "output format: csv, xlsx or json")
	programme := f.fs.String("programme", "", "the programme's id")
	return &command{f, args[1:], func(ctx context.Context, a []string) error {
		return c.withExistingDB(ctx, f, &cfg, a, 0, func(db *sqlstore.DB) error {
			return c.reportParticipation(ctx, db, &cfg, which, *format, *programme)
		})
	}}, nil
}

func (c *CLI) reportParticipation(ctx context.Context, db *sqlstore.DB, cfg *Config, which, format, programme string) error {
	f, err := report.ParseFormat(format)
	if err != nil {
		return fmt.Errorf("%w: --format must be csv, xlsx or json", errUsage)
	}
	progID, err := c.reportProgramme(ctx, db, cfg, programme)
	if err != nil {
		return err
	}
	if which == "evidence" {
		rows, err := laeringsliv.EvidenceTable(ctx, db, db, progID)
		if err != nil {
			return err
		}
		return report.WriteEvidence(c.Stdout, f, rows)
	}
	rows, err := laeringsliv.ParticipationTable(ctx, db, db, progID)
	if err != nil {
		return err
	}
	return report.WriteParticipation(c.Stdout, f, rows)
}

// reportProgramme returns the programme named by the flag, or the deployment's only one.
func (c *CLI) reportProgramme(ctx context.Context, db *sqlstore.DB, cfg *Config, flagValue string) (int64, error) {
	if flagValue != "" {
		id, err := strconv.ParseInt(flagValue, 10, 64)
		if err != nil || id <= 0 {
			return 0, fmt.Errorf("%w: --programme must be a programme id", errUsage)
		}
		_, err = db.FindProgramme(ctx, id)
		return id, err
	}
	inst, err := deploymentInstitution(ctx, db, cfg.Institution, cfg.logger(c.Stderr))
	if err != nil {
		return 0, err
	}
	progs, err := db.FindProgrammes(ctx, inst.ID)
	if err != nil {
		return 0, err
	}
	if len(progs) != 1 {
		return 0, fmt.Errorf("%w: the deployment has %d programmes; choose one with --programme", errUsage, len(progs))
	}
	return progs[0].ID, nil
}

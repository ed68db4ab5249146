package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"laeringsliv"
	"laeringsliv/sqlstore"
)

const exportTemplateUsage = `Usage: laeringsliv programme export-template --programme ID [--text] [--output FILE] [flags]

Writes a programme as a template file (docs/programme-template.md): its workplaces' names,
gatherings, work requirements, syllabus, reading workshop plans, IPE questions and the
handbook's chapter titles and headings. Never a person, a note, an answer, a submission or
an assessment. --text keeps the handbook's chapter text too. Without --output the file goes
to standard output.`

const importTemplateUsage = `Usage: laeringsliv programme import-template --by EMAIL [--name TITLE] [--start YYYY-MM-DD | --shift DAYS] [--handbook-text] [--dry-run] [flags] FILE

Starts a new programme in the institution of the person --by names (the author of the
handbook's first versions, and the new programme's teacher) from a template file. --name is
its title and topic (default: the template's). --start moves every date in whole weeks to
start near that day; --shift moves every date by a number of days; a gathering that then
falls on a weekend moves to the Monday after. A file that cannot be used is named and
explained, and nothing is saved (exit status 1). --dry-run checks and prints what would be
created without saving.`

type templateFlags struct {
	programme    int64
	text         bool
	output       string
	by, name     string
	start        string
	shift        int
	handbookText bool
	dryRun       bool
}

// lookupProgramme finds a programme subcommand.
func (c *CLI) lookupProgramme(sub string, args []string) (*command, error) {
	var cfg Config
	var tf templateFlags
	switch sub {
	case "export-template":
		f := dbCmdFlags("programme export-template", exportTemplateUsage, &cfg)
		f.fs.Int64Var(&tf.programme, "programme", 0, "the `ID` of the programme to export")
		f.fs.BoolVar(&tf.text, "text", false, "keep the text of the handbook's chapters")
		f.fs.StringVar(&tf.output, "output", "", "write to `FILE` instead of standard output")
		return &command{f, args, func(ctx context.Context, a []string) error { return c.exportTemplate(ctx, f, &cfg, &tf, a) }}, nil
	case "import-template":
		f := dbCmdFlags("programme import-template", importTemplateUsage, &cfg)
		f.fs.StringVar(&tf.by, "by", "", "the `EMAIL` of the person who starts the programme")
		f.fs.StringVar(&tf.name, "name", "", "the new programme's `TITLE` (default: the template's)")
		f.fs.StringVar(&tf.start, "start", "", "the new first `DAY`, YYYY-MM-DD; dates move in whole weeks")
		f.fs.IntVar(&tf.shift, "shift", 0, "move every date by `DAYS` (when --start is not given)")
		f.fs.BoolVar(&tf.handbookText, "handbook-text", false, "copy the handbook's chapter text where the file has it")
		f.fs.BoolVar(&tf.dryRun, "dry-run", false, "check the file and print what would be created, saving nothing")
		return &command{f, args, func(ctx context.Context, a []string) error { return c.importTemplate(ctx, f, &cfg, &tf, a) }}, nil
	}
	return nil, fmt.Errorf("unknown command \"programme %s\"", sub)
}

func (c *CLI) exportTemplate(ctx context.Context, f *cmdFlags, cfg *Config, tf *templateFlags, args []string) error {
	return c.withExistingDB(ctx, f, cfg, args, 0, func(db *sqlstore.DB) error {
		if tf.programme == 0 {
			return fmt.Errorf("%w: --programme is required", errUsage)
		}
		p, err := db.FindProgramme(ctx, tf.programme)
		if err != nil {
			return fmt.Errorf("programme %d: %w", tf.programme, err)
		}
		t, err := laeringsliv.ExportTemplate(ctx, db, p, tf.text)
		if err != nil {
			return err
		}
		doc, err := json.MarshalIndent(t, "", "  ")
		if err != nil {
			return err
		}
		doc = append(doc, '\n')
		if tf.output == "" {
			_, err = c.Stdout.Write(doc)
			return err
		}
		return os.WriteFile(tf.output, doc, 0o644)
	})
}

func (c *CLI) importTemplate(ctx context.Context, f *cmdFlags, cfg *Config, tf *templateFlags, args []string) error {
	return c.withExistingDB(ctx, f, cfg, args, 1, func(db *sqlstore.DB) error {
		if tf.by == "" {
			return fmt.Errorf("%w: --by is required", errUsage)
		}
		path := f.fs.Arg(0)
		t, err := readTemplateFile(path)
		if err != nil {
			return err
		}
		person, err := db.FindPersonByEmail(ctx, tf.by)
		if err != nil {
			return fmt.Errorf("--by %s: %w", tf.by, err)
		}
		shift := tf.shift
		if tf.start != "" {
			to, err := laeringsliv.ParseTemplateDay(tf.start, "start")
			if err != nil {
				return fmt.Errorf("--start: %w", err)
			}
			from, _ := laeringsliv.ParseTemplateDay(t.StartsOn, "starts_on") // checked by the parser
			shift = laeringsliv.ShiftForStart(from, to)
		}
		parts := laeringsliv.AllCohortParts()
		parts.HandbookText = tf.handbookText
		co, err := t.Cohort(person.InstitutionID, laeringsliv.CohortOptions{Name: tf.name, ShiftDays: shift, Parts: parts,
			TeacherID: person.ID, MakeTeacher: true})
		if err != nil {
			return templateError(path, err)
		}
		verb := "would create"
		if !tf.dryRun {
			if err := db.CreateCohort(ctx, co); err != nil {
				return err
			}
			verb = fmt.Sprintf("created programme %d:", co.Programme.ID)
		}
		fmt.Fprintf(c.Stdout, "%s %s (%d–%d), dates moved %d days: %s\n", verb, co.Programme.Name,
			co.Programme.StartYear, co.Programme.EndYear, shift, cohortSummary(co))
		return nil
	})
}

// readTemplateFile reads and checks a template file, naming a problem and where it is.
func readTemplateFile(path string) (*laeringsliv.ProgrammeTemplate, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	t, err := laeringsliv.ReadTemplate(file)
	if err != nil {
		return nil, templateError(path, err)
	}
	return t, nil
}

// templateError puts the file's name before a problem and where it is in the file after it.
func templateError(path string, err error) error {
	var e *laeringsliv.Error
	if errors.As(err, &e) && e.Field != "" {
		return fmt.Errorf("%s: %w (%s)", path, err, e.Field)
	}
	return fmt.Errorf("%s: %w", path, err)
}

func cohortSummary(c *laeringsliv.Cohort) string {
	var gatherings, workshops, questions int
	for _, w := range c.Workplaces {
		gatherings += len(w.Gatherings)
		workshops += len(w.Workshops)
		questions += len(w.Sessions)
	}
	parts := []string{
		fmt.Sprintf("%d workplace(s)", len(c.Workplaces)), fmt.Sprintf("%d gathering(s)", gatherings),
		fmt.Sprintf("%d work requirement(s)", len(c.Requirements)), fmt.Sprintf("%d syllabus text(s)", len(c.Syllabus)),
		fmt.Sprintf("%d reading workshop(s)", workshops), fmt.Sprintf("%d IPE question(s)", questions),
		fmt.Sprintf("%d handbook chapter(s)", len(c.Chapters)),
	}
	return strings.Join(parts, ", ")
}

package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
)

const (
	migrateUsage = `Usage: laeringsliv migrate [flags]

Applies the database migrations that have not run yet and prints the state of the database.`
	backupUsage = `Usage: laeringsliv backup [flags] ARCHIVE

Writes one archive (tar.gz) with a consistent copy of the database and every uploaded file,
while the server may keep running: SQLite is copied online, PostgreSQL through pg_dump (from
PostgreSQL's client programs). ARCHIVE must not exist yet.`
	restoreUsage = `Usage: laeringsliv restore [flags] ARCHIVE

Restores an archive written by "laeringsliv backup" into an empty place: a SQLite database
file that does not exist yet (or an empty PostgreSQL database, through psql) and an empty or
missing files folder. It never overwrites anything.`
	versionUsage = `Usage: laeringsliv version

Prints the version of the binary and the Go version it was built with.`
)

func (c *CLI) migrate(ctx context.Context, f *cmdFlags, cfg *Config, args []string) error {
	return c.withDB(ctx, f, cfg, args, 0, func(db *sqlstore.DB) error {
		if err := db.Migrate(ctx); err != nil {
			return err
		}
		insts, err := db.FindInstitutions(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.Stdout, "Database %s (%s) is migrated.\n", redact(cfg.Database), db.Dialect())
		if len(insts) == 0 {
			fmt.Fprintln(c.Stdout, "It is empty: no institution yet.")
		}
		for _, i := range insts {
			printInstitution(ctx, c, db, i)
		}
		return nil
	})
}

// printInstitution writes one line per institution with the number of its programmes,
// workplaces and people; counts that cannot be read are left out.
func printInstitution(ctx context.Context, c *CLI, db *sqlstore.DB, i *laeringsliv.Institution) {
	progs, err1 := db.FindProgrammes(ctx, i.ID)
	wps, err2 := db.FindWorkplaces(ctx, laeringsliv.WorkplaceFilter{InstitutionID: i.ID})
	people, err3 := db.FindPersons(ctx, laeringsliv.PersonFilter{InstitutionID: i.ID})
	if err1 != nil || err2 != nil || err3 != nil {
		fmt.Fprintf(c.Stdout, "Institution %d: %s\n", i.ID, i.Name)
		return
	}
	fmt.Fprintf(c.Stdout, "Institution %d: %s: %d programme(s), %d workplace(s), %d people\n",
		i.ID, i.Name, len(progs), len(wps), len(people))
}

func (c *CLI) backup(ctx context.Context, f *cmdFlags, cfg *Config, args []string) error {
	return c.withExistingDB(ctx, f, cfg, args, 1, func(db *sqlstore.DB) error {
		path := f.fs.Arg(0)
		m, err := writeArchive(ctx, cfg, db, path)
		if err != nil {
			return fmt.Errorf("backup to %s: %w", path, err)
		}
		fmt.Fprintf(c.Stdout, "Wrote a backup of %s and %d uploaded file(s) to %s\n", redact(cfg.Database), m.Files, path)
		return nil
	})
}

func (c *CLI) restore(ctx context.Context, f *cmdFlags, cfg *Config, args []string) error {
	if err := parseDB(f, cfg, args, c.Getenv, 1); err != nil {
		return err
	}
	m, err := readArchive(ctx, cfg, f.fs.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Stdout, "Restored the %s database of %s and %d uploaded file(s) into %s\n",
		m.Dialect, m.Created.Format(time.RFC3339), m.Files, redact(cfg.Database))
	return nil
}

// version is set at build time with -ldflags "-X main.version=v1.2.3"; when empty, the
// module version or VCS revision recorded by the Go toolchain is used.
var version string

// buildVersion returns the version of the running binary.
func buildVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if modified == "true" {
		rev += "-dirty"
	}
	return "devel-" + rev
}

func (c *CLI) version(f *cmdFlags, args []string) error {
	if err := f.parse(args, c.Getenv); err != nil {
		return err
	}
	if f.fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, f.fs.Arg(0))
	}
	fmt.Fprintf(c.Stdout, "laeringsliv %s (%s %s/%s)\n", buildVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}

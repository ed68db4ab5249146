package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"laeringsliv"
	"laeringsliv/sqlstore"
)

// errNoDatabase says a command that only reads was pointed at a SQLite file that does not
// exist. Such commands never create one: a mistyped path must not leave a new database
// (and folders, and an institution) behind.
type errNoDatabase struct{ path string }

func (e *errNoDatabase) Error() string { return fmt.Sprintf("database %s does not exist", e.path) }

// errNoInstitution says the database has no institution, so a report has nothing to show.
var errNoInstitution = errors.New("the database has no institution yet")

// withExistingDB is withDB for commands that read: a SQLite database must already exist.
func (c *CLI) withExistingDB(ctx context.Context, f *cmdFlags, cfg *Config, args []string, nargs int, fn func(*sqlstore.DB) error) error {
	if err := parseDB(f, cfg, args, c.Getenv, nargs); err != nil {
		return err
	}
	if !isPostgres(cfg.Database) {
		if st, err := os.Stat(cfg.Database); err != nil || !st.Mode().IsRegular() {
			return &errNoDatabase{path: cfg.Database}
		}
	}
	db, err := openDB(ctx, cfg, cfg.logger(c.Stderr))
	if err != nil {
		return err
	}
	return errors.Join(fn(db), db.Close())
}

// existingInstitution is the deployment's institution, never created: for commands that read.
func existingInstitution(ctx context.Context, org laeringsliv.OrgService) (*laeringsliv.Institution, error) {
	all, err := org.FindInstitutions(ctx)
	if err != nil {
		return nil, fmt.Errorf("find institutions: %w", err)
	}
	if len(all) == 0 {
		return nil, errNoInstitution
	}
	first := all[0]
	for _, i := range all[1:] {
		if i.ID < first.ID {
			first = i
		}
	}
	return first, nil
}

package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strings"

	"laeringsliv"
	"laeringsliv/sqlstore"
)

// isPostgres reports whether the database setting is a PostgreSQL URL.
func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// redact hides the password of a PostgreSQL URL, for logs.
func redact(dsn string) string {
	if !isPostgres(dsn) {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}

// requireDatabase refuses a SQLite database file that does not exist.
func requireDatabase(cfg *Config) error {
	if isPostgres(cfg.Database) {
		return nil // a server refuses an unknown database itself, and creates none
	}
	if _, err := os.Stat(cfg.Database); errors.Is(err, os.ErrNotExist) {
		return cliErr("cli.error.no_database", "Path", cfg.Database)
	}
	return nil
}

// openDB opens and migrates the database (sqlstore creates the directory of a SQLite file).
func openDB(ctx context.Context, cfg *Config, log *slog.Logger) (*sqlstore.DB, error) {
	db, err := sqlstore.Open(ctx, cfg.Database)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", redact(cfg.Database), err)
	}
	log.Debug("database open", "dialect", db.Dialect(), "database", redact(cfg.Database))
	return db, nil
}

// deploymentInstitution returns the institution this deployment serves: the one with the
// lowest ID. A deployment serves one institution; when the database has none yet, one named
// name is created, so that "user add --admin" and the web UI have something to attach to.
func deploymentInstitution(ctx context.Context, org laeringsliv.OrgService, name string, log *slog.Logger) (*laeringsliv.Institution, error) {
	all, err := org.FindInstitutions(ctx)
	if err != nil {
		return nil, fmt.Errorf("find institutions: %w", err)
	}
	if len(all) == 0 {
		inst := &laeringsliv.Institution{Name: strings.TrimSpace(name)}
		if err := org.CreateInstitution(ctx, inst); err != nil {
			return nil, fmt.Errorf("create institution %q: %w", name, err)
		}
		log.Info("created institution", "id", inst.ID, "name", inst.Name)
		return inst, nil
	}
	first := all[0]
	for _, i := range all[1:] {
		if i.ID < first.ID {
			first = i
		}
	}
	if len(all) > 1 {
		log.Warn("several institutions in the database; serving the first", "id", first.ID, "name", first.Name)
	}
	return first, nil
}

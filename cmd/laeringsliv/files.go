package main

import (
	"path/filepath"

	"laeringsliv/filestore"
)

// openFiles opens the store of uploaded files in filesDir. Several nodes will need a shared
// object store instead, behind the same filestore.Store interface.
func openFiles(cfg *Config) (*filestore.Dir, error) {
	return filestore.NewDir(filesDir(cfg))
}

// filesDir is --files, or by default a folder "files" beside a SQLite database, or
// ./data/files with PostgreSQL.
func filesDir(cfg *Config) string {
	switch {
	case cfg.Files != "":
		return cfg.Files
	case isPostgres(cfg.Database):
		return filepath.Join("data", "files")
	}
	return filepath.Join(filepath.Dir(cfg.Database), "files")
}

// backupsDir is --backups, or by default a folder "backups" beside a SQLite database, or
// ./data/backups with PostgreSQL.
func backupsDir(cfg *Config) string {
	switch {
	case cfg.Backups != "":
		return cfg.Backups
	case isPostgres(cfg.Database):
		return filepath.Join("data", "backups")
	}
	return filepath.Join(filepath.Dir(cfg.Database), "backups")
}

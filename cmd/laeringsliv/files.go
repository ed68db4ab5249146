package main

import (
	"path/filepath"

	"laeringsliv/filestore"
)

// openFiles opens the store of uploaded files: a folder "files" beside a SQLite database, or
// ./data/files with PostgreSQL. Several nodes will need a shared object store instead, behind
// the same filestore.Store interface.
func openFiles(cfg *Config) (*filestore.Dir, error) {
	dir := filepath.Join("data", "files")
	if !isPostgres(cfg.Database) {
		dir = filepath.Join(filepath.Dir(cfg.Database), "files")
	}
	return filestore.NewDir(dir)
}

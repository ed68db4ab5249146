package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	slashpath "path"
	"path/filepath"
	"strings"
	"time"

	"laeringsliv/sqlstore"
)

// A backup archive is one gzip'd tar file holding everything a deployment keeps: a manifest,
// a consistent copy of the database (SQLite: an online copy; PostgreSQL: pg_dump's SQL) and
// every uploaded file under files/. Restore brings it back into an empty place only.

const (
	archiveManifest = "manifest.json"
	archiveSQLite   = "database.sqlite"
	archivePostgres = "database.sql"
	archiveFiles    = "files/"
)

// manifest describes an archive; it is its first entry.
type manifest struct {
	Format   int       `json:"format"`
	Dialect  string    `json:"dialect"` // sqlite or postgres
	Created  time.Time `json:"created"`
	Version  string    `json:"version"`
	Files    int       `json:"files"`
	Database string    `json:"database"` // the entry that holds it
}

// writeArchive writes the backup of db and the files folder to out, which must not exist.
func writeArchive(ctx context.Context, cfg *Config, db *sqlstore.DB, out string) (manifest, error) {
	m := manifest{Format: 1, Dialect: db.Dialect(), Created: time.Now().UTC(), Version: buildVersion()}
	if _, err := os.Lstat(out); err == nil {
		return m, cliErr("cli.error.exists", "Path", out)
	}
	tmpDir, err := os.MkdirTemp(filepath.Dir(out), ".backup-")
	if err != nil {
		return m, err
	}
	defer os.RemoveAll(tmpDir)
	dbCopy := filepath.Join(tmpDir, "db")
	if m.Dialect == "postgres" {
		m.Database = archivePostgres
		err = pgDump(ctx, cfg.Database, dbCopy)
	} else {
		m.Database = archiveSQLite
		err = db.Backup(ctx, dbCopy)
	}
	if err != nil {
		return m, err
	}
	partial := out + ".partial"
	f, err := os.OpenFile(partial, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return m, err
	}
	defer os.Remove(partial)
	zw := gzip.NewWriter(f)
	tw := tar.NewWriter(zw)
	files := filesDir(cfg)
	if m.Files, err = countFiles(files); err == nil {
		err = writeArchiveEntries(tw, m, dbCopy, files)
	}
	err = errors.Join(err, tw.Close(), zw.Close(), f.Sync(), f.Close())
	if err != nil {
		return m, err
	}
	return m, os.Rename(partial, out)
}

func writeArchiveEntries(tw *tar.Writer, m manifest, dbCopy, files string) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := tw.WriteHeader(&tar.Header{Name: archiveManifest, Mode: 0o600, Size: int64(len(b)), ModTime: m.Created}); err != nil {
		return err
	}
	if _, err := tw.Write(b); err != nil {
		return err
	}
	if err := addFile(tw, dbCopy, m.Database); err != nil {
		return err
	}
	return filepath.WalkDir(files, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == files {
			return nil // no uploads yet
		}
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(files, p)
		if err != nil || strings.HasPrefix(rel, "tmp"+string(filepath.Separator)) {
			return err // uploads in progress are not part of a backup
		}
		return addFile(tw, p, archiveFiles+filepath.ToSlash(rel))
	})
}

func addFile(tw *tar.Writer, src, name string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: st.Size(), ModTime: st.ModTime()}); err != nil {
		return err
	}
	_, err = io.Copy(tw, f)
	return err
}

func countFiles(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == dir {
			return nil
		}
		if err == nil && d.Type().IsRegular() {
			if rel, rerr := filepath.Rel(dir, p); rerr == nil && !strings.HasPrefix(rel, "tmp"+string(filepath.Separator)) {
				n++
			}
		}
		return err
	})
	return n, err
}

// archiveEntryPath checks an entry name read from an archive and returns where under root it
// goes: a relative, clean, slash-separated path that stays inside root. Anything else (an
// absolute path, "..", a backslash, an empty name) is refused: an archive is outside input.
func archiveEntryPath(root, name string) (string, error) {
	if name == "" || strings.ContainsAny(name, "\\\x00") || slashpath.IsAbs(name) || slashpath.Clean(name) != name ||
		name == "." || name == ".." || strings.HasPrefix(name, "../") {
		return "", fmt.Errorf("the archive holds an entry with a name that is not allowed: %q", name)
	}
	return filepath.Join(root, filepath.FromSlash(name)), nil
}

// readArchive restores the archive in into the empty place cfg names.
func readArchive(ctx context.Context, cfg *Config, in string) (manifest, error) {
	var m manifest
	f, err := os.Open(in)
	if err != nil {
		return m, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return m, cliErr("cli.error.not_archive", "Path", in)
	}
	tr := tar.NewReader(zr)
	h, err := tr.Next()
	if err != nil || h.Name != archiveManifest {
		return m, cliErr("cli.error.not_archive", "Path", in)
	}
	if err := json.NewDecoder(io.LimitReader(tr, 1<<20)).Decode(&m); err != nil || m.Format != 1 {
		return m, cliErr("cli.error.not_archive", "Path", in)
	}
	target := "sqlite"
	if isPostgres(cfg.Database) {
		target = "postgres"
	}
	if m.Dialect != target {
		return m, cliErr("cli.error.wrong_dialect", "Dialect", m.Dialect)
	}
	files := filesDir(cfg)
	if err := refuseOverwrite(ctx, cfg, files); err != nil {
		return m, err
	}
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return m, nil
		} else if err != nil {
			return m, err
		}
		if h.Typeflag != tar.TypeReg {
			return m, fmt.Errorf("the archive holds an entry that is not a file: %q", h.Name)
		}
		switch {
		case h.Name == m.Database && target == "sqlite":
			err = extract(tr, cfg.Database)
		case h.Name == m.Database:
			err = pgRestore(ctx, cfg.Database, tr)
		case strings.HasPrefix(h.Name, archiveFiles):
			var dst string
			if dst, err = archiveEntryPath(files, strings.TrimPrefix(h.Name, archiveFiles)); err == nil {
				err = extract(tr, dst)
			}
		default:
			err = fmt.Errorf("the archive holds an unknown entry %q", h.Name)
		}
		if err != nil {
			return m, err
		}
	}
}

// refuseOverwrite fails unless the database and the files folder are empty or missing.
func refuseOverwrite(ctx context.Context, cfg *Config, files string) error {
	if isPostgres(cfg.Database) {
		out, err := psql(ctx, cfg.Database, nil, "-tA", "-c",
			"SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")
		if err != nil {
			return err
		}
		if strings.TrimSpace(string(out)) != "0" {
			return cliErr("cli.error.not_empty", "Path", redact(cfg.Database))
		}
	} else if _, err := os.Lstat(cfg.Database); err == nil {
		return cliErr("cli.error.not_empty", "Path", cfg.Database)
	}
	if entries, err := os.ReadDir(files); err == nil && len(entries) > 0 {
		return cliErr("cli.error.not_empty", "Path", files)
	}
	return nil
}

func extract(r io.Reader, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
		return err
	}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, r)
	return errors.Join(err, f.Sync(), f.Close())
}

// pgTool finds a PostgreSQL client program on PATH or in Debian's versioned folders.
func pgTool(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	if m, _ := filepath.Glob("/usr/lib/postgresql/*/bin/" + name); len(m) > 0 {
		return m[len(m)-1], nil
	}
	return "", cliErr("cli.error.no_pg_tool", "Program", name)
}

func pgDump(ctx context.Context, dsn, out string) error {
	bin, err := pgTool("pg_dump")
	if err != nil {
		return err
	}
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, "--no-owner", "--no-privileges", "--file", out, dsn)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("pg_dump: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

func psql(ctx context.Context, dsn string, stdin io.Reader, args ...string) ([]byte, error) {
	bin, err := pgTool("psql")
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, append([]string{"-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dsn}, args...)...)
	cmd.Stdin, cmd.Stderr = stdin, &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("psql: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

func pgRestore(ctx context.Context, dsn string, dump io.Reader) error {
	_, err := psql(ctx, dsn, dump, "--single-transaction", "-f", "-")
	return err
}

// cliError is an error the command line says in the user's language: a catalogue key with the
// values its message names.
type cliError struct {
	key  string
	data map[string]any
}

func (e cliError) Error() string { return fmt.Sprintf("%s %v", e.key, e.data) }

func cliErr(key, name string, value any) error { return cliError{key, map[string]any{name: value}} }

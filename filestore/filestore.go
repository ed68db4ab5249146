// Package filestore keeps uploaded files. Store is the interface the application sees; Dir
// keeps files in a directory, and a shared object store can implement Store later for several
// nodes. Files are streamed: nothing here holds a whole file in memory. The names of stored
// files are chosen here at random; a client's file name is never used as a path.
package filestore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
)

// Store keeps files under keys it chooses.
type Store interface {
	// Create returns a writer for a new file and the key it will have. The file exists under
	// the key only after Commit; Abort throws it away.
	Create(ctx context.Context) (Upload, error)
	// Open opens a stored file for reading.
	Open(ctx context.Context, key string) (File, error)
	// Delete removes a stored file; a missing file is not an error.
	Delete(ctx context.Context, key string) error
}

// Upload is a file being written.
type Upload interface {
	io.Writer
	// ReaderAt reads back what was written so far, for checks of the container.
	io.ReaderAt
	Key() string
	Commit() error
	Abort() error
}

// File is a stored file.
type File interface {
	io.ReadSeekCloser
	io.ReaderAt
	Size() int64
}

// ErrNotFound is returned by Open for an unknown key.
var ErrNotFound = errors.New("filestore: not found")

// Dir stores files in a directory, two levels deep by the key's first characters.
type Dir struct {
	Root string
}

// NewDir returns a store in root, creating it.
func NewDir(root string) (*Dir, error) {
	if err := os.MkdirAll(filepath.Join(root, "tmp"), 0o750); err != nil {
		return nil, fmt.Errorf("filestore: %w", err)
	}
	return &Dir{Root: root}, nil
}

var keyPattern = regexp.MustCompile(`^[0-9a-f]{32}$`)

func (d *Dir) path(key string) (string, error) {
	if !keyPattern.MatchString(key) {
		return "", ErrNotFound
	}
	return filepath.Join(d.Root, key[:2], key), nil
}

// Create starts a new file in the directory's tmp folder.
func (d *Dir) Create(ctx context.Context) (Upload, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, err
	}
	key := hex.EncodeToString(b[:])
	f, err := os.CreateTemp(filepath.Join(d.Root, "tmp"), "upload-*")
	if err != nil {
		return nil, fmt.Errorf("filestore: %w", err)
	}
	return &dirUpload{File: f, dir: d, key: key}, nil
}

// Open opens a stored file.
func (d *Dir) Open(ctx context.Context, key string) (File, error) {
	p, err := d.path(key)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNotFound
	} else if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	return &dirFile{File: f, size: st.Size()}, nil
}

// Delete removes a stored file.
func (d *Dir) Delete(ctx context.Context, key string) error {
	p, err := d.path(key)
	if err != nil {
		return nil
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

type dirUpload struct {
	*os.File
	dir  *Dir
	key  string
	done bool
}

func (u *dirUpload) Key() string { return u.key }

// Commit syncs the file and moves it into place.
func (u *dirUpload) Commit() error {
	if u.done {
		return errors.New("filestore: upload already finished")
	}
	u.done = true
	if err := u.File.Sync(); err != nil {
		u.cleanup()
		return err
	}
	if err := u.File.Close(); err != nil {
		_ = os.Remove(u.File.Name())
		return err
	}
	p, _ := u.dir.path(u.key)
	if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
		_ = os.Remove(u.File.Name())
		return err
	}
	return os.Rename(u.File.Name(), p)
}

// Abort throws the file away.
func (u *dirUpload) Abort() error {
	if u.done {
		return nil
	}
	u.done = true
	return u.cleanup()
}

func (u *dirUpload) cleanup() error {
	err := u.File.Close()
	return errors.Join(err, os.Remove(u.File.Name()))
}

type dirFile struct {
	*os.File
	size int64
}

func (f *dirFile) Size() int64 { return f.size }

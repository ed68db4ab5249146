package filestore

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"laeringsliv"
)

var ctx = context.Background()

func newDir(t *testing.T) *Dir {
	t.Helper()
	d, err := NewDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func only(kinds ...laeringsliv.FileKind) func(laeringsliv.FileKind) bool {
	return func(k laeringsliv.FileKind) bool {
		for _, x := range kinds {
			if x == k {
				return true
			}
		}
		return false
	}
}

func TestReceive(t *testing.T) {
	video := mp4("qt  ", 5000)
	tests := []struct {
		name  string
		data  []byte
		limit int64
		allow func(laeringsliv.FileKind) bool
		err   error
		kind  laeringsliv.FileKind
	}{
		{"video", video, 1 << 20, only(laeringsliv.FileVideo), nil, laeringsliv.FileVideo},
		{"exactly at the limit", video, int64(len(video)), only(laeringsliv.FileVideo), nil, laeringsliv.FileVideo},
		{"one byte over", video, int64(len(video)) - 1, only(laeringsliv.FileVideo), ErrTooLarge, ""},
		{"tiny limit", video, 10, only(laeringsliv.FileVideo), ErrTooLarge, ""},
		{"video not allowed", video, 1 << 20, only(laeringsliv.FilePDF), ErrWrongType, ""},
		{"docx", docx(), 1 << 20, only(laeringsliv.FileOffice), nil, laeringsliv.FileOffice},
		{"renamed exe", append([]byte("MZ"), make([]byte, 2000)...), 1 << 20, only(laeringsliv.FileOffice, laeringsliv.FileVideo), ErrWrongType, ""},
		{"empty", nil, 1 << 20, only(laeringsliv.FileText), ErrEmpty, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDir(t)
			got, err := Receive(ctx, d, bytes.NewReader(tt.data), tt.limit, tt.allow)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if left, _ := filepath.Glob(filepath.Join(d.Root, "tmp", "*")); len(left) != 0 {
				t.Errorf("temporary files left: %v", left)
			}
			if tt.err != nil {
				return
			}
			if got.Kind != tt.kind || got.Size != int64(len(tt.data)) {
				t.Fatalf("received %+v", got)
			}
			f, err := d.Open(ctx, got.Key)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			b, _ := io.ReadAll(f)
			if !bytes.Equal(b, tt.data) || f.Size() != int64(len(b)) {
				t.Fatal("stored file differs")
			}
		})
	}
}

func TestDirKeys(t *testing.T) {
	d := newDir(t)
	for _, key := range []string{"../../etc/passwd", "", "ABCDEF", "0123456789abcdef0123456789abcdeg"} {
		if _, err := d.Open(ctx, key); !errors.Is(err, ErrNotFound) {
			t.Errorf("Open(%q) = %v", key, err)
		}
	}
	got, err := Receive(ctx, d, bytes.NewReader([]byte("%PDF-1.4 x")), 100, only(laeringsliv.FilePDF))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Delete(ctx, got.Key); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(d.Root, got.Key[:2], got.Key)); !os.IsNotExist(err) {
		t.Error("not deleted")
	}
	if _, err := d.Open(ctx, got.Key); !errors.Is(err, ErrNotFound) {
		t.Error(err)
	}
}

package filestore

import (
	"context"
	"errors"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"laeringsliv"
)

// Received is a file that Receive stored.
type Received struct {
	Key         string
	Kind        laeringsliv.FileKind
	ContentType string
	Size        int64
}

// Errors of Receive, with catalog keys so that the user learns what to do.
var (
	ErrTooLarge  = &laeringsliv.Error{Code: laeringsliv.EINVALID, Key: "submission.error.file_too_large", Field: "file"}
	ErrWrongType = &laeringsliv.Error{Code: laeringsliv.EINVALID, Key: "submission.error.file_type", Field: "file"}
	ErrEmpty     = &laeringsliv.Error{Code: laeringsliv.EINVALID, Key: "submission.error.file_empty", Field: "file"}
)

// copyBuffer is the size of the buffer a file is streamed through.
const copyBuffer = 64 << 10

// Receive streams src into the store, at most limit bytes, then checks what the file really
// is. A file that is too large, empty, or of a kind allowed does not accept is thrown away
// and the matching error returned. Memory use is a fixed buffer, whatever the file's size.
func Receive(ctx context.Context, st Store, src io.Reader, limit int64, allowed func(laeringsliv.FileKind) bool) (*Received, error) {
	up, err := st.Create(ctx)
	if err != nil {
		return nil, err
	}
	head := make([]byte, SniffLen)
	n, err := io.ReadFull(src, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		_ = up.Abort()
		return nil, err
	}
	head = head[:n]
	if n == 0 {
		_ = up.Abort()
		return nil, ErrEmpty
	}
	if int64(n) > limit {
		_ = up.Abort()
		return nil, ErrTooLarge
	}
	if _, err := up.Write(head); err != nil {
		_ = up.Abort()
		return nil, err
	}
	// One byte more than allowed tells a file at the limit from one over it.
	copied, err := io.CopyBuffer(up, io.LimitReader(src, limit-int64(n)+1), make([]byte, copyBuffer))
	size := int64(n) + copied
	switch {
	case err != nil:
		_ = up.Abort()
		return nil, err
	case size > limit:
		_ = up.Abort()
		return nil, ErrTooLarge
	}
	kind, ct, ok := Sniff(head, up, size)
	if !ok || !allowed(kind) {
		_ = up.Abort()
		return nil, ErrWrongType
	}
	if err := up.Commit(); err != nil {
		return nil, err
	}
	return &Received{Key: up.Key(), Kind: kind, ContentType: ct, Size: size}, nil
}

// DisplayName cleans a client's file name for display only: the last path element, without
// control characters, at most 200 bytes of valid UTF-8. It is never used as a path.
func DisplayName(name string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	var b strings.Builder
	for _, r := range name {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			continue
		}
		if b.Len()+utf8.RuneLen(r) > 200 {
			break
		}
		b.WriteRune(r)
	}
	if s := b.String(); s != "" && s != "." && s != "/" && s != ".." {
		return s
	}
	return "file"
}

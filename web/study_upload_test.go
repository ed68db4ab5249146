package web

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"laeringsliv/filestore"
)

// multipartRequest builds a request whose body is a multipart form with the boundary "b".
func multipartRequest(body string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	r.Header.Set("Content-Type", "multipart/form-data; boundary=b")
	return r
}

func TestReadMultipart(t *testing.T) {
	part := func(name, file, body string) string {
		h := `Content-Disposition: form-data; name="` + name + `"`
		if file != "" {
			h += `; filename="` + file + `"`
		}
		return "--b\r\n" + h + "\r\n\r\n" + body + "\r\n"
	}
	refused := errors.New("refused")
	tests := []struct {
		name, body       string
		fields           string // v encoded
		before, files    int
		fileErr, formErr bool
	}{
		{"fields only", part("a", "", "1") + part("b", "", "æ") + "--b--\r\n", "a=1&b=%C3%A6", 0, 0, false, false},
		{"file last", part("a", "", "1") + part("file", "x.pdf", "%PDF-") + "--b--\r\n", "a=1", 1, 1, false, false},
		{"empty file input", part("a", "", "1") + part("file", "", "") + "--b--\r\n", "a=1", 1, 0, false, false},
		{"refused file", part("file", "bad.exe", "MZ") + part("a", "", "1") + "--b--\r\n", "", 1, 1, true, false},
		{"field too long is cut", part("a", "", strings.Repeat("x", 20)) + "--b--\r\n", "a=" + strings.Repeat("x", 11), 0, 0, false, false},
		{"broken body", "--b\r\nnonsense", "", 0, 0, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, files := 0, 0
			v, fileErr, err := readMultipart(multipartRequest(tt.body), "file", 10,
				func(url.Values) error { before++; return nil },
				func(p *multipart.Part) error {
					files++
					if p.FileName() == "bad.exe" {
						return refused
					}
					_, err := io.Copy(io.Discard, p)
					return err
				})
			if (err != nil) != tt.formErr || (fileErr != nil) != tt.fileErr || before != tt.before || files != tt.files {
				t.Fatalf("err %v fileErr %v before %d files %d", err, fileErr, before, files)
			}
			if !tt.formErr && v.Encode() != tt.fields {
				t.Errorf("fields %q, want %q", v.Encode(), tt.fields)
			}
		})
	}
	if !errors.Is(uploadErr(&http.MaxBytesError{Limit: 1}), filestore.ErrTooLarge) {
		t.Error("a cut body is not ErrTooLarge")
	}
	if k, ok := uploadKey(filestore.ErrWrongType, "big", "type"); k != "type" || !ok {
		t.Errorf("wrong type: %q %v", k, ok)
	}
	if _, ok := uploadKey(errors.New("disk full"), "big", "type"); ok {
		t.Error("a server error is the user's")
	}
}

// FuzzReadMultipart: any body is read without panic, and no field is longer than the bound.
func FuzzReadMultipart(f *testing.F) {
	f.Add([]byte("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b--\r\n"))
	f.Add([]byte("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n\r\n%PDF-\r\n--b--\r\n"))
	f.Fuzz(func(t *testing.T, body []byte) {
		v, _, _ := readMultipart(multipartRequest(string(body)), "file", 10, nil, func(p *multipart.Part) error {
			_, err := io.Copy(io.Discard, io.LimitReader(p, 1<<20))
			return err
		})
		for _, vs := range v {
			for _, s := range vs {
				if len(s) > 11 {
					t.Fatalf("field of %d bytes", len(s))
				}
			}
		}
	})
}

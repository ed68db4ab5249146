package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed static
var staticFS embed.FS

// asset is one static file, held compressed and uncompressed, with a content hash that
// versions its URL so browsers may cache it for a year.
type asset struct {
	body, gz    []byte
	hash, ctype string
}

// assets are loaded once at start-up.
type assets map[string]*asset

func loadAssets() (assets, error) {
	a := assets{}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		as := &asset{body: body, hash: hex.EncodeToString(sum[:6]), ctype: mime.TypeByExtension(path.Ext(p))}
		if as.ctype == "" {
			as.ctype = "application/octet-stream"
		}
		if compressible(as.ctype) {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			_, _ = zw.Write(body)
			if err := zw.Close(); err != nil {
				return err
			}
			if buf.Len() < len(body) {
				as.gz = buf.Bytes()
			}
		}
		a[strings.TrimPrefix(p, "static/")] = as
		return nil
	})
	return a, err
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "javascript") ||
		strings.Contains(ctype, "json") || strings.Contains(ctype, "svg")
}

// url returns the versioned URL of a static file.
func (a assets) url(name string) string {
	if as, ok := a[name]; ok {
		return "/static/" + name + "?v=" + as.hash
	}
	return "/static/" + name
}

// static serves the embedded files, gzip-compressed when the browser accepts it.
func (s *Server) static() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/static/")
		as, ok := s.assets[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", as.ctype)
		h.Set("Vary", "Accept-Encoding")
		h.Set("ETag", `"`+as.hash+`"`)
		if r.URL.Query().Get("v") == as.hash {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "public, max-age=300")
		}
		if r.Header.Get("If-None-Match") == `"`+as.hash+`"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		body := as.body
		if as.gz != nil && acceptsGzip(r.Header.Get("Accept-Encoding")) {
			h.Set("Content-Encoding", "gzip")
			body = as.gz
		}
		_, _ = w.Write(body)
	}
}

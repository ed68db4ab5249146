package web

import (
	"compress/gzip"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// Text responses go out gzip-compressed when the browser accepts it: a phone on a weak
// network gets a page in a third of the bytes. Event streams are left alone (each event must
// reach the client when it is written, and a compressor holds bytes back), and so are
// responses too small to gain, already encoded, or partial.

// compressMin is the size below which a response goes out as it is: the gzip header and
// trailer and the work cost more than they save.
const compressMin = 1024

var gzipPool = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.DefaultCompression)
	return w
}}

// compress gzips text responses for clients that accept gzip.
func compress(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Accept-Encoding")
		if r.Method == http.MethodHead || r.Header.Get("Range") != "" || !acceptsGzip(r.Header.Get("Accept-Encoding")) {
			next.ServeHTTP(w, r)
			return
		}
		cw := &compressWriter{ResponseWriter: w}
		defer cw.close()
		next.ServeHTTP(cw, r)
	})
}

// acceptsGzip reports whether an Accept-Encoding header accepts gzip: named (or "*") with a
// quality above zero.
func acceptsGzip(header string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != "gzip" && name != "x-gzip" && name != "*" {
			continue
		}
		ok := quality(params) > 0
		if name == "*" {
			star = ok
			continue
		}
		return ok
	}
	return star
}

// quality returns the q parameter of an Accept-Encoding entry, 1 when absent, 0 when malformed.
func quality(params string) float64 {
	for _, p := range strings.Split(params, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(strings.TrimSpace(k), "q") {
			q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || q < 0 || q > 1 {
				return 0
			}
			return q
		}
	}
	return 1
}

// compressResponse reports whether a response with these headers and status gains from gzip.
func compressResponse(h http.Header, status int) bool {
	if status < 200 || status == http.StatusNoContent || status == http.StatusNotModified ||
		status == http.StatusPartialContent || h.Get("Content-Encoding") != "" {
		return false
	}
	ct, _, _ := strings.Cut(strings.ToLower(h.Get("Content-Type")), ";")
	ct = strings.TrimSpace(ct)
	return ct != "text/event-stream" && compressible(ct)
}

// compressWriter decides at the first compressMin bytes (or at a flush, or at the end)
// whether to compress; until then it holds the status and the bytes.
type compressWriter struct {
	http.ResponseWriter
	status  int
	buf     []byte
	decided bool
	gz      *gzip.Writer // set when compressing
}

func (w *compressWriter) WriteHeader(code int) {
	if w.decided || w.status != 0 {
		if w.decided && w.gz == nil {
			w.ResponseWriter.WriteHeader(code)
		}
		return
	}
	if code >= 100 && code < 200 {
		w.ResponseWriter.WriteHeader(code) // informational: pass on, the real one follows
		return
	}
	w.status = code
	if !compressResponse(w.Header(), code) {
		w.decide(false)
	}
}

func (w *compressWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	if !w.decided {
		if len(w.buf)+len(b) < compressMin {
			w.buf = append(w.buf, b...)
			return len(b), nil
		}
		w.decide(true)
	}
	if w.gz != nil {
		return w.gz.Write(b)
	}
	return w.ResponseWriter.Write(b)
}

// decide sends the headers, compressing or not, and whatever was held back.
func (w *compressWriter) decide(gz bool) {
	w.decided = true
	if w.status == 0 {
		w.status = http.StatusOK
	}
	if gz && compressResponse(w.Header(), w.status) {
		h := w.Header()
		h.Set("Content-Encoding", "gzip")
		h.Del("Content-Length")
		if etag := h.Get("ETag"); etag != "" && !strings.HasPrefix(etag, "W/") {
			h.Set("ETag", "W/"+etag) // the bytes differ from the uncompressed ones
		}
		w.gz = gzipPool.Get().(*gzip.Writer)
		w.gz.Reset(w.ResponseWriter)
	}
	w.ResponseWriter.WriteHeader(w.status)
	held := w.buf
	w.buf = nil
	if len(held) == 0 {
		return
	}
	if w.gz != nil {
		_, _ = w.gz.Write(held)
	} else {
		_, _ = w.ResponseWriter.Write(held)
	}
}

// Flush sends what is written so far; a handler that flushes wants the bytes on their way,
// so nothing is held back any longer.
func (w *compressWriter) Flush() {
	_ = w.FlushError()
}

// FlushError is Flush for http.ResponseController.
func (w *compressWriter) FlushError() error {
	if !w.decided {
		w.decide(len(w.buf) >= compressMin)
	}
	if w.gz != nil {
		if err := w.gz.Flush(); err != nil {
			return err
		}
	}
	return http.NewResponseController(w.ResponseWriter).Flush()
}

// close ends the response: what is still held goes out as it is.
func (w *compressWriter) close() {
	if !w.decided {
		if w.status == 0 && len(w.buf) == 0 {
			return // the handler wrote nothing; net/http sends its default
		}
		w.decide(false)
	}
	if w.gz != nil {
		_ = w.gz.Close()
		w.gz.Reset(nil)
		gzipPool.Put(w.gz)
		w.gz = nil
	}
}

// Hijack is not offered: no route upgrades its connection. Unwrap lets
// http.ResponseController reach the connection's deadlines.
func (w *compressWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

package web

import (
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"time"

	"laeringsliv"
	"laeringsliv/filestore"
)

// isMultipart reports whether the request carries a multipart form (a form with a file).
func isMultipart(r *http.Request) bool {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return ct == "multipart/form-data"
}

// readMultipart reads a multipart form part by part, without holding a file in memory: each
// field (at most maxField bytes) is added to v; at the first part named fileField, before
// runs once with the fields read so far (so that what was typed is saved before the file is
// read; nil to skip), then file streams the part, unless the file input was left empty.
// Forms put the file input last, so that every field comes before it. fileErr is a refused
// file (the fields read so far are returned with it); err is anything else.
func readMultipart(r *http.Request, fileField string, maxField int64, before func(url.Values) error,
	file func(*multipart.Part) error) (v url.Values, fileErr, err error) {
	v = url.Values{}
	mr, err := r.MultipartReader()
	if err != nil {
		return v, nil, laeringsliv.Errorf(laeringsliv.EINVALID, "error.form_invalid")
	}
	began := false
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return v, nil, nil
		} else if err != nil {
			return v, nil, formReadErr(err)
		}
		if part.FormName() != fileField {
			b, err := io.ReadAll(io.LimitReader(part, maxField+1))
			if err != nil {
				return v, nil, formReadErr(err)
			}
			v.Add(part.FormName(), string(b))
			continue
		}
		if !began && before != nil {
			if err := before(v); err != nil {
				return v, nil, err
			}
		}
		began = true
		if part.FileName() == "" {
			continue // the file input was left empty
		}
		if err := file(part); err != nil {
			return v, uploadErr(err), nil
		}
	}
}

// formReadErr turns a failed read of a form into the message for the user.
func formReadErr(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return laeringsliv.Errorf(laeringsliv.EINVALID, "error.form_too_large")
	}
	return laeringsliv.Errorf(laeringsliv.EINVALID, "error.form_invalid")
}

// uploadErr turns a body cut off by http.MaxBytesReader into filestore.ErrTooLarge, so that a
// file over the cap gets the same message wherever the cut fell.
func uploadErr(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return filestore.ErrTooLarge
	}
	return err
}

// uploadKey returns the catalog key for a refused upload: the form's own messages for a file
// too large or of the wrong type (which name what the form accepts), the store's for others.
// ok is false for an error that is not the user's (a full disk), which is a server error.
func uploadKey(err error, tooLarge, wrongType string) (key string, ok bool) {
	switch {
	case errors.Is(err, filestore.ErrTooLarge):
		return tooLarge, true
	case errors.Is(err, filestore.ErrWrongType):
		return wrongType, true
	case laeringsliv.ErrorCode(err) == laeringsliv.EINVALID:
		return laeringsliv.ErrorKey(err), true
	}
	return "", false
}

// serveStored streams a stored file with ranges (so that a video can be scrubbed and a long
// PDF read from the middle) under name, as disposition "inline" or "attachment". The
// content type is the one sniffed at upload, never the client's; nosniff is set by the
// middleware for every answer.
func (s *Server) serveStored(w http.ResponseWriter, r *http.Request, key, contentType, disposition, name string, modified time.Time) {
	file, err := s.svc.Files.Open(r.Context(), key)
	if errors.Is(err, filestore.ErrNotFound) {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	} else if err != nil {
		s.serverError(w, r, err)
		return
	}
	defer file.Close()
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": name}))
	w.Header().Set("Cache-Control", "private, no-store")
	http.ServeContent(w, r, "", modified, file)
}

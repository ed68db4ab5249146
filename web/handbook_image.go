package web

import (
	"mime/multipart"
	"net/http"
	"net/url"
	"time"

	"laeringsliv"
	"laeringsliv/filestore"
)

// An image goes into a chapter from the chapter's own form, so that nothing typed in the
// chapter is lost on the way: the form is sent with the image and its alt text, the image is
// stored, and its Markdown, ![alt](image:ID), is added to the chapter's text as it was typed.

// chapterForm is the chapter form as sent, with an image when one was chosen.
type chapterForm struct {
	Values  url.Values
	Image   *filestore.Received
	FileErr error // a refused image; the other fields are read
}

// readChapterForm reads the chapter form, url-encoded or multipart with an image last.
func (s *Server) readChapterForm(w http.ResponseWriter, r *http.Request) (chapterForm, error) {
	if !isMultipart(r) {
		v, err := readForm(w, r)
		return chapterForm{Values: v}, err
	}
	if s.svc.Files == nil {
		return chapterForm{}, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	const maxField = laeringsliv.MaxChapterBody + 1024
	s.extendForUpload(w, laeringsliv.MaxHandbookImageBytes)
	r.Body = http.MaxBytesReader(w, r.Body, laeringsliv.MaxHandbookImageBytes+2*maxField+(16<<10))
	var f chapterForm
	var err error
	f.Values, f.FileErr, err = readMultipart(r, "image", maxField, nil, func(part *multipart.Part) error {
		if f.Image != nil {
			return nil
		}
		rec, err := filestore.Receive(r.Context(), s.svc.Files, part, laeringsliv.MaxHandbookImageBytes, isPhoto)
		if err == nil && !photoType(rec.ContentType) {
			s.discardFile(r, rec)
			return filestore.ErrWrongType
		}
		f.Image = rec
		return err
	})
	return f, err
}

// attachImage stores the form's image with its alt text and returns the chapter's text with
// the image's Markdown added at its end. Without an image it returns body unchanged; a
// refused image or a missing alt text is a field error, and the image is not kept.
func (s *Server) attachImage(r *http.Request, h *laeringsliv.Handbook, f chapterForm, body string) (string, []FieldErr, error) {
	alt := text(f.Values, "alt", laeringsliv.MaxImageAlt+1)
	if f.FileErr != nil {
		key, ok := uploadKey(f.FileErr, "error.handbook_image_too_large", "error.handbook_image_type")
		if !ok {
			return body, nil, f.FileErr
		}
		return body, []FieldErr{{"image", key}}, nil
	}
	if f.Image == nil {
		if alt != "" {
			return body, []FieldErr{{"image", "error.handbook_image_required"}}, nil
		}
		return body, nil, nil
	}
	if err := laeringsliv.ValidateImageAlt(alt); err != nil {
		s.discardFile(r, f.Image)
		return body, []FieldErr{{"alt", laeringsliv.ErrorKey(err)}}, nil
	}
	img := &laeringsliv.HandbookImage{HandbookID: h.ID, FileKey: f.Image.Key, ContentType: f.Image.ContentType, Alt: alt}
	if err := s.svc.Handbook.AddHandbookImage(r.Context(), img); err != nil {
		s.discardFile(r, f.Image)
		return body, nil, err
	}
	if body != "" && body[len(body)-1] != '\n' {
		body += "\n"
	}
	return body + "\n" + laeringsliv.ImageMarkdown(img.ID, alt) + "\n", nil, nil
}

// handbookImage serves an image of the programme's handbook to those who may see the
// programme (drafts included).
func (s *Server) handbookImage(w http.ResponseWriter, r *http.Request) {
	h, err := s.svc.Handbook.FindProgrammeHandbook(r.Context(), state(r).programme.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.serveHandbookImage(w, r, h)
}

// publishedImage serves an image of a published handbook to anyone.
func (s *Server) publishedImage(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r.PathValue("handbook"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	h, err := s.svc.Handbook.FindHandbook(r.Context(), id)
	if err == nil && !h.Published {
		err = laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.serveHandbookImage(w, r, h)
}

func (s *Server) serveHandbookImage(w http.ResponseWriter, r *http.Request, h *laeringsliv.Handbook) {
	id, err := pathID(r.PathValue("image"))
	if err != nil || s.svc.Files == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	imgs, err := s.svc.Handbook.FindHandbookImages(r.Context(), h.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, img := range imgs {
		if img.ID == id {
			s.serveStored(w, r, img.FileKey, img.ContentType, "inline", "bilde-"+itoa(img.ID)+photoExt(img.ContentType), time.Time{})
			return
		}
	}
	s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
}

package web

import (
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"laeringsliv"
	"laeringsliv/filestore"
)

// The photo of a group's presentation: the flipchart the article counts as evidence. The
// group (or a teacher helping it) uploads it with an alt text in the agree and plenum steps;
// the plenum, the workshop page and the printable summary show it.

// maxPhotoFields bounds the fields of the photo form beside the file.
const maxPhotoFields = 16 << 10

// maxPhotoAlt is the most an alt text may hold, as laeringsliv.ValidatePhotoAlt checks.
const maxPhotoAlt = 500

// parsePhotoAlt reads the alt text of a photo form: cleaned of control characters, trimmed,
// and required. The text is returned even when refused, so that the form can show it again.
func parsePhotoAlt(v url.Values) (string, error) {
	alt := text(v, "alt", maxPhotoAlt+1)
	return alt, laeringsliv.ValidatePhotoAlt(alt)
}

// isPhoto lets the store keep a picture; photoType then narrows it to what phones and cameras
// save: JPEG, PNG and WebP (GIF is a picture too, but no flipchart photo, and it may animate on
// the projector).
func isPhoto(k laeringsliv.FileKind) bool { return k == laeringsliv.FileImage }

func photoType(contentType string) bool {
	return contentType == "image/jpeg" || contentType == "image/png" || contentType == "image/webp"
}

// uploadGroupPhoto stores the photo of a group's presentation with its alt text, replacing an
// earlier photo (whose file is deleted). Sent without a file, it changes the alt text of the
// photo already there. A refused file or alt text shows the workshop again with the alt text
// as typed and the message beside the field.
func (s *Server) uploadGroupPhoto(w http.ResponseWriter, r *http.Request) {
	ws, g, err := s.editableGroup(r)
	if err == nil && !ws.Phase.PresentationOpen() {
		err = laeringsliv.Errorf(laeringsliv.ECONFLICT, "reading.error.photo_closed")
	}
	if err == nil && s.svc.Files == nil {
		err = laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	var v url.Values
	var got *filestore.Received
	var fileErr error
	if isMultipart(r) {
		s.extendForUpload(w, laeringsliv.MaxPhotoBytes)
		r.Body = http.MaxBytesReader(w, r.Body, laeringsliv.MaxPhotoBytes+maxPhotoFields)
		v, fileErr, err = readMultipart(r, "photo", 4*maxPhotoAlt, nil, func(part *multipart.Part) error {
			if got != nil {
				return nil // one photo per group
			}
			rec, err := filestore.Receive(r.Context(), s.svc.Files, part, laeringsliv.MaxPhotoBytes, isPhoto)
			if err == nil && !photoType(rec.ContentType) {
				s.discardFile(r, rec)
				return filestore.ErrWrongType
			}
			got = rec
			return err
		})
	} else {
		v, err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	id := strconv.FormatInt(g.ID, 10)
	var errs []FieldErr
	alt, altErr := parsePhotoAlt(v)
	if altErr != nil {
		errs = append(errs, FieldErr{"alt-" + id, laeringsliv.ErrorKey(altErr)})
	}
	if fileErr != nil {
		key, ok := uploadKey(fileErr, "reading.error.photo_too_large", "reading.error.photo_type")
		if !ok {
			s.serverError(w, r, fileErr)
			return
		}
		errs = append(errs, FieldErr{"photo-" + id, key})
	} else if got == nil && g.PhotoKey == "" {
		errs = append(errs, FieldErr{"photo-" + id, "reading.error.photo_required"})
	}
	if len(errs) > 0 {
		s.discardFile(r, got)
		s.showWorkshop(w, r, ws, http.StatusUnprocessableEntity, func(v *WorkshopView) {
			for _, gv := range v.Groups {
				if gv.Group.ID == g.ID {
					gv.PhotoErrors, gv.PhotoAlt = errs, alt
				}
			}
		})
		return
	}
	key, ct := g.PhotoKey, g.PhotoType
	if got != nil {
		key, ct = got.Key, got.ContentType
	}
	old, err := s.svc.Reading.SetGroupPhoto(r.Context(), g.ID, key, ct, alt)
	if err != nil {
		s.discardFile(r, got)
		s.renderError(w, r, err)
		return
	}
	if old != "" && old != key {
		s.discardFile(r, &filestore.Received{Key: old}) // replaced
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, workshopPath(ws)+"#photo-"+id, http.StatusSeeOther)
}

// groupPhoto shows a group's photo to those who may see the workshop, in the browser.
func (s *Server) groupPhoto(w http.ResponseWriter, r *http.Request) {
	ws, err := s.workshop(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	id, err := pathID(r.PathValue("group"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	groups, err := s.svc.Reading.FindReadingGroups(r.Context(), ws.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, g := range groups {
		if g.ID == id && g.PhotoKey != "" && s.svc.Files != nil {
			name := "gruppe-" + strconv.Itoa(g.Number) + photoExt(g.PhotoType)
			// No modification time: a replaced photo must never be answered "not modified".
			s.serveStored(w, r, g.PhotoKey, g.PhotoType, "inline", name, time.Time{})
			return
		}
	}
	s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
}

func photoExt(contentType string) string {
	switch contentType {
	case "image/png":
		return ".png"
	case "image/webp":
		return ".webp"
	}
	return ".jpg"
}

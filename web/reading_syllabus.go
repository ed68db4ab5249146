package web

import (
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"

	"laeringsliv"
	"laeringsliv/filestore"
)

// SyllabusPage lists a programme's syllabus with its total pages; teachers add and edit texts.
type SyllabusPage struct {
	Page
	Programme     *laeringsliv.Programme
	Texts         []*laeringsliv.SyllabusText
	TotalPages    int
	CanEdit       bool
	Form          *laeringsliv.SyllabusText // the text being added or edited
	Action        string
	TextLanguages []laeringsliv.Language
	CanUpload     bool // a file store is configured, so a PDF can be uploaded
}

func (s *Server) syllabusPage(w http.ResponseWriter, r *http.Request) {
	prog := state(r).programme
	s.showSyllabus(w, r, http.StatusOK, &laeringsliv.SyllabusText{ProgrammeID: prog.ID, Language: laeringsliv.LanguageNorwegian}, nil)
}

func (s *Server) showSyllabus(w http.ResponseWriter, r *http.Request, status int, form *laeringsliv.SyllabusText, errs []FieldErr) {
	st := state(r)
	prog := st.programme
	texts, err := s.svc.Reading.FindSyllabusTexts(r.Context(), prog.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := SyllabusPage{Page: s.base(w, r, st.tr.T("reading.syllabus.title")), Programme: prog, Texts: texts,
		TotalPages: laeringsliv.TotalPages(texts), Form: form, TextLanguages: laeringsliv.Languages(),
		CanEdit:   st.actor.Can(laeringsliv.ActionEditSyllabus, laeringsliv.ProgrammeResource(prog)),
		CanUpload: s.svc.Files != nil}
	p.Action = "/programmes/" + strconv.FormatInt(prog.ID, 10) + "/syllabus"
	if form.ID != 0 {
		p.Action += "/" + strconv.FormatInt(form.ID, 10)
	}
	p.Errors = errs
	s.render(w, r, status, "reading_syllabus", p)
}

// syllabusText loads the text named in the path, which must belong to the path's programme.
func (s *Server) syllabusText(r *http.Request) (*laeringsliv.SyllabusText, error) {
	id, err := pathID(r.PathValue("text"))
	if err != nil {
		return nil, err
	}
	t, err := s.svc.Reading.FindSyllabusText(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if t.ProgrammeID != state(r).programme.ID {
		return nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	return t, nil
}

func (s *Server) editSyllabusTextPage(w http.ResponseWriter, r *http.Request) {
	t, err := s.syllabusText(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.showSyllabus(w, r, http.StatusOK, t, nil)
}

func (s *Server) createSyllabusText(w http.ResponseWriter, r *http.Request) {
	s.saveSyllabusText(w, r, &laeringsliv.SyllabusText{ProgrammeID: state(r).programme.ID})
}

func (s *Server) updateSyllabusText(w http.ResponseWriter, r *http.Request) {
	t, err := s.syllabusText(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.saveSyllabusText(w, r, t)
}

// maxSyllabusFields bounds the fields of a syllabus form beside the PDF.
const maxSyllabusFields = 64 << 10

// saveSyllabusText saves the form's fields and, when it carries one, the PDF. The PDF is
// streamed into the file store and checked there; a refused PDF or a field in error shows the
// form again with what was typed, and the file is chosen again.
func (s *Server) saveSyllabusText(w http.ResponseWriter, r *http.Request, t *laeringsliv.SyllabusText) {
	var v url.Values
	var got *filestore.Received
	var name string
	var fileErr, err error
	if isMultipart(r) && s.svc.Files != nil {
		s.extendForUpload(w, laeringsliv.MaxSyllabusFileBytes)
		r.Body = http.MaxBytesReader(w, r.Body, laeringsliv.MaxSyllabusFileBytes+maxSyllabusFields)
		v, fileErr, err = readMultipart(r, "file", 4*4000, nil, func(part *multipart.Part) error {
			if got != nil {
				return nil // one PDF per text
			}
			name = filestore.DisplayName(part.FileName())
			got, err = filestore.Receive(r.Context(), s.svc.Files, part, laeringsliv.MaxSyllabusFileBytes, isPDF)
			return err
		})
	} else {
		v, err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	old := *t
	errs := parseSyllabusForm(v, t)
	if fileErr != nil {
		key, ok := uploadKey(fileErr, "reading.error.pdf_too_large", "reading.error.pdf_type")
		if !ok {
			s.serverError(w, r, fileErr)
			return
		}
		errs = append(errs, FieldErr{"file", key})
	}
	if len(errs) > 0 {
		s.discardFile(r, got)
		s.showSyllabus(w, r, http.StatusUnprocessableEntity, t, errs)
		return
	}
	if got != nil {
		t.FileKey, t.FileName, t.FileSize = got.Key, name, got.Size
	}
	if t.ID == 0 {
		err = s.svc.Reading.CreateSyllabusText(r.Context(), t)
	} else {
		err = s.svc.Reading.UpdateSyllabusText(r.Context(), t)
	}
	if err != nil {
		s.discardFile(r, got)
		s.renderError(w, r, err)
		return
	}
	if got != nil && old.FileKey != "" {
		s.discardFile(r, &filestore.Received{Key: old.FileKey}) // replaced
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, "/programmes/"+strconv.FormatInt(t.ProgrammeID, 10)+"/syllabus", http.StatusSeeOther)
}

func isPDF(k laeringsliv.FileKind) bool { return k == laeringsliv.FilePDF }

// discardFile deletes a stored file that nothing refers to; a failure only leaves an orphan,
// so it is logged and the user's answer stands.
func (s *Server) discardFile(r *http.Request, f *filestore.Received) {
	if f == nil {
		return
	}
	if err := s.svc.Files.Delete(r.Context(), f.Key); err != nil {
		s.cfg.Logger.WarnContext(r.Context(), "delete stored file", "err", err)
	}
}

// syllabusFile streams a text's PDF to those who may read the syllabus, shown in the browser
// under its name as uploaded.
func (s *Server) syllabusFile(w http.ResponseWriter, r *http.Request) {
	t, err := s.syllabusText(r)
	if err == nil && (t.FileKey == "" || s.svc.Files == nil) {
		err = laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.serveStored(w, r, t.FileKey, "application/pdf", "inline", t.FileName, t.CreatedAt)
}

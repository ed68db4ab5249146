package web

import (
	"context"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"laeringsliv"
	"laeringsliv/filestore"
)

// draftInput is what a save of the editor sends: the text, the group (on the first save of a
// group requirement) and whether a file follows.
type draftInput struct {
	Text    string
	Members []int64
}

// maxDraftBody bounds a text-only save: the longest text, escaped.
const maxDraftBody = 3 * laeringsliv.MaxSubmissionText

// saveDraft saves the text as typed (called by the page's script as the participant writes,
// and by the Save draft button without it) and, when the form carries a file, streams it to
// the file store. The text is saved before the file is read, so a refused file never costs
// what was written.
func (s *Server) saveDraft(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if !isParticipant(r) {
		s.renderError(w, r, participantsOnly)
		return
	}
	req, err := s.requirementIn(r, state(r).workplace.ProgrammeID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	var in draftInput
	var fileErr error
	if isMultipart(r) {
		s.extendForUpload(w, req.MaxBytes)
		r.Body = http.MaxBytesReader(w, r.Body, req.MaxBytes+maxDraftBody)
		in, fileErr, err = s.readMultipartDraft(r, req)
	} else {
		r.Body = http.MaxBytesReader(w, r.Body, maxDraftBody)
		var v url.Values
		if err = r.ParseForm(); err == nil {
			v = r.PostForm
			in = parseDraftForm(v)
			_, err = s.storeDraft(r.Context(), r, req, in)
		}
	}
	if err != nil {
		s.draftFailed(w, r, in.Text, err)
		return
	}
	if fileErr != nil {
		s.draftFailed(w, r, in.Text, fileErr)
		return
	}
	if r.Header.Get("X-Autosave") == "1" || r.Header.Get("X-Upload") == "1" {
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	setFlash(w, "flash.draft_saved")
	http.Redirect(w, r, "/workplaces/"+itoa(st.workplace.ID)+"/requirements/"+itoa(req.ID), http.StatusSeeOther)
}

// draftFailed answers a failed save: a short message for the script, or the page again with
// the text as sent and the error beside the field.
func (s *Server) draftFailed(w http.ResponseWriter, r *http.Request, text string, err error) {
	err = uploadErr(err)
	code := laeringsliv.ErrorCode(err)
	if code == laeringsliv.EINTERNAL {
		s.serverError(w, r, err)
		return
	}
	if r.Header.Get("X-Autosave") == "1" || r.Header.Get("X-Upload") == "1" {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(statusOf(code))
		_, _ = io.WriteString(w, state(r).tr.T(laeringsliv.ErrorKey(err)))
		return
	}
	field := "text"
	var e *laeringsliv.Error
	if errors.As(err, &e) && e.Field == "file" {
		field = "file"
	}
	s.showSubmission(w, r, statusOf(code), text, []FieldErr{{field, laeringsliv.ErrorKey(err)}})
}

func parseDraftForm(v url.Values) draftInput {
	in := draftInput{Text: draftText(v.Get("text"))}
	for _, m := range v["members"] {
		if id, err := strconv.ParseInt(m, 10, 64); err == nil && id > 0 {
			in.Members = append(in.Members, id)
		}
	}
	return in
}

// draftText keeps line breaks and tabs of what was typed and drops other control characters
// and invalid UTF-8.
func draftText(s string) string {
	s = strings.ToValidUTF8(strings.ReplaceAll(s, "\r\n", "\n"), "")
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// readMultipartDraft saves the text and group as soon as the file part begins, then streams
// the file. fileErr is a refused file; err anything else.
func (s *Server) readMultipartDraft(r *http.Request, req *laeringsliv.WorkRequirement) (in draftInput, fileErr, err error) {
	var sub *laeringsliv.Submission
	saved := false
	v, fileErr, err := readMultipart(r, "file", laeringsliv.MaxSubmissionText, func(v url.Values) (err error) {
		in = parseDraftForm(v)
		sub, err = s.storeDraft(r.Context(), r, req, in)
		saved = err == nil
		return err
	}, func(part *multipart.Part) error { return s.receiveFile(r.Context(), req, sub, part) })
	if err != nil || fileErr != nil || saved {
		return in, fileErr, err
	}
	in = parseDraftForm(v)
	_, err = s.storeDraft(r.Context(), r, req, in)
	return in, nil, err
}

// receiveFile streams one uploaded file into the store and records it on the draft.
func (s *Server) receiveFile(ctx context.Context, req *laeringsliv.WorkRequirement, sub *laeringsliv.Submission, part *multipart.Part) error {
	if len(req.FileKinds) == 0 {
		return filestore.ErrWrongType
	}
	got, err := filestore.Receive(ctx, s.svc.Files, part, req.MaxBytes, req.Allows)
	if err != nil {
		return err
	}
	f := &laeringsliv.SubmissionFile{SubmissionID: sub.ID, Key: got.Key, Name: filestore.DisplayName(part.FileName()),
		Kind: got.Kind, ContentType: got.ContentType, Size: got.Size}
	if err := s.svc.Study.AddSubmissionFile(ctx, f); err != nil {
		_ = s.svc.Files.Delete(ctx, got.Key)
		return err
	}
	return nil
}

// storeDraft saves the text on the participant's draft, starting one (or the next version
// after one that was not approved) when needed.
func (s *Server) storeDraft(ctx context.Context, r *http.Request, req *laeringsliv.WorkRequirement, in draftInput) (*laeringsliv.Submission, error) {
	st := state(r)
	me := st.actor.Person.ID
	versions, err := s.latestFor(ctx, req.ID, me)
	if err != nil {
		return nil, err
	}
	var sub *laeringsliv.Submission
	switch {
	case len(versions) == 0:
		members, err := s.groupOf(ctx, st.workplace.ID, req, me, in.Members)
		if err != nil {
			return nil, err
		}
		sub = &laeringsliv.Submission{RequirementID: req.ID, WorkplaceID: st.workplace.ID, MemberIDs: members}
	case versions[0].Status == laeringsliv.StatusNotApproved:
		if sub, err = s.svc.Study.Resubmit(ctx, versions[0].ID, me); err != nil {
			return nil, err
		}
	default:
		sub = versions[0]
	}
	sub.AuthorID, sub.Text = me, in.Text
	if err := s.svc.Study.SaveDraft(ctx, sub); err != nil {
		return nil, err
	}
	return sub, nil
}

// groupOf returns the members of a new submission: the writer, and for a group requirement
// the colleagues they chose, who must be participants of the workplace.
func (s *Server) groupOf(ctx context.Context, workplaceID int64, req *laeringsliv.WorkRequirement, me int64, chosen []int64) ([]int64, error) {
	members := []int64{me}
	if req.Mode != laeringsliv.ModeGroup {
		return members, nil
	}
	all, err := s.participants(ctx, workplaceID)
	if err != nil {
		return nil, err
	}
	ok := map[int64]bool{}
	for _, p := range all {
		ok[p.ID] = true
	}
	seen := map[int64]bool{me: true}
	for _, id := range chosen {
		if !ok[id] {
			return nil, laeringsliv.FieldError("members", "submission.error.member_invalid")
		}
		if !seen[id] {
			members = append(members, id)
			seen[id] = true
		}
	}
	return members, nil
}

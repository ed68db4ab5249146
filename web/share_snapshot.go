package web

import (
	"context"
	"sort"
	"strings"

	"laeringsliv"
)

// snapshot builds the share of record ref of the given kind, as workplace w would show it to
// the institution's other workplaces: titles, texts, status and note texts only, never a
// person. A record of another workplace (or programme) is "not found".
func (s *Server) snapshot(ctx context.Context, w *laeringsliv.Workplace, kind laeringsliv.ShareKind, ref int64) (*laeringsliv.Share, error) {
	sh := &laeringsliv.Share{InstitutionID: w.InstitutionID, WorkplaceID: w.ID, Kind: kind, RefID: ref}
	var err error
	switch kind {
	case laeringsliv.ShareInnovation:
		err = s.innovationSnapshot(ctx, w, sh)
	case laeringsliv.ShareChapter:
		err = s.chapterSnapshot(ctx, w, sh)
	case laeringsliv.ShareIPEQuestion:
		err = s.questionSnapshot(ctx, w, sh)
	default:
		err = shareNotFound()
	}
	if err != nil {
		return nil, err
	}
	return sh, nil
}

func shareNotFound() error { return laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found") }

// innovationSnapshot: title, status and description; not who recorded it nor its owner group.
func (s *Server) innovationSnapshot(ctx context.Context, w *laeringsliv.Workplace, sh *laeringsliv.Share) error {
	i, err := s.svc.Innovations.FindInnovation(ctx, sh.RefID)
	if err != nil {
		return err
	}
	if i.WorkplaceID != w.ID {
		return shareNotFound()
	}
	sh.Title, sh.Status, sh.Body = i.Title, string(i.Status), i.Description
	return nil
}

// chapterSnapshot: a chapter of the programme's handbook, without its embeds, which show the
// workplace's own records.
func (s *Server) chapterSnapshot(ctx context.Context, w *laeringsliv.Workplace, sh *laeringsliv.Share) error {
	if s.svc.Handbook == nil {
		return shareNotFound()
	}
	c, err := s.svc.Handbook.FindChapter(ctx, sh.RefID)
	if err != nil {
		return err
	}
	h, err := s.svc.Handbook.FindHandbook(ctx, c.HandbookID)
	if err != nil {
		return err
	}
	if h.ProgrammeID != w.ProgrammeID || h.InstitutionID != w.InstitutionID {
		return shareNotFound()
	}
	var lines []string
	for _, line := range strings.Split(c.Body, "\n") {
		t := strings.TrimSpace(line)
		if !(strings.HasPrefix(t, "{{") && strings.HasSuffix(t, "}}")) {
			lines = append(lines, line)
		}
	}
	sh.Title, sh.Body = c.Title, strings.TrimSpace(strings.Join(lines, "\n"))
	if len(sh.Body) > laeringsliv.MaxShareBody {
		return laeringsliv.FieldError("body", "sharing.error.too_long")
	}
	return nil
}

// questionSnapshot: an IPE session's question and, once its votes are counted, the notes that
// got votes, most first. Notes carry no writer; one that looks like it holds personal data
// (laeringsliv.SensitiveData) is left out.
func (s *Server) questionSnapshot(ctx context.Context, w *laeringsliv.Workplace, sh *laeringsliv.Share) error {
	ses, err := s.svc.IPE.FindIPESession(ctx, sh.RefID)
	if err != nil {
		return err
	}
	if ses.WorkplaceID != w.ID {
		return shareNotFound()
	}
	sh.Title = ses.Question
	if ses.Phase != laeringsliv.IPEPhasePlenum && ses.Phase != laeringsliv.IPEPhaseClosed {
		return nil
	}
	notes, err := s.svc.IPE.FindIPENotes(ctx, ses.ID)
	if err != nil {
		return err
	}
	sort.SliceStable(notes, func(a, b int) bool {
		if notes[a].Votes != notes[b].Votes {
			return notes[a].Votes > notes[b].Votes
		}
		return notes[a].Text < notes[b].Text
	})
	for _, n := range notes {
		if n.Votes > 0 && len(laeringsliv.SensitiveData(n.Text)) == 0 && len(sh.Items) < laeringsliv.MaxShareItems {
			sh.Items = append(sh.Items, n.Text)
		}
	}
	return nil
}

package web

import (
	"context"

	"laeringsliv"
)

// snapshot builds the share of record ref of the given kind, as workplace w would show it to
// the institution's other workplaces (see laeringsliv.InnovationShare and its siblings). A
// record of another workplace (or, for a chapter, another programme) is "not found".
func (s *Server) snapshot(ctx context.Context, w *laeringsliv.Workplace, kind laeringsliv.ShareKind, ref int64) (*laeringsliv.Share, error) {
	switch kind {
	case laeringsliv.ShareInnovation:
		i, err := s.svc.Innovations.FindInnovation(ctx, ref)
		if err != nil || i.WorkplaceID != w.ID {
			return nil, orNotFound(err)
		}
		return laeringsliv.InnovationShare(w, i), nil
	case laeringsliv.ShareChapter:
		return s.chapterSnapshot(ctx, w, ref)
	case laeringsliv.ShareIPEQuestion:
		ses, err := s.svc.IPE.FindIPESession(ctx, ref)
		if err != nil || ses.WorkplaceID != w.ID {
			return nil, orNotFound(err)
		}
		notes, err := s.svc.IPE.FindIPENotes(ctx, ses.ID)
		if err != nil {
			return nil, err
		}
		return laeringsliv.QuestionShare(w, ses, notes), nil
	}
	return nil, shareNotFound()
}

func (s *Server) chapterSnapshot(ctx context.Context, w *laeringsliv.Workplace, ref int64) (*laeringsliv.Share, error) {
	if s.svc.Handbook == nil {
		return nil, shareNotFound()
	}
	c, err := s.svc.Handbook.FindChapter(ctx, ref)
	if err != nil {
		return nil, err
	}
	h, err := s.svc.Handbook.FindHandbook(ctx, c.HandbookID)
	if err != nil || h.ProgrammeID != w.ProgrammeID || h.InstitutionID != w.InstitutionID {
		return nil, orNotFound(err)
	}
	sh := laeringsliv.ChapterShare(w, c)
	if len(sh.Body) > laeringsliv.MaxShareBody {
		return nil, laeringsliv.FieldError("body", "sharing.error.too_long")
	}
	return sh, nil
}

// orNotFound returns err, or "not found" when there is none: the record is someone else's.
func orNotFound(err error) error {
	if err != nil {
		return err
	}
	return shareNotFound()
}

func shareNotFound() error { return laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found") }

package web

import (
	"context"
	"net/http"
	"strings"

	"laeringsliv"
)

// PublishedHandbookPage is a published handbook for anyone, without an account: the contents
// beside the text on a wide screen, a search across the chapters, and a print layout.
type PublishedHandbookPage struct {
	Page
	Handbook *laeringsliv.Handbook
	Chapters []HandbookChapterView
	Query    string
	Hits     []HandbookChapterView // chapters whose title or text holds the query
}

func (s *Server) publishedHandbookPage(w http.ResponseWriter, r *http.Request) {
	h, chs, err := s.publishedChapters(r, false)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := PublishedHandbookPage{Page: s.base(w, r, h.Title), Handbook: h, Chapters: chs,
		Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	p.Hits = searchChapters(chs, p.Query)
	s.render(w, r, http.StatusOK, "handbook_public", p)
}

// searchChapters returns the chapters whose title or Markdown holds q, ignoring case.
func searchChapters(chs []HandbookChapterView, q string) []HandbookChapterView {
	if q == "" || len(q) > 200 {
		return nil
	}
	q = strings.ToLower(q)
	var hits []HandbookChapterView
	for _, c := range chs {
		if strings.Contains(strings.ToLower(c.Title), q) || strings.Contains(strings.ToLower(c.Chapter.Body), q) {
			hits = append(hits, c)
		}
	}
	return hits
}

func (s *Server) publishHandbook(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	h, err := s.svc.Handbook.FindProgrammeHandbook(r.Context(), st.programme.ID)
	if err == nil && v.Get("published") == "1" {
		err = s.PublishHandbook(r.Context(), h.ID)
	} else if err == nil {
		err = s.svc.Handbook.SetHandbookPublished(r.Context(), h.ID, false)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, handbookPath(st.programme.ID), http.StatusSeeOther)
}

// publishedHandbooks lists the published handbooks for the sign-in page; a failure leaves the
// list out rather than the page.
func (s *Server) publishedHandbooks(r *http.Request) []*laeringsliv.Handbook {
	if s.svc.Handbook == nil {
		return nil
	}
	list, err := s.svc.Handbook.FindPublishedHandbooks(r.Context())
	if err != nil {
		s.cfg.Logger.Error("published handbooks", "err", err)
		return nil
	}
	return list
}

// handbookWorker serves the service worker from /handbooks/, so that its scope covers the
// published handbooks; its text is the embedded static asset.
func (s *Server) handbookWorker(w http.ResponseWriter, r *http.Request) {
	r2 := r.Clone(r.Context())
	r2.URL.Path = "/static/handbook-sw.js"
	r2.URL.RawQuery = ""
	s.static()(w, r2)
}

// PublishHandbook publishes a handbook with snapshots of its frozen embeds taken now. Main
// calls it for the demo's handbook, seeded before the server exists.
func (s *Server) PublishHandbook(ctx context.Context, id int64) error {
	h, err := s.svc.Handbook.FindHandbook(ctx, id)
	if err != nil {
		return err
	}
	snaps, err := s.frozenSnapshots(ctx, h)
	if err != nil {
		return err
	}
	return s.svc.Handbook.PublishHandbook(ctx, h.ID, snaps)
}

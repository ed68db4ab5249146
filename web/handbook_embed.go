package web

import (
	"cmp"
	"context"
	"encoding/json"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"time"

	"laeringsliv"
	"laeringsliv/report"
)

// EmbedView is what an embed shows: one of the platform's records as it is now, or, for a
// frozen embed of a published handbook, as it was at publication. The fields with a json name
// are its snapshot.
type EmbedView struct {
	Kind    laeringsliv.EmbedKind        `json:"kind"`
	Name    string                       `json:"name,omitempty"` // a chart's name
	Key     string                       `json:"key,omitempty"`  // a chart's title, from the catalog
	Title   string                       `json:"title,omitempty"`
	Status  laeringsliv.InnovationStatus `json:"status,omitempty"`
	Text    string                       `json:"text,omitempty"`
	Lines   []EmbedLine                  `json:"lines,omitempty"`
	Frozen  bool                         `json:"-"`
	Taken   time.Time                    `json:"-"` // when the snapshot was taken; zero when live
	Missing bool                         `json:"-"` // gone, or not the handbook's programme's
	Chart   template.HTML                `json:"-"` // drawn from Lines, for a chart
}

// EmbedLine is one line of an embed: an evaluation, a prioritised note with its votes, or a
// bar of a chart. A label from the catalog is kept as its key, so that it reads in the
// reader's language.
type EmbedLine struct {
	Text  string `json:"text,omitempty"`
	Key   string `json:"key,omitempty"`
	Value int    `json:"value"`
}

// The charts from the reports that a chapter can embed.
const (
	chartParticipation = "participation" // innovations per workplace (Table 2, the participation table)
	chartEvidence      = "evidence"      // material collected, by kind (Table 1)
)

// embedRecord reads the record an embed shows, as it is now. A record of another programme
// than the handbook's, or one that is gone, is Missing: a public handbook shows nothing of
// another programme.
func (s *Server) embedRecord(ctx context.Context, h *laeringsliv.Handbook, e laeringsliv.Embed) EmbedView {
	v := EmbedView{Kind: e.Kind, Name: e.Chart}
	var err error
	switch e.Kind {
	case laeringsliv.EmbedInnovation:
		err = s.embedInnovation(ctx, h, e.ID, &v)
	case laeringsliv.EmbedIPE:
		err = s.embedIPE(ctx, h, e.ID, &v)
	case laeringsliv.EmbedChart:
		err = s.embedChart(ctx, h, e.Chart, &v)
	}
	if err != nil {
		return EmbedView{Kind: e.Kind, Missing: true}
	}
	return v
}

// inProgramme checks that a workplace's record belongs to the handbook's programme.
func (s *Server) inProgramme(ctx context.Context, h *laeringsliv.Handbook, workplaceID int64) error {
	w, err := s.svc.Org.FindWorkplace(ctx, workplaceID)
	if err == nil && (w.ProgrammeID != h.ProgrammeID || w.InstitutionID != h.InstitutionID) {
		err = laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	return err
}

// embedInnovation shows an innovation's title, status, description and the questions of the
// IPE sessions that evaluated it.
func (s *Server) embedInnovation(ctx context.Context, h *laeringsliv.Handbook, id int64, v *EmbedView) error {
	i, err := s.svc.Innovations.FindInnovation(ctx, id)
	if err != nil {
		return err
	}
	if err := s.inProgramme(ctx, h, i.WorkplaceID); err != nil {
		return err
	}
	v.Title, v.Status, v.Text = i.Title, i.Status, i.Description
	for _, l := range i.Links {
		if l.Kind != laeringsliv.SourceEvaluation || s.svc.IPE == nil {
			continue
		}
		if ev, err := s.svc.IPE.FindIPESession(ctx, l.RefID); err == nil && ev.InstitutionID == h.InstitutionID {
			v.Lines = append(v.Lines, EmbedLine{Text: ev.Question})
		}
	}
	return nil
}

// embedIPE shows an IPE session's question and its notes with the most votes: the notes'
// texts only, as the projector shows them, never who wrote them.
func (s *Server) embedIPE(ctx context.Context, h *laeringsliv.Handbook, id int64, v *EmbedView) error {
	if s.svc.IPE == nil {
		return laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	sess, err := s.svc.IPE.FindIPESession(ctx, id)
	if err != nil {
		return err
	}
	if err := s.inProgramme(ctx, h, sess.WorkplaceID); err != nil {
		return err
	}
	draws, err := s.svc.IPE.FindIPEDraws(ctx, id)
	if err != nil {
		return err
	}
	slices.SortStableFunc(draws, func(a, b *laeringsliv.IPEDraw) int { return cmp.Compare(b.Votes, a.Votes) })
	v.Title = sess.Question
	for _, d := range draws {
		if d.Votes > 0 && len(v.Lines) < 5 {
			v.Lines = append(v.Lines, EmbedLine{Text: d.Text, Value: d.Votes})
		}
	}
	return nil
}

// embedChart reads the numbers of one of the reports' charts for the handbook's programme.
func (s *Server) embedChart(ctx context.Context, h *laeringsliv.Handbook, name string, v *EmbedView) error {
	switch name {
	case chartParticipation:
		rows, err := laeringsliv.ParticipationTable(ctx, s.svc.Reports, s.svc.StudyCounts, h.ProgrammeID)
		if err != nil {
			return err
		}
		v.Key = "report.chart_innovations"
		for _, row := range rows[:len(rows)-1] {
			v.Lines = append(v.Lines, EmbedLine{Text: row.Workplace, Value: row.Innovations})
		}
	case chartEvidence:
		if s.svc.Evidence == nil {
			return laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
		}
		rows, err := laeringsliv.EvidenceTable(ctx, s.svc.Evidence, s.svc.StudyCounts, h.ProgrammeID)
		if err != nil {
			return err
		}
		t := rows[len(rows)-1]
		v.Key = "evidence.chart"
		for _, l := range []EmbedLine{{Key: "evidence.col.reflection_logs", Value: t.ReflectionLogs},
			{Key: "evidence.col.ipe_notes", Value: t.IPENotes}, {Key: "evidence.col.presentations", Value: t.Presentations},
			{Key: "evidence.col.videos", Value: t.Videos}, {Key: "evidence.col.evaluations", Value: t.Evaluations},
			{Key: "evidence.col.exam_papers", Value: t.ExamPapers}} {
			v.Lines = append(v.Lines, l)
		}
	default:
		return laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	return nil
}

// snapshot is an embed's view as stored at publication.
func (v EmbedView) snapshot() ([]byte, error) { return json.Marshal(v) }

// fromSnapshot reads a stored snapshot; a snapshot that cannot be read shows as missing.
func fromSnapshot(s laeringsliv.HandbookSnapshot) EmbedView {
	var v EmbedView
	if err := json.Unmarshal(s.Data, &v); err != nil {
		return EmbedView{Missing: true}
	}
	v.Frozen, v.Taken = true, s.Taken
	return v
}

// drawChart draws a chart embed's bars in the reader's language; the list beside it is the
// accessible alternative.
func (v *EmbedView) drawChart(st *reqState, id string) {
	if v.Kind != laeringsliv.EmbedChart || v.Missing {
		return
	}
	bars := make([]report.Bar, len(v.Lines))
	for i, l := range v.Lines {
		bars[i] = report.Bar{Label: l.label(st), Value: float64(l.Value)}
	}
	v.Chart = template.HTML(report.BarChart(id, st.tr.T(v.Key), st.tr.T("report.chart_innovations_desc"), bars, st.number))
}

func (l EmbedLine) label(st *reqState) string {
	if l.Key != "" {
		return st.tr.T(l.Key)
	}
	return l.Text
}

// resolveEmbeds gives each embed of segs its view: for a frozen embed with a snapshot in
// snaps (a published handbook's), the snapshot; otherwise the record as it is now.
func (s *Server) resolveEmbeds(r *http.Request, h *laeringsliv.Handbook, segs []handbookSegment, snaps map[string]laeringsliv.HandbookSnapshot) {
	st := state(r)
	for i := range segs {
		e := segs[i].Embed
		if e == nil {
			continue
		}
		var v EmbedView
		if snap, ok := snaps[e.Key()]; ok && e.Frozen {
			v = fromSnapshot(snap)
		} else {
			v = s.embedRecord(r.Context(), h, *e)
			v.Frozen = e.Frozen
		}
		v.drawChart(st, "chart-"+strconv.Itoa(e.Line)+"-"+strconv.Itoa(i))
		segs[i].View = &v
	}
}

// frozenSnapshots takes the snapshots of every frozen embed of a handbook's chapters, in every
// language they are written in, for its publication.
func (s *Server) frozenSnapshots(ctx context.Context, h *laeringsliv.Handbook) ([]laeringsliv.HandbookSnapshot, error) {
	chs, err := s.svc.Handbook.FindChapters(ctx, h.ID)
	if err != nil {
		return nil, err
	}
	bodies := make([]string, 0, len(chs))
	for _, c := range chs {
		bodies = append(bodies, c.Body)
	}
	for _, lang := range laeringsliv.HandbookLanguages {
		trs, err := s.svc.Handbook.FindTranslations(ctx, h.ID, lang)
		if err != nil {
			return nil, err
		}
		for _, t := range trs {
			bodies = append(bodies, t.Body)
		}
	}
	seen := map[string]bool{}
	var snaps []laeringsliv.HandbookSnapshot
	for _, body := range bodies {
		embeds, err := laeringsliv.ParseEmbeds(body)
		if err != nil {
			return nil, err
		}
		for _, e := range embeds {
			if !e.Frozen || seen[e.Key()] {
				continue
			}
			seen[e.Key()] = true
			v := s.embedRecord(ctx, h, e)
			if v.Missing {
				continue // nothing to freeze; it shows as missing
			}
			data, err := v.snapshot()
			if err != nil {
				return nil, err
			}
			snaps = append(snaps, laeringsliv.HandbookSnapshot{Embed: e.Key(), Data: data})
		}
	}
	return snaps, nil
}

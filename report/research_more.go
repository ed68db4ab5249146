package report

import (
	"archive/zip"
	"io"
	"strconv"
	"time"

	"laeringsliv"
	"laeringsliv/tabular"
)

// ResearchReflectionLogs returns delivered reflection logs (AK1 texts) as a pseudonymised table.
// A log is left out unless every member consented: a text without its writer's consent is not
// research data. Names in the text become pseudonyms and identity numbers are redacted.
func ResearchReflectionLogs(p *Pseudonymizer, logs []*laeringsliv.Submission, workplaces map[int64]string) *tabular.Table {
	t := &tabular.Table{Name: "reflection_logs", Header: []string{"writer", "workplace", "version", "status", "submitted_on", "text"}}
	for _, s := range logs {
		if s.Status == laeringsliv.StatusDraft || len(s.MemberIDs) == 0 || !allConsented(p, s.MemberIDs) {
			continue
		}
		day := ""
		if !s.SubmittedAt.IsZero() {
			day = s.SubmittedAt.In(laeringsliv.Norway()).Format(time.DateOnly)
		}
		t.Rows = append(t.Rows, []any{p.Pseudonym(s.MemberIDs[0]), workplaces[s.WorkplaceID], s.Version,
			string(s.Status), day, p.Text(s.Text)})
	}
	return t
}

func allConsented(p *Pseudonymizer, ids []int64) bool {
	for _, id := range ids {
		if p.Pseudonym(id) == "" {
			return false
		}
	}
	return true
}

// ResearchIPENotes returns the notes of IPE sessions. Notes are anonymous by construction
// (see laeringsliv.IPENote) and stay so: no person is joined to them, and their text is still
// cleaned of names and identity numbers a writer may have typed.
func ResearchIPENotes(p *Pseudonymizer, notes []*laeringsliv.IPENote, sessionWorkplace map[int64]string) *tabular.Table {
	t := &tabular.Table{Name: "ipe_notes", Header: []string{"session", "workplace", "phase", "votes", "text"}}
	for _, n := range notes {
		t.Rows = append(t.Rows, []any{strconv.FormatInt(n.SessionID, 10), sessionWorkplace[n.SessionID], string(n.Phase), n.Votes, p.Text(n.Text)})
	}
	return t
}

// ResearchReflections returns the groups' reflections on drawn notes, anonymous as the notes.
func ResearchReflections(p *Pseudonymizer, draws []*laeringsliv.IPEDraw, sessionWorkplace map[int64]string) *tabular.Table {
	t := &tabular.Table{Name: "ipe_reflections", Header: []string{"session", "workplace", "turn", "note", "reflection"}}
	for _, d := range draws {
		if d.Reflection == "" {
			continue
		}
		t.Rows = append(t.Rows, []any{strconv.FormatInt(d.SessionID, 10), sessionWorkplace[d.SessionID], d.Turn, p.Text(d.Text), p.Text(d.Reflection)})
	}
	return t
}

// WriteResearchZip writes each table as <name>.csv (UTF-8 with a byte-order mark) in one zip.
func WriteResearchZip(w io.Writer, tables []*tabular.Table) error {
	z := zip.NewWriter(w)
	for _, t := range tables {
		f, err := z.Create(t.Name + ".csv")
		if err != nil {
			return err
		}
		if err := t.WriteCSV(f); err != nil {
			return err
		}
	}
	return z.Close()
}

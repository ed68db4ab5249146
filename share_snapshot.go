package laeringsliv

import (
	"sort"
	"strings"
)

// The copies a workplace shares. Each takes titles, texts, statuses and note texts only —
// never a person — from a record of workplace w; the caller has checked that the record is w's.

// InnovationShare is the share of innovation i: title, status and description; not who
// recorded it nor its owner group.
func InnovationShare(w *Workplace, i *Innovation) *Share {
	return &Share{InstitutionID: w.InstitutionID, WorkplaceID: w.ID, Kind: ShareInnovation, RefID: i.ID,
		Title: i.Title, Status: string(i.Status), Body: i.Description}
}

// ChapterShare is the share of handbook chapter c, without its embeds, which show the
// workplace's own records.
func ChapterShare(w *Workplace, c *HandbookChapter) *Share {
	var lines []string
	for _, line := range strings.Split(c.Body, "\n") {
		t := strings.TrimSpace(line)
		if !(strings.HasPrefix(t, "{{") && strings.HasSuffix(t, "}}")) {
			lines = append(lines, line)
		}
	}
	return &Share{InstitutionID: w.InstitutionID, WorkplaceID: w.ID, Kind: ShareChapter, RefID: c.ID,
		Title: c.Title, Body: strings.TrimSpace(strings.Join(lines, "\n"))}
}

// QuestionShare is the share of IPE session ses: its question and, once its votes are counted
// (plenum or closed), the notes that got votes, most first. Notes carry no writer; one that looks
// like it holds personal data (SensitiveData) is left out.
func QuestionShare(w *Workplace, ses *IPESession, notes []*IPENote) *Share {
	sh := &Share{InstitutionID: w.InstitutionID, WorkplaceID: w.ID, Kind: ShareIPEQuestion, RefID: ses.ID, Title: ses.Question}
	if ses.Phase != IPEPhasePlenum && ses.Phase != IPEPhaseClosed {
		return sh
	}
	notes = append([]*IPENote(nil), notes...)
	sort.SliceStable(notes, func(a, b int) bool {
		if notes[a].Votes != notes[b].Votes {
			return notes[a].Votes > notes[b].Votes
		}
		return notes[a].Text < notes[b].Text
	})
	for _, n := range notes {
		if n.Votes > 0 && len(SensitiveData(n.Text)) == 0 && len(sh.Items) < MaxShareItems {
			sh.Items = append(sh.Items, n.Text)
		}
	}
	return sh
}

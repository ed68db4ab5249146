package laeringsliv

import (
	"strings"
	"unicode/utf8"
)

// ideaTitleRunes is how much of a kept note becomes the title of its innovation; the whole
// note is its description.
const ideaTitleRunes = 80

// KeptIdea is the innovation a note of session becomes when the facilitator keeps it: at the
// first status, small until someone says otherwise, in the given project of the session's
// workplace and linked to the session. It has no creator: it holds a note's text, and a
// person next to it would read as the note's author.
func KeptIdea(session *IPESession, projectID int64, note string) *Innovation {
	note = strings.TrimSpace(note)
	return &Innovation{
		InstitutionID: session.InstitutionID, WorkplaceID: session.WorkplaceID, ProjectID: projectID,
		Title: ideaTitle(note), Description: note, Status: InnovationIdea, Size: InnovationSmall,
		Links: []SourceLink{{Kind: SourceSession, RefID: session.ID}},
	}
}

// ideaTitle is the note's first line, cut after a whole word when it is long.
func ideaTitle(note string) string {
	title, _, _ := strings.Cut(note, "\n")
	title = strings.TrimSpace(title)
	if utf8.RuneCountInString(title) <= ideaTitleRunes {
		return title
	}
	runes := []rune(title)[:ideaTitleRunes]
	cut := string(runes)
	if n := strings.LastIndexByte(cut, ' '); n > ideaTitleRunes/2 {
		cut = cut[:n]
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}

// SessionID returns the IPE session the innovation was kept from, or 0.
func (i *Innovation) SessionID() int64 {
	for _, l := range i.Links {
		if l.Kind == SourceSession {
			return l.RefID
		}
	}
	return 0
}

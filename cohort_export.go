package laeringsliv

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// TemplateSource reads what a template takes from a programme.
type TemplateSource interface {
	FindWorkplaces(ctx context.Context, f WorkplaceFilter) ([]*Workplace, error)
	FindGatherings(ctx context.Context, workplaceID int64) ([]*Gathering, error)
	FindRequirements(ctx context.Context, programmeID int64) ([]*WorkRequirement, error)
	FindSyllabusTexts(ctx context.Context, programmeID int64) ([]*SyllabusText, error)
	FindWorkshops(ctx context.Context, f WorkshopFilter) ([]*Workshop, error)
	FindReadingGroups(ctx context.Context, workshopID int64) ([]*ReadingGroup, error)
	FindIPESessions(ctx context.Context, workplaceID int64) ([]*IPESession, error)
	FindIPEGroups(ctx context.Context, sessionID int64) ([]*IPEGroup, error)
	FindProgrammeHandbook(ctx context.Context, programmeID int64) (*Handbook, error)
	FindChapters(ctx context.Context, handbookID int64) ([]*HandbookChapter, error)
	FindTranslations(ctx context.Context, handbookID int64, lang string) (map[int64]*HandbookTranslation, error)
}

// ExportTemplate makes the template of programme p: its plan without its people. The
// handbook's chapters keep their text only when withText (without embeds, which name this
// institution's records); else their titles and headings.
func ExportTemplate(ctx context.Context, src TemplateSource, p *Programme, withText bool) (*ProgrammeTemplate, error) {
	t := &ProgrammeTemplate{Format: TemplateFormat, Version: TemplateVersion, Title: p.Name, Level: p.Level,
		ECTS: p.ECTS, StartYear: p.StartYear, EndYear: p.EndYear,
		Workplaces: []TemplateWorkplace{}, Requirements: []TemplateRequirement{}, Syllabus: []TemplateText{}}
	texts, err := src.FindSyllabusTexts(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	textPos := map[int64]int{}
	for i, s := range texts {
		textPos[s.ID] = i + 1
		t.Syllabus = append(t.Syllabus, TemplateText{Title: s.Title, Authors: s.Authors, Year: s.Year,
			Language: s.Language, Pages: s.Pages, URL: s.URL, Summary: s.Summary})
	}
	reqs, err := src.FindRequirements(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	for _, r := range reqs {
		t.Requirements = append(t.Requirements, TemplateRequirement{Code: r.Code, Title: r.Title,
			Description: r.Description, Mode: r.Mode, DueAt: templateTime(r.DueAt), DueGathering: r.DueGathering,
			FileKinds: orEmpty(r.FileKinds), MaxBytes: r.MaxBytes, Assessors: r.Assessors})
	}
	wps, err := src.FindWorkplaces(ctx, WorkplaceFilter{ProgrammeID: p.ID})
	if err != nil {
		return nil, err
	}
	var first time.Time
	for _, w := range wps {
		tw, start, err := exportWorkplace(ctx, src, w, textPos)
		if err != nil {
			return nil, err
		}
		if !start.IsZero() && (first.IsZero() || start.Before(first)) {
			first = start
		}
		t.Workplaces = append(t.Workplaces, tw)
	}
	t.StartsOn = strconv.Itoa(p.StartYear) + "-08-01"
	if !first.IsZero() {
		t.StartsOn = templateDay(first)
	}
	t.Handbook, err = exportHandbook(ctx, src, p.ID, withText)
	return t, err
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// exportWorkplace returns a workplace's part of the template and its first gathering's start.
func exportWorkplace(ctx context.Context, src TemplateSource, w *Workplace, textPos map[int64]int) (TemplateWorkplace, time.Time, error) {
	tw := TemplateWorkplace{Name: w.Name, Municipality: w.Municipality, ServiceKind: w.ServiceKind, FTEs: w.FTEs,
		Gatherings: []TemplateGathering{}, Workshops: []TemplateWorkshop{}, IPEQuestions: []TemplateIPE{}}
	gs, err := src.FindGatherings(ctx, w.ID)
	if err != nil {
		return tw, time.Time{}, err
	}
	var first time.Time
	gPos := map[int64]int{}
	for i, g := range gs {
		gPos[g.ID] = i + 1
		if i == 0 {
			first = g.Start()
		}
		tw.Gatherings = append(tw.Gatherings, exportGathering(g))
	}
	if tw.Workshops, err = exportWorkshops(ctx, src, w.ID, gPos, textPos); err != nil {
		return tw, first, err
	}
	tw.IPEQuestions, err = exportIPE(ctx, src, w.ID, gPos)
	return tw, first, err
}

func exportGathering(g *Gathering) TemplateGathering {
	tg := TemplateGathering{Kind: g.Kind, Title: g.Title, Place: g.Place, Days: []TemplateSpan{}, Agenda: []TemplateAgenda{}}
	for _, d := range g.Days {
		tg.Days = append(tg.Days, TemplateSpan{Start: templateTime(d.Start), End: templateTime(d.End)})
	}
	for _, a := range g.Agenda {
		tg.Agenda = append(tg.Agenda, TemplateAgenda{Start: templateTime(a.Start), End: templateTime(a.End), Title: a.Title})
	}
	return tg
}

// exportWorkshops lists a workplace's reading workshops oldest first, each group by its text.
func exportWorkshops(ctx context.Context, src TemplateSource, workplaceID int64, gPos, textPos map[int64]int) ([]TemplateWorkshop, error) {
	list, err := src.FindWorkshops(ctx, WorkshopFilter{WorkplaceID: workplaceID})
	if err != nil {
		return nil, err
	}
	slices.Reverse(list)
	out := []TemplateWorkshop{}
	for _, ws := range list {
		groups, err := src.FindReadingGroups(ctx, ws.ID)
		if err != nil {
			return nil, err
		}
		tw := TemplateWorkshop{Title: ws.Title, Grouping: ws.Grouping, Gathering: gPos[ws.GatheringID], Texts: []int{}}
		for _, g := range groups {
			tw.Texts = append(tw.Texts, textPos[g.TextID])
		}
		out = append(out, tw)
	}
	return out, nil
}

// exportIPE lists a workplace's IPE questions oldest first. An evaluation of an innovation is
// left out: it belongs to that innovation.
func exportIPE(ctx context.Context, src TemplateSource, workplaceID int64, gPos map[int64]int) ([]TemplateIPE, error) {
	list, err := src.FindIPESessions(ctx, workplaceID)
	if err != nil {
		return nil, err
	}
	slices.Reverse(list)
	out := []TemplateIPE{}
	for _, s := range list {
		if s.Kind == IPEKindEvaluateIdea {
			continue
		}
		groups, err := src.FindIPEGroups(ctx, s.ID)
		if err != nil {
			return nil, err
		}
		q := TemplateIPE{Kind: s.Kind, Question: s.Question, Grouping: s.Grouping, K: s.K,
			VoteBudget: s.VoteBudget, PhaseMinutes: s.PhaseMinutes, Gathering: gPos[s.GatheringID], Groups: []string{}}
		for _, g := range groups {
			q.Groups = append(q.Groups, g.Name)
		}
		out = append(out, q)
	}
	return out, nil
}

func exportHandbook(ctx context.Context, src TemplateSource, programmeID int64, withText bool) (*TemplateHandbook, error) {
	h, err := src.FindProgrammeHandbook(ctx, programmeID)
	if ErrorCode(err) == ENOTFOUND {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	chs, err := src.FindChapters(ctx, h.ID)
	if err != nil {
		return nil, err
	}
	byLang := map[string]map[int64]*HandbookTranslation{}
	for _, lang := range HandbookLanguages {
		if byLang[lang], err = src.FindTranslations(ctx, h.ID, lang); err != nil {
			return nil, err
		}
	}
	th := &TemplateHandbook{Title: h.Title, Chapters: []TemplateChapter{}}
	for _, c := range chs {
		tc := TemplateChapter{Title: c.Title, Outline: Outline(c.Body)}
		if withText {
			tc.Body = templateText(c.Body)
		}
		for _, lang := range HandbookLanguages {
			if t := byLang[lang][c.ID]; t != nil {
				tt := TemplateTranslation{Language: lang, Title: t.Title, Outline: Outline(t.Body)}
				if withText {
					tt.Body = templateText(t.Body)
				}
				tc.Translations = append(tc.Translations, tt)
			}
		}
		th.Chapters = append(th.Chapters, tc)
	}
	return th, nil
}

// templateText is a chapter's text as a template carries it: without embeds, which name this
// institution's records, and with each image, which stays with its handbook, as its alt text
// in brackets.
func templateText(body string) string {
	return handbookImage.ReplaceAllString(withoutEmbeds(body), "[$1]")
}

// handbookImage matches a handbook image's Markdown, ![alt](image:ID).
var handbookImage = regexp.MustCompile(`!\[([^\]\n]*)\]\(image:[0-9]+\)`)

// Outline returns the headings of a chapter's Markdown, without their marks.
func Outline(body string) []string {
	out := []string{}
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(line)
		if h := strings.TrimLeft(line, "#"); h != line && strings.HasPrefix(h, " ") && strings.TrimSpace(h) != "" {
			out = append(out, strings.TrimSpace(h))
		}
	}
	return out
}

// withoutEmbeds drops the lines that embed this institution's records.
func withoutEmbeds(body string) string {
	embeds, err := ParseEmbeds(body)
	if err != nil || len(embeds) == 0 {
		return body
	}
	lines := strings.Split(body, "\n")
	for i := len(embeds) - 1; i >= 0; i-- {
		n := embeds[i].Line - 1
		lines = slices.Delete(lines, n, n+1)
	}
	return strings.Join(lines, "\n")
}

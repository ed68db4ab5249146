package laeringsliv_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"laeringsliv"
)

// validTemplate returns a small template document that parses, as a map a test may break.
func validTemplate(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(smallTemplate), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

const smallTemplate = `{
  "format": "laeringsliv-programme-template", "version": 1, "title": "Heltidskultur",
  "level": "bachelor", "ects": 15, "start_year": 2027, "end_year": 2027, "starts_on": "2027-01-12",
  "workplaces": [{"name": "Sykehjemmet", "municipality": "Kommunen", "service_kind": "nursing_home", "ftes": 20,
    "gatherings": [{"kind": "start_up", "title": "Oppstart", "place": "Her",
      "days": [{"start": "2027-01-12T09:00:00+01:00", "end": "2027-01-12T15:00:00+01:00"}],
      "agenda": [{"start": "2027-01-12T09:00:00+01:00", "title": "Velkommen"}]}],
    "reading_workshops": [{"title": "Leseverksted", "grouping": "random", "gathering": 1, "group_texts": [1]}],
    "ipe_questions": [{"kind": "capture", "question": "Hva fungerer?", "grouping": "random", "k": 3,
      "vote_budget": 3, "phase_minutes": 0, "gathering": 1, "groups": ["Gruppe 1"]}]}],
  "requirements": [{"code": "AK1", "title": "Logg", "description": "", "mode": "individual",
    "due_at": "2027-02-01T12:00:00+01:00", "file_kinds": [], "max_bytes": 0, "assessors": 1}],
  "syllabus": [{"title": "Tekst", "authors": "Forfatter", "year": 2020, "language": "no", "pages": 10}],
  "handbook": {"title": "Håndbok", "chapters": [{"title": "Innledning", "outline": ["Hvorfor"]}]}
}`

func TestParseTemplate(t *testing.T) {
	set := func(path string, v any) func(map[string]any) {
		return func(m map[string]any) { setPath(m, path, v) }
	}
	tests := []struct {
		name      string
		change    func(map[string]any)
		raw       string // used instead of the changed template when set
		key, path string
	}{
		{name: "valid", change: func(map[string]any) {}},
		{name: "broken JSON", raw: `{"format": "laeringsliv-programme-template", "version": 1,`, key: "cohort.error.json"},
		{name: "two documents", raw: smallTemplate + smallTemplate, key: "cohort.error.json"},
		{name: "too large", raw: `"` + strings.Repeat("x", laeringsliv.MaxTemplateBytes) + `"`, key: "cohort.error.too_large"},
		{name: "not a template", change: set("format", "something-else"), key: "cohort.error.format", path: "format"},
		{name: "wrong version", change: set("version", 2), key: "cohort.error.version", path: "version"},
		{name: "no version", change: func(m map[string]any) { delete(m, "version") }, key: "cohort.error.missing", path: "version"},
		{name: "no title", change: set("title", ""), key: "cohort.error.missing", path: "title"},
		{name: "wrong type", change: set("ects", "femten"), key: "cohort.error.type", path: "ects"},
		{name: "unknown field", change: set("colour", "blue"), key: "cohort.error.unknown_field", path: "colour"},
		{name: "bad level", change: set("level", "phd"), key: "error.level_invalid", path: "level"},
		{name: "no start", change: set("starts_on", ""), key: "cohort.error.missing", path: "starts_on"},
		{name: "start not a date", change: set("starts_on", "12.01.2027"), key: "cohort.error.date", path: "starts_on"},
		{name: "start out of range", change: set("starts_on", "1899-01-01"), key: "cohort.error.date_range", path: "starts_on"},
		{name: "workplace without name", change: set("workplaces.0.name", ""), key: "error.name_required", path: "workplaces[0].name"},
		{name: "gathering without days", change: set("workplaces.0.gatherings.0.days", []any{}), key: "cohort.error.missing", path: "workplaces[0].gatherings[0].days"},
		{name: "day ends before it starts", change: set("workplaces.0.gatherings.0.days.0.end", "2027-01-12T08:00:00+01:00"),
			key: "cohort.error.date_range", path: "workplaces[0].gatherings[0].days[0].end"},
		{name: "day in 2200", change: set("workplaces.0.gatherings.0.days.0.start", "2200-01-12T09:00:00+01:00"),
			key: "cohort.error.date_range", path: "workplaces[0].gatherings[0].days[0].start"},
		{name: "day not a time", change: set("workplaces.0.gatherings.0.days.0.start", "tirsdag"),
			key: "cohort.error.date", path: "workplaces[0].gatherings[0].days[0].start"},
		{name: "gathering of unknown kind", change: set("workplaces.0.gatherings.0.kind", "party"),
			key: "gathering.error.kind_invalid", path: "workplaces[0].gatherings[0].kind"},
		{name: "workshop at a missing gathering", change: set("workplaces.0.reading_workshops.0.gathering", 2),
			key: "cohort.error.reference", path: "workplaces[0].reading_workshops[0].gathering"},
		{name: "workshop with a missing text", change: set("workplaces.0.reading_workshops.0.group_texts", []any{2}),
			key: "cohort.error.reference", path: "workplaces[0].reading_workshops[0].group_texts[0]"},
		{name: "IPE question empty", change: set("workplaces.0.ipe_questions.0.question", " "),
			key: "ipe.error.question_required", path: "workplaces[0].ipe_questions[0].question"},
		{name: "IPE evaluating an innovation", change: set("workplaces.0.ipe_questions.0.kind", "evaluate_idea"),
			key: "ipe.error.kind_invalid", path: "workplaces[0].ipe_questions[0].kind"},
		{name: "IPE without groups", change: set("workplaces.0.ipe_questions.0.groups", []any{}),
			key: "cohort.error.missing", path: "workplaces[0].ipe_questions[0].groups"},
		{name: "requirement without code", change: set("requirements.0.code", ""), key: "requirement.error.code_required", path: "requirements[0].code"},
		{name: "requirement code twice", change: func(m map[string]any) {
			reqs := m["requirements"].([]any)
			m["requirements"] = append(reqs, reqs[0])
		}, key: "requirement.error.code_taken", path: "requirements[1].code"},
		{name: "requirement due twice", change: set("requirements.0.due_gathering", "start_up"), key: "requirement.error.due_one_of", path: "requirements[0].due"},
		{name: "requirement due out of range", change: set("requirements.0.due_at", "1990-02-01T12:00:00+01:00"),
			key: "cohort.error.date_range", path: "requirements[0].due_at"},
		{name: "text of year 1500", change: set("syllabus.0.year", 1500), key: "error.year_invalid", path: "syllabus[0].year"},
		{name: "text with a script link", change: set("syllabus.0.url", "javascript:alert(1)"), key: "reading.error.url_invalid", path: "syllabus[0].url"},
		{name: "chapter without title", change: set("handbook.chapters.0.title", ""), key: "error.title_required", path: "handbook.chapters[0].title"},
		{name: "chapter with a broken embed", change: set("handbook.chapters.0.body", "{{innovation x}}"),
			key: "error.handbook_embed_invalid", path: "handbook.chapters[0].body"},
		{name: "chapter in nn and en", change: set("handbook.chapters.0.translations", []any{
			map[string]any{"language": "nn", "title": "Innleiing", "outline": []any{"Kvifor"}},
			map[string]any{"language": "en", "title": "Introduction", "outline": []any{}, "body": "## Why\n"}})},
		{name: "translation in an unknown language", change: set("handbook.chapters.0.translations", []any{
			map[string]any{"language": "sv", "title": "Inledning", "outline": []any{}}}),
			key: "error.handbook_language", path: "handbook.chapters[0].translations[0].language"},
		{name: "translation without title", change: set("handbook.chapters.0.translations", []any{
			map[string]any{"language": "nn", "title": " ", "outline": []any{}}}),
			key: "error.title_required", path: "handbook.chapters[0].translations[0].title"},
		{name: "a language twice", change: set("handbook.chapters.0.translations", []any{
			map[string]any{"language": "nn", "title": "A", "outline": []any{}}, map[string]any{"language": "nn", "title": "B", "outline": []any{}}}),
			key: "cohort.error.language_twice", path: "handbook.chapters[0].translations[1].language"},
		{name: "translation with a broken embed", change: set("handbook.chapters.0.translations", []any{
			map[string]any{"language": "en", "title": "A", "outline": []any{}, "body": "{{ipe x}}"}}),
			key: "error.handbook_embed_invalid", path: "handbook.chapters[0].translations[0].body"},
		{name: "translation with an unknown field", change: set("handbook.chapters.0.translations", []any{
			map[string]any{"language": "en", "title": "A", "outline": []any{}, "colour": "blue"}}),
			key: "cohort.error.unknown_field", path: "colour"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.raw)
			if tt.raw == "" {
				m := validTemplate(t)
				tt.change(m)
				data, _ = json.Marshal(m)
			}
			tpl, err := laeringsliv.ParseTemplate(data)
			if tt.key == "" {
				if err != nil || tpl.Title != "Heltidskultur" {
					t.Fatalf("ParseTemplate = %v, %v", tpl, err)
				}
				return
			}
			var e *laeringsliv.Error
			if !errors.As(err, &e) || e.Code != laeringsliv.EINVALID || e.Key != tt.key || e.Field != tt.path {
				t.Fatalf("ParseTemplate error = %v, want %s at %q", err, tt.key, tt.path)
			}
		})
	}
}

// setPath sets a value in decoded JSON at a dotted path whose numbers index arrays.
func setPath(m map[string]any, path string, v any) {
	var cur any = m
	parts := strings.Split(path, ".")
	for i, p := range parts {
		last := i == len(parts)-1
		switch c := cur.(type) {
		case map[string]any:
			if last {
				c[p] = v
				return
			}
			cur = c[p]
		case []any:
			n := 0
			for _, r := range p {
				n = n*10 + int(r-'0')
			}
			if last {
				c[n] = v
				return
			}
			cur = c[n]
		}
	}
}

func FuzzParseTemplate(f *testing.F) {
	f.Add([]byte(smallTemplate))
	f.Add([]byte(`{"format": "laeringsliv-programme-template", "version": 1}`))
	f.Add([]byte(`[]`))
	list, err := laeringsliv.BuiltinTemplates()
	if err != nil {
		f.Fatal(err)
	}
	for _, b := range list {
		data, _ := json.Marshal(b.Template)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tpl, err := laeringsliv.ParseTemplate(data)
		if err != nil {
			if laeringsliv.ErrorCode(err) != laeringsliv.EINVALID {
				t.Fatalf("error of code %s: %v", laeringsliv.ErrorCode(err), err)
			}
			return
		}
		// What parses makes a cohort, and writes back to a document that parses the same.
		if _, err := tpl.Cohort(1, laeringsliv.CohortOptions{Parts: laeringsliv.AllCohortParts()}); err != nil {
			t.Fatalf("parsed template makes no cohort: %v", err)
		}
		again, err := json.Marshal(tpl)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := laeringsliv.ParseTemplate(again); err != nil {
			t.Fatalf("a parsed template written back does not parse: %v", err)
		}
	})
}

func TestBuiltinTemplates(t *testing.T) {
	list, err := laeringsliv.BuiltinTemplates()
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]bool{}
	for _, b := range list {
		titles[b.Template.Title] = true
		c, err := b.Template.Cohort(1, laeringsliv.CohortOptions{Parts: laeringsliv.AllCohortParts()})
		if err != nil {
			t.Fatalf("%s: %v", b.Slug, err)
		}
		if len(c.Workplaces) == 0 || len(c.Workplaces[0].Gatherings) < 3 || len(c.Requirements) < 3 ||
			len(c.Syllabus) == 0 || len(c.Workplaces[0].Workshops) == 0 || len(c.Workplaces[0].Sessions) == 0 || len(c.Chapters) == 0 {
			t.Errorf("%s lacks a part: %+v", b.Slug, c)
		}
	}
	for _, want := range []string{"Heltidskultur", "Beredskap og smittevern"} {
		if !titles[want] {
			t.Errorf("no built-in template %q among %v", want, titles)
		}
	}
	if _, err := laeringsliv.FindBuiltinTemplate("heltidskultur"); err != nil {
		t.Error(err)
	}
}

package laeringsliv

// A programme template (gjenbruk av opplegg) is what a new cohort starts from: the plan of a
// programme without its people. It holds the workplaces' frames (name, municipality, kind of
// service), their gatherings, the work requirements, the syllabus, the reading workshops'
// plans, the IPE questions and the handbook's skeleton. It never holds a person, a note, a
// submission, an assessment, an answer or anything else a person wrote about themselves.
// The same document is exported as a file (docs/programme-template.md) and read back.

// TemplateFormat names the document kind; TemplateVersion is the only version read today.
const (
	TemplateFormat  = "laeringsliv-programme-template"
	TemplateVersion = 1
	// MaxTemplateBytes bounds a template file: a long handbook skeleton with its text fits.
	MaxTemplateBytes = 2 << 20
)

// Limits on the number of things a template may hold, so that an import is bounded.
const (
	maxTemplateWorkplaces = 50
	maxTemplateItems      = 200
)

// ProgrammeTemplate is the versioned document. Times are RFC 3339 in Norway's time zone, so a
// shift keeps the wall-clock time across summer time.
type ProgrammeTemplate struct {
	Format       string                `json:"format"`
	Version      int                   `json:"version"`
	Title        string                `json:"title"`
	Level        Level                 `json:"level"`
	ECTS         int                   `json:"ects"`
	StartYear    int                   `json:"start_year"`
	EndYear      int                   `json:"end_year"`
	StartsOn     string                `json:"starts_on"` // YYYY-MM-DD: the first gathering's day
	Workplaces   []TemplateWorkplace   `json:"workplaces"`
	Requirements []TemplateRequirement `json:"requirements"`
	Syllabus     []TemplateText        `json:"syllabus"`
	Handbook     *TemplateHandbook     `json:"handbook,omitempty"`
}

// TemplateWorkplace is a workplace's frame with what is planned there.
type TemplateWorkplace struct {
	Name         string              `json:"name"`
	Municipality string              `json:"municipality"`
	ServiceKind  ServiceKind         `json:"service_kind"`
	FTEs         float64             `json:"ftes"`
	Gatherings   []TemplateGathering `json:"gatherings"`
	Workshops    []TemplateWorkshop  `json:"reading_workshops"`
	IPEQuestions []TemplateIPE       `json:"ipe_questions"`
}

// TemplateGathering is a gathering with its days and agenda.
type TemplateGathering struct {
	Kind   GatheringKind    `json:"kind"`
	Title  string           `json:"title"`
	Place  string           `json:"place"`
	Days   []TemplateSpan   `json:"days"`
	Agenda []TemplateAgenda `json:"agenda"`
}

// TemplateSpan is a time span; End may be empty where the model allows it.
type TemplateSpan struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// TemplateAgenda is one point of an agenda.
type TemplateAgenda struct {
	Start string `json:"start"`
	End   string `json:"end,omitempty"`
	Title string `json:"title"`
}

// TemplateWorkshop is a reading workshop's plan: its groups' texts, never its members.
// Gathering is the gathering's position (from 1) in its workplace's list, 0 for none; Texts
// holds, per group, the position (from 1) of its syllabus text, 0 for none.
type TemplateWorkshop struct {
	Title     string       `json:"title"`
	Grouping  GroupingMode `json:"grouping"`
	Gathering int          `json:"gathering"`
	Texts     []int        `json:"group_texts"`
}

// TemplateIPE is an IPE question with its settings and group names, never its notes.
type TemplateIPE struct {
	Kind         IPEKind     `json:"kind"`
	Question     string      `json:"question"`
	Grouping     IPEGrouping `json:"grouping"`
	K            int         `json:"k"`
	VoteBudget   int         `json:"vote_budget"`
	PhaseMinutes int         `json:"phase_minutes"`
	Gathering    int         `json:"gathering"`
	Groups       []string    `json:"groups"`
}

// TemplateRequirement is a work requirement; exactly one of DueAt and DueGathering is set.
type TemplateRequirement struct {
	Code         string        `json:"code"`
	Title        string        `json:"title"`
	Description  string        `json:"description"`
	Mode         string        `json:"mode"`
	DueAt        string        `json:"due_at,omitempty"`
	DueGathering GatheringKind `json:"due_gathering,omitempty"`
	FileKinds    []FileKind    `json:"file_kinds"`
	MaxBytes     int64         `json:"max_bytes"`
	Assessors    int           `json:"assessors"`
}

// TemplateText is a syllabus text by reference; an uploaded PDF stays with its programme.
type TemplateText struct {
	Title    string   `json:"title"`
	Authors  string   `json:"authors"`
	Year     int      `json:"year"`
	Language Language `json:"language"`
	Pages    int      `json:"pages"`
	URL      string   `json:"url,omitempty"`
	Summary  string   `json:"summary,omitempty"`
}

// TemplateHandbook is the handbook's skeleton: chapter titles and their outlines (the
// headings), with the text only when the exporter chose to include it.
type TemplateHandbook struct {
	Title    string            `json:"title"`
	Chapters []TemplateChapter `json:"chapters"`
}

// TemplateChapter is one chapter of the skeleton, with its versions in other languages.
type TemplateChapter struct {
	Title        string                `json:"title"`
	Outline      []string              `json:"outline"`
	Body         string                `json:"body,omitempty"`
	Translations []TemplateTranslation `json:"translations,omitempty"`
}

// TemplateTranslation is a chapter's version in another language (nb, nn or en): its title
// and outline, and its text when the exporter chose the text.
type TemplateTranslation struct {
	Language string   `json:"language"`
	Title    string   `json:"title"`
	Outline  []string `json:"outline"`
	Body     string   `json:"body,omitempty"`
}

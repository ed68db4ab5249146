package web

import (
	"context"

	"laeringsliv"
)

// HandbookService keeps a programme's handbook, its chapters and their versions.
type HandbookService interface {
	CreateHandbook(ctx context.Context, h *laeringsliv.Handbook) error
	FindProgrammeHandbook(ctx context.Context, programmeID int64) (*laeringsliv.Handbook, error)
	CreateChapter(ctx context.Context, c *laeringsliv.HandbookChapter, authorID int64) error
	FindChapters(ctx context.Context, handbookID int64) ([]*laeringsliv.HandbookChapter, error)
	FindChapter(ctx context.Context, id int64) (*laeringsliv.HandbookChapter, error)
	SaveChapter(ctx context.Context, c *laeringsliv.HandbookChapter, base int, authorID int64) (bool, error)
	FindChapterVersions(ctx context.Context, chapterID int64) ([]*laeringsliv.HandbookVersion, error)
	HandbookFeedback
	FindHandbook(ctx context.Context, id int64) (*laeringsliv.Handbook, error)
	FindPublishedHandbooks(ctx context.Context) ([]*laeringsliv.Handbook, error)
	SetHandbookPublished(ctx context.Context, id int64, published bool) error
	HandbookBook
	HandbookPublishing
}

// HandbookBook keeps what makes the handbook a book: chapters in other languages and images.
type HandbookBook interface {
	SaveTranslation(ctx context.Context, t *laeringsliv.HandbookTranslation, base int) error
	FindTranslations(ctx context.Context, handbookID int64, lang string) (map[int64]*laeringsliv.HandbookTranslation, error)
	FindChapterTranslations(ctx context.Context, chapterID int64) ([]*laeringsliv.HandbookTranslation, error)
	AddHandbookImage(ctx context.Context, img *laeringsliv.HandbookImage) error
	FindHandbookImages(ctx context.Context, handbookID int64) ([]*laeringsliv.HandbookImage, error)
}

// HandbookPublishing keeps the snapshots of frozen embeds and the named authors.
type HandbookPublishing interface {
	PublishHandbook(ctx context.Context, id int64, snaps []laeringsliv.HandbookSnapshot) error
	FindSnapshots(ctx context.Context, handbookID int64) (map[string]laeringsliv.HandbookSnapshot, error)
	SetHandbookAuthor(ctx context.Context, handbookID, personID int64, author bool) error
	FindHandbookAuthors(ctx context.Context, handbookID int64) ([]int64, error)
}

// HandbookFeedback keeps the readers' marks on a draft.
type HandbookFeedback interface {
	SetHandbookFeedback(ctx context.Context, handbookID int64, open bool) error
	AddMark(ctx context.Context, m *laeringsliv.HandbookMark) error
	FindMarks(ctx context.Context, chapterID int64) ([]*laeringsliv.HandbookMark, error)
	ResolveMark(ctx context.Context, chapterID int64, id string) error
	MarkSummaries(ctx context.Context, handbookID int64) ([]laeringsliv.MarkSummary, error)
}

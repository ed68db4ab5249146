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
}

// HandbookFeedback keeps the readers' marks on a draft.
type HandbookFeedback interface {
	SetHandbookFeedback(ctx context.Context, handbookID int64, open bool) error
	AddMark(ctx context.Context, m *laeringsliv.HandbookMark) error
	FindMarks(ctx context.Context, chapterID int64) ([]*laeringsliv.HandbookMark, error)
	ResolveMark(ctx context.Context, chapterID int64, id string) error
	MarkSummaries(ctx context.Context, handbookID int64) ([]laeringsliv.MarkSummary, error)
}

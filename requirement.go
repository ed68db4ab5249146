package laeringsliv

import (
	"slices"
	"strings"
	"time"
)

// FileKind is a kind of file a work requirement may accept. The server decides the kind of an
// upload from its content, never from its name.
type FileKind string

const (
	FileText   FileKind = "text"   // plain text
	FilePDF    FileKind = "pdf"    // PDF document
	FileOffice FileKind = "office" // Word, PowerPoint, Excel (Office Open XML) and OpenDocument
	FileImage  FileKind = "image"  // JPEG, PNG, GIF, WebP
	FileVideo  FileKind = "video"  // MP4, QuickTime (iPhone), WebM
)

// fileKinds lists the kinds in the order forms show them.
var fileKinds = []FileKind{FileText, FilePDF, FileOffice, FileImage, FileVideo}

// AllFileKinds returns the kinds in the order forms show them, as a copy that callers may
// change freely. (FileKinds is the field of a requirement.)
func AllFileKinds() []FileKind { return slices.Clone(fileKinds) }

// Valid reports whether k is a known kind.
func (k FileKind) Valid() bool {
	for _, v := range fileKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Work modes of a requirement.
const (
	ModeIndividual = "individual"
	ModeGroup      = "group"
)

// WorkRequirement (arbeidskrav) is defined per programme by teachers. All of a programme's
// requirements must be approved before a participant may sit the exam.
type WorkRequirement struct {
	ID            int64
	InstitutionID int64
	ProgrammeID   int64
	Code          string // short name such as "AK1"
	Title         string
	Description   string
	Mode          string        // ModeIndividual or ModeGroup
	DueAt         time.Time     // zero when due at a gathering instead
	DueGathering  GatheringKind // empty when due at a date
	FileKinds     []FileKind    // empty: text only, written in the browser
	MaxBytes      int64         // size limit of one file
	Assessors     int           // teachers who must agree: 1, or 2 for joint assessment
	Position      int           // order within the programme
	CreatedAt     time.Time
}

// MaxUploadBytes is the largest size limit a requirement may set: a long phone video.
const MaxUploadBytes = 4 << 30

// Validate checks the fields a teacher can set.
func (r *WorkRequirement) Validate() error {
	switch {
	case r.ProgrammeID == 0:
		return FieldError("programme_id", "error.programme_required")
	case strings.TrimSpace(r.Code) == "" || len(r.Code) > 20:
		return FieldError("code", "requirement.error.code_required")
	case strings.TrimSpace(r.Title) == "" || len(r.Title) > 200:
		return FieldError("title", "error.title_required")
	case len(r.Description) > 20000:
		return FieldError("description", "requirement.error.description_too_long")
	case r.Mode != ModeIndividual && r.Mode != ModeGroup:
		return FieldError("mode", "requirement.error.mode_invalid")
	case r.DueAt.IsZero() == (r.DueGathering == ""):
		return FieldError("due", "requirement.error.due_one_of")
	case r.DueGathering != "" && !r.DueGathering.Valid():
		return FieldError("due", "gathering.error.kind_invalid")
	case r.MaxBytes < 0 || r.MaxBytes > MaxUploadBytes || (len(r.FileKinds) > 0 && r.MaxBytes == 0):
		return FieldError("max_bytes", "requirement.error.size_invalid")
	case r.Assessors != 1 && r.Assessors != 2:
		return FieldError("assessors", "requirement.error.assessors_invalid")
	}
	for _, k := range r.FileKinds {
		if !k.Valid() {
			return FieldError("file_kinds", "requirement.error.file_kind_invalid")
		}
	}
	return nil
}

// Allows reports whether the requirement accepts files of kind k.
func (r *WorkRequirement) Allows(k FileKind) bool {
	for _, v := range r.FileKinds {
		if v == k {
			return true
		}
	}
	return false
}

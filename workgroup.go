package laeringsliv

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// Innovation work groups (arbeidsgrupper): the innovation work is organised along the rota, so
// that people who are on shift together develop the work together. A workplace keeps a standing
// set of groups, formed anew as a whole (typically by shared shifts) rather than ad hoc.

// WorkGroup is one of a workplace's innovation work groups.
type WorkGroup struct {
	ID            int64
	InstitutionID int64
	WorkplaceID   int64
	Number        int    // 1, 2, … in the order the set was formed
	Name          string // "Arbeidsgruppe 1", or a name the organiser gave
	// InnovationID is the innovation of the workplace the group works on; 0 when it works on
	// the shared project as a whole.
	InnovationID int64
	Members      []int64 // person IDs, ordered by ID
	CreatedBy    int64
	CreatedAt    time.Time
}

// maxWorkGroupName bounds a group's name, in characters.
const maxWorkGroupName = 100

// Validate checks the fields an organiser sets.
func (g *WorkGroup) Validate() error {
	switch {
	case strings.TrimSpace(g.Name) == "" || utf8.RuneCountInString(g.Name) > maxWorkGroupName:
		return FieldError("name", "workgroups.error.name")
	case len(g.Members) == 0:
		return FieldError("members", "workgroups.error.empty")
	}
	return nil
}

// ValidateWorkGroups checks a whole set: each group valid, nobody in two groups.
func ValidateWorkGroups(groups []*WorkGroup) error {
	seen := map[int64]bool{}
	for _, g := range groups {
		if err := g.Validate(); err != nil {
			return err
		}
		for _, id := range g.Members {
			if seen[id] {
				return FieldError("members", "workgroups.error.twice")
			}
			seen[id] = true
		}
	}
	return nil
}

// WorkGroupService keeps the workplaces' work groups.
type WorkGroupService interface {
	// FindWorkGroups returns the workplace's groups in number order, with their members.
	FindWorkGroups(ctx context.Context, workplaceID int64) ([]*WorkGroup, error)
	// ReplaceWorkGroups replaces the workplace's whole set with groups, as one unit: every
	// member must belong to the workplace and a linked innovation must be the workplace's.
	ReplaceWorkGroups(ctx context.Context, workplaceID int64, groups []*WorkGroup) error
	// UpdateWorkGroup renames a group of the workplace and links it to one of its innovations
	// (or none).
	UpdateWorkGroup(ctx context.Context, workplaceID, id int64, name string, innovationID int64) error
}

package laeringsliv

import (
	"context"
	"time"
)

// Colleague wishes: a participant or contributor says, privately, that they would like to be
// in the same group as a named colleague of their workplace, or in a different one. Groups
// formed by shared shifts (IPE, reading and innovation work groups) keep them where the sizes
// allow. Nobody but the person who made a wish sees it; organisers see only how many of the
// wishes a proposal keeps.

// MaxColleagueWishes is how many wishes of each kind (with, apart) a person may keep at a
// workplace: a handful, so that the wishes say who matters rather than rank everybody.
const MaxColleagueWishes = 3

// ColleagueWish is one person's wish about one colleague at a workplace.
type ColleagueWish struct {
	ID            int64
	InstitutionID int64
	WorkplaceID   int64
	PersonID      int64 // who wished, the only one who sees the wish
	OtherID       int64 // the colleague named
	Together      bool  // with the colleague; false: apart
	CreatedAt     time.Time
}

// Validate checks what the person chose.
func (w *ColleagueWish) Validate() error {
	switch {
	case w.OtherID == 0:
		return FieldError("other", "wishes.error.other")
	case w.OtherID == w.PersonID:
		return FieldError("other", "wishes.error.self")
	}
	return nil
}

// Resource is the wish as the policy sees it: its workplace, owned by the person who wished.
func (w *ColleagueWish) Resource(wp *Workplace) Resource {
	res := WorkplaceResource(wp)
	res.OwnerID = w.PersonID
	return res
}

// GroupWish is the wish as group formation uses it, without who made it known to anyone.
func (w *ColleagueWish) GroupWish() GroupWish {
	return GroupWish{PersonID: w.PersonID, OtherID: w.OtherID, Together: w.Together}
}

// ColleagueWishService keeps colleague wishes.
type ColleagueWishService interface {
	// AddColleagueWish stores w, refusing (EINVALID, field "other") a colleague who is not a
	// participant or contributor of the workplace, oneself, a wish already made about the
	// colleague, or more than MaxColleagueWishes of its kind.
	AddColleagueWish(ctx context.Context, w *ColleagueWish) error
	// DeleteColleagueWish removes the person's own wish id at the workplace, or answers ENOTFOUND.
	DeleteColleagueWish(ctx context.Context, personID, workplaceID, id int64) error
	// FindColleagueWishes returns a person's wishes at a workplace, oldest first.
	FindColleagueWishes(ctx context.Context, personID, workplaceID int64) ([]*ColleagueWish, error)
	// WorkplaceColleagueWishes returns the wishes at a workplace of the people given, leaving
	// out those about a colleague who no longer belongs to the workplace. For group formation
	// only: its result is never shown or logged.
	WorkplaceColleagueWishes(ctx context.Context, workplaceID int64, people []int64) ([]GroupWish, error)
}

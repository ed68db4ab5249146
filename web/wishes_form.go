package web

import (
	"net/url"
	"strconv"

	"laeringsliv"
)

// wishForm is a colleague wish as chosen, kept when refused.
type wishForm struct {
	Other string // the colleague's person ID as posted
	Kind  string // wishWith or wishApart
}

// Kinds of wish, as the form posts them.
const (
	wishWith  = "with"
	wishApart = "apart"
)

// parseWishForm reads a wish: a colleague among those who may be named, and with or apart.
// self is the person wishing, who may not name themselves. Each refused field gets its own
// message; the choice comes back in the form.
func parseWishForm(v url.Values, colleagues map[int64]bool, self int64) (wishForm, *laeringsliv.ColleagueWish, []FieldErr) {
	f := wishForm{Other: short(v.Get("other")), Kind: short(v.Get("kind"))}
	var errs []FieldErr
	other, err := strconv.ParseInt(f.Other, 10, 64)
	switch {
	case err == nil && other == self && self != 0:
		errs = append(errs, FieldErr{Field: "other", Key: "wishes.error.self"})
	case err != nil || !colleagues[other]:
		errs = append(errs, FieldErr{Field: "other", Key: "wishes.error.other"})
	}
	if f.Kind != wishWith && f.Kind != wishApart {
		errs = append(errs, FieldErr{Field: "kind", Key: "wishes.error.kind"})
	}
	if len(errs) > 0 {
		return f, nil, errs
	}
	return f, &laeringsliv.ColleagueWish{PersonID: self, OtherID: other, Together: f.Kind == wishWith}, nil
}

// wishRoom refuses a wish the person already made about the colleague, or one more of a
// kind that is full, before the store is asked.
func wishRoom(w *laeringsliv.ColleagueWish, existing []*laeringsliv.ColleagueWish) []FieldErr {
	kind := 0
	for _, x := range existing {
		if x.OtherID == w.OtherID {
			return []FieldErr{{Field: "other", Key: "wishes.error.duplicate"}}
		}
		if x.Together == w.Together {
			kind++
		}
	}
	if kind >= laeringsliv.MaxColleagueWishes {
		return []FieldErr{{Field: "kind", Key: "wishes.error.too_many"}}
	}
	return nil
}

package web

import (
	"net/url"
	"strconv"
	"strings"

	"laeringsliv"
)

// The form of a proposal of groups by shared shifts: each person's group number
// ("member-<person id>", 1 to "shift-groups"), up to wishRows wishes, each naming a person, a
// kind (together or apart) and a colleague, and the step asked for. These names are the
// proposal's own; every other field is the organiser's create form, carried through.

// isProposalField reports whether a posted field belongs to the proposal.
func isProposalField(name string) bool {
	return name == "step" || name == "shift-groups" || strings.HasPrefix(name, "member-") || strings.HasPrefix(name, "wish-")
}

// wishRows is how many wishes the proposal's form offers.
const wishRows = 4

// wishRow is one row of the wishes form, as typed.
type wishRow struct {
	Index         int
	Label         string // "Wish 1", filled by the page
	Person, Other string // person IDs as posted, kept when refused
	Kind          string // "together" or "apart"
}

// parseGroupWishes reads the wish rows; people are those who may be named. Empty rows are
// skipped. A refused row is kept as typed, with an error on its field.
func parseGroupWishes(v url.Values, people map[int64]bool) ([]laeringsliv.GroupWish, []wishRow, []FieldErr) {
	var wishes []laeringsliv.GroupWish
	rows := make([]wishRow, wishRows)
	var errs []FieldErr
	for i := range wishRows {
		n := strconv.Itoa(i)
		row := wishRow{Index: i, Person: short(v.Get("wish-person-" + n)), Other: short(v.Get("wish-other-" + n)),
			Kind: short(v.Get("wish-kind-" + n))}
		if row.Kind == "" {
			row.Kind = "together"
		}
		rows[i] = row
		if (row.Person == "" || row.Person == "0") && (row.Other == "" || row.Other == "0") {
			continue
		}
		a, errA := strconv.ParseInt(row.Person, 10, 64)
		b, errB := strconv.ParseInt(row.Other, 10, 64)
		switch {
		case errA != nil || !people[a]:
			errs = append(errs, FieldErr{Field: "wish-person-" + n, Key: "rota_groups.error.wish_person"})
		case errB != nil || !people[b]:
			errs = append(errs, FieldErr{Field: "wish-other-" + n, Key: "rota_groups.error.wish_person"})
		case a == b:
			errs = append(errs, FieldErr{Field: "wish-other-" + n, Key: "rota_groups.error.wish_self"})
		case row.Kind != "together" && row.Kind != "apart":
			errs = append(errs, FieldErr{Field: "wish-kind-" + n, Key: "rota_groups.error.wish_kind"})
		default:
			wishes = append(wishes, laeringsliv.GroupWish{PersonID: a, OtherID: b, Together: row.Kind == "together"})
		}
	}
	return wishes, rows, errs
}

// maxGroups bounds the posted number of groups; a workplace has fewer than this many people.
const maxGroups = 500

// parseGroupAssignment reads each person's group number and returns the groups in number
// order, empty ones left out (a hand move may empty a group). Every person must be placed.
func parseGroupAssignment(v url.Values, people []int64) ([][]int64, []FieldErr) {
	k, err := strconv.Atoi(short(v.Get("shift-groups")))
	if err != nil || k < 1 || k > maxGroups {
		return nil, []FieldErr{{Field: "shift-groups", Key: "rota_groups.error.assignment"}}
	}
	groups := make([][]int64, k)
	var errs []FieldErr
	for _, id := range people {
		field := "member-" + itoa(id)
		g, err := strconv.Atoi(short(v.Get(field)))
		if err != nil || g < 1 || g > k {
			errs = append(errs, FieldErr{Field: field, Key: "rota_groups.error.member_group"})
			continue
		}
		groups[g-1] = append(groups[g-1], id)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g) > 0 {
			out = append(out, g)
		}
	}
	return out, nil
}

// short trims a posted value and cuts it to a length no valid value exceeds.
func short(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 20 {
		s = s[:20]
	}
	return s
}

package laeringsliv

import "strings"

// digitRun is a number as written: groups of digits, each pair split by a short separator of
// spaces, dashes, slashes, dots or brackets ("987 65 432", "130972-48022", "12.03.2024"),
// perhaps with a leading plus. seps[i] is the separator before groups[i+1].
type digitRun struct {
	groups []string
	seps   []string
	plus   bool
}

// maxSeparator is the longest separator that still joins two groups of one number (" - ").
const maxSeparator = 3

func isNumberSeparator(r rune) bool {
	switch r {
	case ' ', '-', '/', '.', '(', ')', '[', ']', '‐', '‑', '‒', '–', '—', '−':
		return true
	}
	return false
}

// digitRuns splits normalised text (ASCII digits only) into runs.
func digitRuns(text string) []digitRun {
	var runs []digitRun
	rs := []rune(text)
	for i := 0; i < len(rs); {
		if !isRuneDigit(rs[i]) {
			i++
			continue
		}
		run := digitRun{plus: i > 0 && rs[i-1] == '+'}
		for {
			j := i
			for j < len(rs) && isRuneDigit(rs[j]) {
				j++
			}
			run.groups = append(run.groups, string(rs[i:j]))
			k := j
			for k < len(rs) && k-j < maxSeparator && isNumberSeparator(rs[k]) {
				k++
			}
			if k == j || k >= len(rs) || !isRuneDigit(rs[k]) {
				i = j
				break
			}
			run.seps = append(run.seps, string(rs[j:k]))
			i = k
		}
		runs = append(runs, run)
	}
	return runs
}

func isRuneDigit(r rune) bool { return r >= '0' && r <= '9' }

// sensitive reports whether some span of the run is an identity number or a phone number.
// A span starts at the run's start or after a separator holding a space, and ends likewise,
// so a span never cuts through "12.03.2024" or "130972-48022".
func (r digitRun) sensitive() (id, phone bool) {
	for i := range r.groups {
		if !r.boundaryBefore(i) {
			continue
		}
		d := ""
		for j := i; j < len(r.groups) && len(d) <= 12; j++ {
			d += r.groups[j]
			if !r.boundaryBefore(j + 1) {
				continue
			}
			span := digitRun{groups: r.groups[i : j+1], seps: r.seps[i:j], plus: i == 0 && r.plus}
			id = id || (len(d) == 11 && ValidNationalID(d) && plausibleBirthDate(d))
			phone = phone || span.isPhone(d)
		}
	}
	return id, phone
}

// boundaryBefore reports whether a span may start at group i (or end before it).
func (r digitRun) boundaryBefore(i int) bool {
	return i == 0 || i == len(r.groups) || strings.ContainsRune(r.seps[i-1], ' ')
}

// isPhone reports whether a span with digits d is a Norwegian phone number: eight digits
// starting with 2–9, or with the country code +47 or 0047 before it.
func (r digitRun) isPhone(d string) bool {
	switch {
	case r.plus && len(d) == 10 && strings.HasPrefix(d, "47"):
		return true
	case len(d) == 12 && strings.HasPrefix(d, "0047"):
		return true
	case len(d) != 8 || d[0] < '2':
		return false
	}
	return !r.isDate() && !r.isTimeRange() && !r.isYearRange() && !r.isThousands()
}

// isDate: day, month, year ("12.03.2024", "12/3-2024") or year, month, day ("2024-03-12").
func (r digitRun) isDate() bool {
	g := r.groups
	if len(g) != 3 {
		return false
	}
	dmy := len(g[0]) <= 2 && len(g[1]) <= 2 && len(g[2]) == 4 && atoi(g[0]) <= 31 && atoi(g[1]) <= 12
	ymd := len(g[0]) == 4 && len(g[1]) <= 2 && len(g[2]) <= 2 && atoi(g[1]) <= 12 && atoi(g[2]) <= 31
	return dmy || ymd
}

// isTimeRange: "14.00-15.30", "08.00 - 16.00".
func (r digitRun) isTimeRange() bool {
	g := r.groups
	if len(g) != 4 || r.seps[0] != "." || r.seps[2] != "." {
		return false
	}
	for i, s := range g {
		limit := 24
		if i%2 == 1 {
			limit = 59
		}
		if len(s) > 2 || atoi(s) > limit {
			return false
		}
	}
	return true
}

// isYearRange: a range of years or of round numbers ("2023-2024", "1990 2020", "2000-3000").
func (r digitRun) isYearRange() bool {
	g := r.groups
	if len(g) != 2 || len(g[0]) != 4 || len(g[1]) != 4 {
		return false
	}
	y0, y1 := atoi(g[0]), atoi(g[1])
	years := y0 >= 1900 && y0 <= 2099 && y1 >= 1900 && y1 <= 2099
	round := y0 < y1 && y0%100 == 0 && y1%100 == 0
	return years || round
}

// isThousands: an amount grouped by thousands ("12 500 000", "12.500.000").
func (r digitRun) isThousands() bool {
	g := r.groups
	if len(g) < 2 || len(g[0]) > 3 {
		return false
	}
	for i, s := range g[1:] {
		if len(s) != 3 || (r.seps[i] != " " && r.seps[i] != ".") {
			return false
		}
	}
	return true
}

package laeringsliv_test

import (
	"testing"
	"time"

	"laeringsliv"
)

func TestShiftForStart(t *testing.T) {
	oslo := laeringsliv.Norway()
	day := func(s string) time.Time {
		d, err := time.ParseInLocation(time.DateOnly, s, oslo)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		from, to string
		want     int
	}{
		{"2016-09-06", "2016-09-06", 0},
		{"2016-09-06", "2027-09-07", 4018}, // a Tuesday to the Tuesday nearest a Tuesday
		{"2016-09-06", "2027-09-11", 4025}, // Saturday: the nearer Tuesday is after it
		{"2016-09-06", "2016-09-05", 0},    // a day back rounds to no move
		{"2016-09-06", "2015-09-01", -371}, // backwards too
		{"2017-03-21", "2027-03-23", 3654}, // across leap years
	}
	for _, tt := range tests {
		got := laeringsliv.ShiftForStart(day(tt.from), day(tt.to))
		if got != tt.want || got%7 != 0 {
			t.Errorf("ShiftForStart(%s, %s) = %d, want %d", tt.from, tt.to, got, tt.want)
		}
		if wd := day(tt.from).AddDate(0, 0, got).Weekday(); wd != day(tt.from).Weekday() {
			t.Errorf("weekday %s after a shift of %d", wd, got)
		}
	}
}

func TestCohortDates(t *testing.T) {
	tpl, err := laeringsliv.ParseTemplate([]byte(smallTemplate)) // gathering Tuesday 12 January 2027 09:00
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		shift int
		want  string // the gathering's first start in Oslo
		due   string // the requirement's deadline in Oslo (was Monday 1 February 12:00)
	}{
		{"unmoved", 0, "2027-01-12 09:00 Tue", "2027-02-01 12:00 Mon"},
		{"a week on", 7, "2027-01-19 09:00 Tue", "2027-02-08 12:00 Mon"},
		{"into summer time keeps nine o'clock", 70, "2027-03-23 09:00 Tue", "2027-04-12 12:00 Mon"},
		{"onto a Saturday moves to the Monday", 4, "2027-01-18 09:00 Mon", "2027-02-05 12:00 Fri"},
		{"onto a Sunday moves to the Monday", 5, "2027-01-18 09:00 Mon", "2027-02-08 12:00 Mon"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tpl.Cohort(1, laeringsliv.CohortOptions{ShiftDays: tt.shift, Parts: laeringsliv.AllCohortParts()})
			if err != nil {
				t.Fatal(err)
			}
			const layout = "2006-01-02 15:04 Mon"
			g := c.Workplaces[0].Gatherings[0]
			if got := g.Start().In(laeringsliv.Norway()).Format(layout); got != tt.want {
				t.Errorf("gathering starts %s, want %s", got, tt.want)
			}
			if got := c.Requirements[0].DueAt.In(laeringsliv.Norway()).Format(layout); got != tt.due {
				t.Errorf("requirement due %s, want %s", got, tt.due)
			}
			if g.Agenda[0].Start != g.Days[0].Start {
				t.Errorf("agenda moved apart from its day: %v, %v", g.Agenda[0].Start, g.Days[0].Start)
			}
		})
	}
	if _, err := tpl.Cohort(1, laeringsliv.CohortOptions{ShiftDays: 365 * 80}); laeringsliv.ErrorKey(err) != "cohort.error.date_range" {
		t.Errorf("a shift past 2100: %v", err)
	}
}

func TestCohortParts(t *testing.T) {
	tpl, err := laeringsliv.ParseTemplate([]byte(smallTemplate))
	if err != nil {
		t.Fatal(err)
	}
	c, err := tpl.Cohort(1, laeringsliv.CohortOptions{Name: "Beredskap", Parts: laeringsliv.CohortParts{Reading: true, IPE: true}})
	if err != nil {
		t.Fatal(err)
	}
	w := c.Workplaces[0]
	switch {
	case c.Programme.Name != "Beredskap":
		t.Errorf("name %q", c.Programme.Name)
	case len(w.Gatherings) != 0 || len(c.Requirements) != 0 || len(c.Syllabus) != 0 || c.Handbook != nil:
		t.Errorf("parts not chosen were taken: %+v", c)
	case w.Workshops[0].Gathering != 0 || w.Workshops[0].Texts[0] != 0 || w.Sessions[0].Gathering != 0:
		t.Errorf("references to parts not taken were kept: %+v %+v", w.Workshops[0], w.Sessions[0])
	}
	c, err = tpl.Cohort(1, laeringsliv.CohortOptions{Parts: laeringsliv.AllCohortParts()})
	if err != nil {
		t.Fatal(err)
	}
	if c.Programme.Name != "Heltidskultur" || c.Chapters[0].Body != "## Hvorfor\n\n" {
		t.Errorf("default name %q, skeleton body %q", c.Programme.Name, c.Chapters[0].Body)
	}
}

package laeringsliv_test

import (
	"testing"
	"time"

	"laeringsliv"
)

func TestOutcome(t *testing.T) {
	t0 := time.Date(2019, 3, 1, 12, 0, 0, 0, time.UTC)
	a := func(who int64, v laeringsliv.Verdict, min int) laeringsliv.Assessment {
		return laeringsliv.Assessment{AssessorID: who, Verdict: v, CreatedAt: t0.Add(time.Duration(min) * time.Minute)}
	}
	yes, no := laeringsliv.VerdictApproved, laeringsliv.VerdictNotApproved
	tests := []struct {
		name     string
		list     []laeringsliv.Assessment
		required int
		want     laeringsliv.SubmissionStatus
	}{
		{"none", nil, 1, laeringsliv.StatusSubmitted},
		{"one approves", []laeringsliv.Assessment{a(1, yes, 0)}, 1, laeringsliv.StatusApproved},
		{"one rejects", []laeringsliv.Assessment{a(1, no, 0)}, 1, laeringsliv.StatusNotApproved},
		{"joint: one of two", []laeringsliv.Assessment{a(1, yes, 0)}, 2, laeringsliv.StatusSubmitted},
		{"joint: both agree", []laeringsliv.Assessment{a(1, yes, 0), a(2, yes, 1)}, 2, laeringsliv.StatusApproved},
		{"joint: disagree", []laeringsliv.Assessment{a(1, yes, 0), a(2, no, 1)}, 2, laeringsliv.StatusSubmitted},
		{"joint: same teacher twice", []laeringsliv.Assessment{a(1, yes, 0), a(1, yes, 1)}, 2, laeringsliv.StatusSubmitted},
		{"joint: changed mind to agree", []laeringsliv.Assessment{a(1, yes, 0), a(2, no, 1), a(2, yes, 2)}, 2, laeringsliv.StatusApproved},
		{"joint: both reject", []laeringsliv.Assessment{a(1, no, 0), a(2, no, 1)}, 2, laeringsliv.StatusNotApproved},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := laeringsliv.Outcome(tt.list, tt.required); got != tt.want {
				t.Errorf("Outcome = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestAssessmentValidate(t *testing.T) {
	ok := laeringsliv.Assessment{SubmissionID: 1, Verdict: laeringsliv.VerdictApproved}
	if err := ok.Validate(); err != nil {
		t.Error(err)
	}
	no := laeringsliv.Assessment{SubmissionID: 1, Verdict: laeringsliv.VerdictNotApproved}
	if laeringsliv.ErrorKey(no.Validate()) != "assessment.error.feedback_required" {
		t.Error("not approved without feedback accepted")
	}
}

func TestRequirementValidate(t *testing.T) {
	base := laeringsliv.WorkRequirement{ProgrammeID: 1, Code: "AK1", Title: "Refleksjonslogg",
		Mode: laeringsliv.ModeIndividual, DueGathering: laeringsliv.GatheringImplementation, Assessors: 2}
	tests := []struct {
		name string
		edit func(r *laeringsliv.WorkRequirement)
		key  string
	}{
		{"ok", func(*laeringsliv.WorkRequirement) {}, ""},
		{"no due", func(r *laeringsliv.WorkRequirement) { r.DueGathering = "" }, "requirement.error.due_one_of"},
		{"both dues", func(r *laeringsliv.WorkRequirement) { r.DueAt = time.Now() }, "requirement.error.due_one_of"},
		{"files without size", func(r *laeringsliv.WorkRequirement) { r.FileKinds = []laeringsliv.FileKind{laeringsliv.FileVideo} }, "requirement.error.size_invalid"},
		{"bad kind", func(r *laeringsliv.WorkRequirement) {
			r.FileKinds, r.MaxBytes = []laeringsliv.FileKind{"exe"}, 1
		}, "requirement.error.file_kind_invalid"},
		{"three assessors", func(r *laeringsliv.WorkRequirement) { r.Assessors = 3 }, "requirement.error.assessors_invalid"},
		{"mode", func(r *laeringsliv.WorkRequirement) { r.Mode = "pair" }, "requirement.error.mode_invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := base
			tt.edit(&r)
			err := r.Validate()
			if (tt.key == "" && err != nil) || (tt.key != "" && laeringsliv.ErrorKey(err) != tt.key) {
				t.Errorf("Validate = %v, want %q", err, tt.key)
			}
		})
	}
}

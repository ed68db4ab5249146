package laeringsliv_test

import (
	"testing"
	"time"

	"laeringsliv"
)

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func emp(from, to string, pct float64) laeringsliv.Employment {
	e := laeringsliv.Employment{From: date(from), PositionPct: pct}
	if to != "" {
		e.To = date(to)
	}
	return e
}

func TestFullTimeDays(t *testing.T) {
	asOf := date("2020-01-01")
	tests := []struct {
		name string
		emps []laeringsliv.Employment
		want float64
	}{
		{"none", nil, 0},
		{"one day", []laeringsliv.Employment{emp("2019-01-01", "2019-01-01", 100)}, 1},
		{"one year full time", []laeringsliv.Employment{emp("2018-01-01", "2018-12-31", 100)}, 365},
		{"one year half time", []laeringsliv.Employment{emp("2018-01-01", "2018-12-31", 50)}, 182.5},
		{"part time 62.5", []laeringsliv.Employment{emp("2018-01-01", "2018-12-31", 62.5)}, 228.125},
		{"overlap capped at 100", []laeringsliv.Employment{emp("2018-01-01", "2018-12-31", 80), emp("2018-07-01", "2018-12-31", 80)},
			181*0.8 + 184},
		{"two part-time jobs add up", []laeringsliv.Employment{emp("2018-01-01", "2018-12-31", 40), emp("2018-01-01", "2018-12-31", 40)}, 292},
		{"same job twice not doubled", []laeringsliv.Employment{emp("2018-01-01", "2018-12-31", 100), emp("2018-01-01", "2018-12-31", 100)}, 365},
		{"ongoing counts to asOf", []laeringsliv.Employment{emp("2019-12-30", "", 100)}, 3},
		{"future does not count", []laeringsliv.Employment{emp("2021-01-01", "2021-12-31", 100)}, 0},
		{"to before from ignored", []laeringsliv.Employment{emp("2019-05-01", "2019-04-01", 100)}, 0},
		{"gap between jobs", []laeringsliv.Employment{emp("2018-01-01", "2018-01-10", 100), emp("2018-02-01", "2018-02-10", 50)}, 15},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := laeringsliv.FullTimeDays(tt.emps, asOf); got != tt.want {
				t.Errorf("FullTimeDays = %v, want %v", got, tt.want)
			}
		})
	}
}

func doc(kind laeringsliv.DocumentKind, from, to string, pct float64, relevant bool) laeringsliv.PriorLearningDocument {
	d := laeringsliv.PriorLearningDocument{Kind: kind, Title: string(kind), PositionPct: pct, Relevant: relevant}
	if from != "" {
		d.From = date(from)
	}
	if to != "" {
		d.To = date(to)
	}
	return d
}

func TestSuggestBachelor(t *testing.T) {
	rules := laeringsliv.DefaultAdmissionRules(1)
	cert := doc(laeringsliv.DocTradeCertificate, "", "", 0, false)
	asOf := date("2020-01-01")
	// 1825 full-time days is exactly five years of 365 days.
	exactly := doc(laeringsliv.DocEmployment, "2015-01-01", "2019-12-30", 100, true) // 1825 days
	tests := []struct {
		name      string
		docs      []laeringsliv.PriorLearningDocument
		want      bool
		wantYears float64
	}{
		{"exactly five years", []laeringsliv.PriorLearningDocument{cert, exactly}, true, 5},
		{"one day short", []laeringsliv.PriorLearningDocument{cert, doc(laeringsliv.DocEmployment, "2015-01-02", "2019-12-30", 100, true)}, false, 4.99},
		{"five calendar years", []laeringsliv.PriorLearningDocument{cert, doc(laeringsliv.DocEmployment, "2015-01-01", "2019-12-31", 100, true)}, true, 5},
		{"no trade certificate", []laeringsliv.PriorLearningDocument{exactly}, false, 5},
		{"ten years at 50 %", []laeringsliv.PriorLearningDocument{cert, doc(laeringsliv.DocEmployment, "2010-01-01", "2019-12-31", 50, true)}, true, 5},
		{"nine years at 50 % is not enough", []laeringsliv.PriorLearningDocument{cert, doc(laeringsliv.DocEmployment, "2011-01-01", "2019-12-31", 50, true)}, false, 4.5},
		{"overlapping jobs not double-counted", []laeringsliv.PriorLearningDocument{cert,
			doc(laeringsliv.DocEmployment, "2016-01-01", "2019-12-31", 100, true),
			doc(laeringsliv.DocEmployment, "2016-01-01", "2019-12-31", 100, true)}, false, 4},
		{"irrelevant work does not count", []laeringsliv.PriorLearningDocument{cert, doc(laeringsliv.DocEmployment, "2010-01-01", "2019-12-31", 100, false)}, false, 0},
		{"two part-time jobs together", []laeringsliv.PriorLearningDocument{cert,
			doc(laeringsliv.DocEmployment, "2015-01-01", "2019-12-31", 60, true),
			doc(laeringsliv.DocEmployment, "2015-01-01", "2019-12-31", 40, true)}, true, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := rules.Suggest(laeringsliv.LevelBachelor, tt.docs, asOf)
			if s.Qualifies != tt.want || s.FullTimeYears != tt.wantYears {
				t.Errorf("Suggest = qualifies %v, %v years; want %v, %v", s.Qualifies, s.FullTimeYears, tt.want, tt.wantYears)
			}
		})
	}
}

func TestSuggestRuleSets(t *testing.T) {
	asOf := date("2020-01-01")
	work := doc(laeringsliv.DocEmployment, "2010-01-01", "2019-12-31", 100, true)
	cert := doc(laeringsliv.DocTradeCertificate, "", "", 0, false)
	noCert := laeringsliv.AdmissionRules{BachelorWorkYears: 3}
	if s := noCert.Suggest(laeringsliv.LevelBachelor, []laeringsliv.PriorLearningDocument{work}, asOf); !s.Qualifies {
		t.Errorf("rules without a trade certificate: %+v", s)
	}
	def := laeringsliv.DefaultAdmissionRules(1)
	if s := def.Suggest(laeringsliv.LevelMaster, []laeringsliv.PriorLearningDocument{cert, work}, asOf); s.Qualifies || !s.Discretionary {
		t.Errorf("default master rule should be discretionary: %+v", s)
	}
	master := laeringsliv.AdmissionRules{BachelorWorkYears: 5, MasterWorkYears: 8, BachelorTradeCertificate: true}
	if s := master.Suggest(laeringsliv.LevelMaster, []laeringsliv.PriorLearningDocument{cert, work}, asOf); !s.Qualifies || s.Discretionary {
		t.Errorf("eight-year master rule: %+v", s)
	}
}

func TestBasisAndEligible(t *testing.T) {
	def := laeringsliv.DefaultAdmissionRules(1)
	open := def
	open.BachelorExamQualifiesMaster = true
	B, M := laeringsliv.LevelBachelor, laeringsliv.LevelMaster
	tests := []struct {
		name     string
		rules    laeringsliv.AdmissionRules
		level    laeringsliv.Level
		standing laeringsliv.Standing
		want     laeringsliv.AdmissionBasis
	}{
		{"nothing", def, B, laeringsliv.Standing{}, laeringsliv.BasisNone},
		{"general study competence", def, B, laeringsliv.Standing{Qualifications: []laeringsliv.QualificationKind{laeringsliv.QualGeneralStudy}}, laeringsliv.BasisGeneralStudy},
		{"general study is not enough for master", def, M, laeringsliv.Standing{Qualifications: []laeringsliv.QualificationKind{laeringsliv.QualGeneralStudy}}, laeringsliv.BasisNone},
		{"degree admits to bachelor", def, B, laeringsliv.Standing{Qualifications: []laeringsliv.QualificationKind{laeringsliv.QualBachelorDegree}}, laeringsliv.BasisBachelorDegree},
		{"degree admits to master", def, M, laeringsliv.Standing{Qualifications: []laeringsliv.QualificationKind{laeringsliv.QualBachelorDegree}}, laeringsliv.BasisBachelorDegree},
		{"prior learning bachelor", def, B, laeringsliv.Standing{PriorLearning: []laeringsliv.Level{B}}, laeringsliv.BasisPriorLearning},
		{"prior learning bachelor not master", def, M, laeringsliv.Standing{PriorLearning: []laeringsliv.Level{B}}, laeringsliv.BasisNone},
		{"prior learning master covers bachelor", def, B, laeringsliv.Standing{PriorLearning: []laeringsliv.Level{M}}, laeringsliv.BasisPriorLearning},
		{"passed bachelor exam, default rules", def, M, laeringsliv.Standing{PassedBachelorExam: true}, laeringsliv.BasisNone},
		{"passed bachelor exam, rule on", open, M, laeringsliv.Standing{PassedBachelorExam: true}, laeringsliv.BasisBachelorExam},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.rules.Basis(tt.level, tt.standing)
			if got != tt.want {
				t.Fatalf("Basis = %q, want %q", got, tt.want)
			}
			if laeringsliv.Eligible(true, got) != (tt.want != laeringsliv.BasisNone) || laeringsliv.Eligible(false, got) {
				t.Errorf("Eligible wrong for basis %q", got)
			}
		})
	}
}

func TestRequirementsApproved(t *testing.T) {
	tests := []struct {
		req      []int64
		approved map[int64]bool
		want     bool
	}{
		{nil, nil, true},
		{[]int64{1, 2, 3}, map[int64]bool{1: true, 2: true, 3: true}, true},
		{[]int64{1, 2, 3}, map[int64]bool{1: true, 3: true}, false},
		{[]int64{1}, map[int64]bool{1: false}, false},
	}
	for i, tt := range tests {
		if got := laeringsliv.RequirementsApproved(tt.req, tt.approved); got != tt.want {
			t.Errorf("%d: got %v", i, got)
		}
	}
}

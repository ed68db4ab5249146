package laeringsliv

import (
	"math"
	"sort"
	"time"
)

// The exam gate. Everything here is a pure function of what is recorded, so that the rules can
// be read, table-tested and shown to an applicant exactly as they were applied.

// AdmissionRules is a programme's rule set for admission on prior learning. The zero value is
// not useful; start from DefaultAdmissionRules.
type AdmissionRules struct {
	ProgrammeID int64
	// BachelorTradeCertificate: a trade certificate is required for bachelor level.
	BachelorTradeCertificate bool
	// BachelorWorkYears of relevant work in full-time equivalents suggest bachelor level.
	BachelorWorkYears float64
	// MasterWorkYears of relevant work, with a trade certificate, suggest master level; zero
	// means the rules suggest nothing and the decision is wholly discretionary.
	MasterWorkYears float64
	// BachelorExamQualifiesMaster: passing this programme's bachelor-level exam admits to the
	// master-level exam.
	BachelorExamQualifiesMaster bool
}

// DefaultAdmissionRules returns the national rule for bachelor level — a trade certificate and
// five years of relevant work — and no rule for master level.
func DefaultAdmissionRules(programmeID int64) AdmissionRules {
	return AdmissionRules{ProgrammeID: programmeID, BachelorTradeCertificate: true, BachelorWorkYears: 5}
}

// Validate checks the fields a programme's administrator can set.
func (r *AdmissionRules) Validate() error {
	if r.BachelorWorkYears < 0 || r.BachelorWorkYears > 40 || r.MasterWorkYears < 0 || r.MasterWorkYears > 40 {
		return FieldError("work_years", "priorlearning.error.work_years_invalid")
	}
	return nil
}

// DaysPerYear is the length of a year of work. With 365, five calendar years of full-time work
// (which always hold at least 1826 days, having a leap day) are always enough.
const DaysPerYear = 365

// Employment is a period of work: From and To are dates (To inclusive; zero means up to the
// date the rules are applied), at a position percentage.
type Employment struct {
	From, To    time.Time
	PositionPct float64
}

// FullTimeDays returns the days of full-time work in the employments as of asOf: part-time
// is converted (50 % for a year counts as half a year), and overlapping employments are
// added up per day but never beyond 100 %, so that two jobs at once are not counted twice.
// Periods after asOf do not count.
func FullTimeDays(emps []Employment, asOf time.Time) float64 {
	end := dayNumber(asOf) + 1
	delta := map[int64]int64{} // change in tenths of a percent at the start of a day
	for _, e := range emps {
		from, to := dayNumber(e.From), end
		if !e.To.IsZero() {
			to = min(dayNumber(e.To)+1, end)
		}
		pct := int64(math.Round(e.PositionPct * 10))
		if to <= from || pct <= 0 {
			continue
		}
		delta[from] += pct
		delta[to] -= pct
	}
	days := make([]int64, 0, len(delta))
	for d := range delta {
		days = append(days, d)
	}
	sort.Slice(days, func(i, j int) bool { return days[i] < days[j] })
	var total, level int64 // total in tenth-percent-days
	for i, d := range days {
		level += delta[d]
		if i+1 < len(days) {
			total += min(level, 1000) * (days[i+1] - d)
		}
	}
	return float64(total) / 1000
}

func dayNumber(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// Suggestion is what a programme's rules say about a prior-learning application.
type Suggestion struct {
	Level            Level
	Qualifies        bool // the rules suggest approval
	Discretionary    bool // the rules have nothing to say at this level
	TradeCertificate bool
	FullTimeYears    float64 // relevant work, rounded down to two decimals
	RequiredYears    float64
}

// Suggest applies the rules to an application's documents as of asOf. Only documents that are
// relevant employment count as work.
func (r AdmissionRules) Suggest(level Level, docs []PriorLearningDocument, asOf time.Time) Suggestion {
	s := Suggestion{Level: level}
	var emps []Employment
	for _, d := range docs {
		switch {
		case d.Kind == DocTradeCertificate:
			s.TradeCertificate = true
		case d.Kind == DocEmployment && d.Relevant:
			emps = append(emps, Employment{From: d.From, To: d.To, PositionPct: d.PositionPct})
		}
	}
	days := FullTimeDays(emps, asOf)
	s.FullTimeYears = math.Floor(days/DaysPerYear*100) / 100
	s.RequiredYears = r.BachelorWorkYears
	if level == LevelMaster {
		s.RequiredYears = r.MasterWorkYears
		if r.MasterWorkYears == 0 {
			s.Discretionary = true
			return s
		}
	}
	// Compare days, not rounded years, so that the boundary is exact.
	enough := days >= s.RequiredYears*DaysPerYear
	s.Qualifies = enough && (s.TradeCertificate || (level == LevelBachelor && !r.BachelorTradeCertificate))
	return s
}

// Standing is what is recorded about one person that bears on admission.
type Standing struct {
	Qualifications     []QualificationKind
	PriorLearning      []Level // levels of approved prior-learning applications
	PassedBachelorExam bool
}

// Basis returns what admits a person with standing s to the exam at level under rules r, or
// BasisNone. Formal competence is preferred over prior learning; an approval on prior
// learning for master level also admits to bachelor level.
func (r AdmissionRules) Basis(level Level, s Standing) AdmissionBasis {
	has := func(k QualificationKind) bool {
		for _, q := range s.Qualifications {
			if q == k {
				return true
			}
		}
		return false
	}
	pl := func(l Level) bool {
		for _, v := range s.PriorLearning {
			if v == l {
				return true
			}
		}
		return false
	}
	switch level {
	case LevelBachelor:
		switch {
		case has(QualGeneralStudy):
			return BasisGeneralStudy
		case has(QualBachelorDegree):
			return BasisBachelorDegree
		case pl(LevelBachelor) || pl(LevelMaster):
			return BasisPriorLearning
		}
	case LevelMaster:
		switch {
		case has(QualBachelorDegree):
			return BasisBachelorDegree
		case pl(LevelMaster):
			return BasisPriorLearning
		case r.BachelorExamQualifiesMaster && s.PassedBachelorExam:
			return BasisBachelorExam
		}
	}
	return BasisNone
}

// RequirementsApproved reports whether every requirement is approved; a programme with no
// requirements has nothing to approve.
func RequirementsApproved(required []int64, approved map[int64]bool) bool {
	for _, id := range required {
		if !approved[id] {
			return false
		}
	}
	return true
}

// Eligible reports whether a participant may sit the exam: every work requirement approved
// and an admission basis for the level.
func Eligible(requirementsApproved bool, basis AdmissionBasis) bool {
	return requirementsApproved && basis != BasisNone
}

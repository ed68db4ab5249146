package web

import (
	"html/template"
	"net/http"
	"strconv"

	"laeringsliv"
	"laeringsliv/report"
)

// Where the hours came from, in sums: a workplace's leaders see its months; the programme's
// Table 2 page sums per workplace and the progress report per year. Single entries are never
// shown here.

// TimeShareSection is a table of hours from working time and own time, with a chart of the
// same figures beside it.
type TimeShareSection struct {
	ID      string // for the chart's and caption's element ids
	Caption string
	Head    string // the first column's heading: month, workplace or year
	Rows    []shareRow
	Total   shareRow
	Chart   template.HTML // rendered by report.SplitChart, which escapes every text
}

type shareRow struct {
	Label      string
	Work, Own  string // hours, formatted
	OwnPercent int
	People     int
}

// TimeSharesPage is a workplace's hours by month.
type TimeSharesPage struct {
	Page
	Workplace *laeringsliv.Workplace
	Shares    *TimeShareSection // nil when nothing is recorded
}

func (s *Server) timeSharesPage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if s.svc.TimeRecords == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	shares, err := s.svc.TimeRecords.TimeShares(r.Context(), laeringsliv.TimeShareFilter{WorkplaceID: st.workplace.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := TimeSharesPage{Page: s.base(w, r, st.tr.T("timerecord.shares_title")), Workplace: st.workplace}
	if len(shares) > 0 {
		groups := make([][]laeringsliv.TimeShare, len(shares))
		labels := make([]string, len(shares))
		for i, sh := range shares {
			groups[i] = []laeringsliv.TimeShare{sh}
			labels[i] = st.tr.T("timerecord.month."+strconv.Itoa(int(sh.Month.Month()))) + " " + strconv.Itoa(sh.Month.Year())
		}
		p.Shares = shareSection(st, "time-months", st.tr.T("timerecord.caption_months"), st.tr.T("timerecord.col.month"), labels, groups)
	}
	s.render(w, r, http.StatusOK, "timerecord_shares", p)
}

// shareSection builds a section with one row per group of shares, labelled in order. People
// counts add up across months, so a row's People is the largest monthly count in it.
func shareSection(st *reqState, id, caption, head string, labels []string, groups [][]laeringsliv.TimeShare) *TimeShareSection {
	sec := &TimeShareSection{ID: id, Caption: caption, Head: head}
	var bars []report.Split
	var all []laeringsliv.TimeShare
	for i, g := range groups {
		sum := laeringsliv.SumTimeShares(g)
		for _, sh := range g {
			sum.People = max(sum.People, sh.People)
		}
		sec.Rows = append(sec.Rows, shareRowOf(st, labels[i], sum))
		bars = append(bars, report.Split{Label: labels[i], A: hours(sum.WorkMinutes), B: hours(sum.OwnMinutes)})
		all = append(all, g...)
	}
	total := laeringsliv.SumTimeShares(all)
	sec.Total = shareRowOf(st, st.tr.T("timerecord.total"), total)
	sec.Chart = template.HTML(report.SplitChart("chart-"+id, caption, st.tr.T("timerecord.chart_desc"),
		st.tr.T("timerecord.source.work"), st.tr.T("timerecord.source.own"), bars, st.number))
	return sec
}

func shareRowOf(st *reqState, label string, sh laeringsliv.TimeShare) shareRow {
	return shareRow{Label: label, Work: st.number(hours(sh.WorkMinutes)), Own: st.number(hours(sh.OwnMinutes)),
		OwnPercent: sh.OwnPercent(), People: sh.People}
}

// programmeShares reads a programme's shares; nil when the deployment keeps no time records
// or none are recorded.
func (s *Server) programmeShares(r *http.Request) ([]laeringsliv.TimeShare, error) {
	if s.svc.TimeRecords == nil {
		return nil, nil
	}
	return s.svc.TimeRecords.TimeShares(r.Context(), laeringsliv.TimeShareFilter{ProgrammeID: state(r).programme.ID})
}

// workplaceShareSection sums a programme's shares per workplace, in Table 2's order.
func workplaceShareSection(st *reqState, shares []laeringsliv.TimeShare, rows []*laeringsliv.ParticipationRow) *TimeShareSection {
	if len(shares) == 0 {
		return nil
	}
	by := map[int64][]laeringsliv.TimeShare{}
	for _, sh := range shares {
		by[sh.WorkplaceID] = append(by[sh.WorkplaceID], sh)
	}
	var labels []string
	var groups [][]laeringsliv.TimeShare
	for _, row := range rows {
		if g, ok := by[row.WorkplaceID]; ok && row.WorkplaceID != 0 {
			labels, groups = append(labels, row.Workplace), append(groups, g)
		}
	}
	return shareSection(st, "time-workplaces", st.tr.T("timerecord.caption_workplaces"), st.tr.T("timerecord.col.workplace"), labels, groups)
}

// yearShareSection sums a programme's shares per year.
func yearShareSection(st *reqState, shares []laeringsliv.TimeShare) *TimeShareSection {
	if len(shares) == 0 {
		return nil
	}
	var labels []string
	var groups [][]laeringsliv.TimeShare
	index := map[int]int{}
	for _, sh := range shares {
		y := sh.Month.Year()
		i, ok := index[y]
		if !ok {
			i = len(groups)
			index[y] = i
			labels, groups = append(labels, strconv.Itoa(y)), append(groups, nil)
		}
		groups[i] = append(groups[i], sh)
	}
	sortSharesByLabel(labels, groups)
	return shareSection(st, "time-years", st.tr.T("timerecord.caption_years"), st.tr.T("timerecord.col.year"), labels, groups)
}

func sortSharesByLabel(labels []string, groups [][]laeringsliv.TimeShare) {
	for i := 1; i < len(labels); i++ {
		for j := i; j > 0 && labels[j] < labels[j-1]; j-- {
			labels[j], labels[j-1] = labels[j-1], labels[j]
			groups[j], groups[j-1] = groups[j-1], groups[j]
		}
	}
}

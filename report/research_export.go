package report

import (
	"strconv"

	"laeringsliv"
	"laeringsliv/tabular"
)

// ResearchExport turns a programme's research data into the pseudonymised tables of the
// research export, one per dataset: reflection logs, final evaluations, IPE notes, IPE
// reflections, innovations and reading answers. key is the programme's pseudonym key.
func ResearchExport(key []byte, d *laeringsliv.ResearchData) []*tabular.Table {
	p := NewPseudonymizer(key, d.People, func(id int64) bool { return d.Consented[id] })
	evaluations := ResearchIPENotes(p, d.FinalEvaluations, d.SessionWorkplace)
	evaluations.Name = "final_evaluations"
	return []*tabular.Table{
		ResearchReflectionLogs(p, d.ReflectionLogs, d.Workplaces),
		evaluations,
		ResearchIPENotes(p, d.Notes, d.SessionWorkplace),
		ResearchReflections(p, d.Draws, d.SessionWorkplace),
		ResearchInnovations(p, d.Innovations, d.Workplaces),
		ResearchReadingAnswers(p, d.ReadingAnswers, d.WorkshopWorkplace),
	}
}

// ResearchReadingAnswers returns the reading-workshop answers of the people who consented,
// under their pseudonyms; everyone else's answers are left out.
func ResearchReadingAnswers(p *Pseudonymizer, answers []*laeringsliv.Answer, workshopWorkplace map[int64]string) *tabular.Table {
	t := &tabular.Table{Name: "reading_answers", Header: []string{"workshop", "workplace", "reader", "interesting", "connects"}}
	for _, a := range answers {
		reader := p.Pseudonym(a.PersonID)
		if reader == "" {
			continue
		}
		t.Rows = append(t.Rows, []any{strconv.FormatInt(a.WorkshopID, 10), workshopWorkplace[a.WorkshopID], reader,
			p.Text(a.Interesting), p.Text(a.Connects)})
	}
	return t
}

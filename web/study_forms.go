package web

import (
	"net/url"
	"strconv"

	"laeringsliv"
)

// maxEmployments is how many employment rows the application form has.
const maxEmployments = 4

// parsePriorLearningForm reads an application: the level, an optional trade certificate and
// up to maxEmployments employments. Rows left wholly empty are skipped; a row begun but not
// finished is an error on its own field.
func parsePriorLearningForm(v url.Values) (*laeringsliv.PriorLearningApplication, []FieldErr) {
	a := &laeringsliv.PriorLearningApplication{Level: laeringsliv.Level(text(v, "level", 20))}
	var errs []FieldErr
	if !a.Level.Valid() {
		errs = append(errs, FieldErr{"level", "error.level_invalid"})
	}
	if v.Get("trade_certificate") == "on" {
		title := text(v, "certificate_title", 200)
		if title == "" {
			errs = append(errs, FieldErr{"certificate_title", "priorlearning.error.certificate_title"})
		}
		a.Documents = append(a.Documents, laeringsliv.PriorLearningDocument{Kind: laeringsliv.DocTradeCertificate,
			Title: title, Issuer: text(v, "certificate_issuer", 200)})
	}
	for i := range maxEmployments {
		n := strconv.Itoa(i)
		issuer, from, to, pct, tasks := text(v, "issuer"+n, 200), text(v, "from"+n, 20), text(v, "to"+n, 20),
			text(v, "pct"+n, 10), text(v, "tasks"+n, 5000)
		if issuer == "" && from == "" && to == "" && pct == "" && tasks == "" {
			continue
		}
		d := laeringsliv.PriorLearningDocument{Kind: laeringsliv.DocEmployment, Title: "Arbeidsattest", Issuer: issuer,
			Tasks: tasks, Relevant: v.Get("relevant"+n) == "on"}
		if issuer == "" {
			errs = append(errs, FieldErr{"issuer" + n, "priorlearning.error.issuer_required"})
		}
		var err error
		if d.From, err = laeringsliv.ParseDate(from); err != nil {
			errs = append(errs, FieldErr{"from" + n, laeringsliv.ErrorKey(err)})
		}
		if to != "" {
			if d.To, err = laeringsliv.ParseDate(to); err != nil {
				errs = append(errs, FieldErr{"to" + n, laeringsliv.ErrorKey(err)})
			} else if !d.From.IsZero() && d.To.Before(d.From) {
				errs = append(errs, FieldErr{"to" + n, "priorlearning.error.to_before_from"})
			}
		}
		if d.PositionPct, err = laeringsliv.ParsePercent(pct); err != nil {
			errs = append(errs, FieldErr{"pct" + n, laeringsliv.ErrorKey(err)})
		}
		a.Documents = append(a.Documents, d)
	}
	if len(a.Documents) == 0 && len(errs) == 0 {
		errs = append(errs, FieldErr{"trade_certificate", "priorlearning.error.no_documents"})
	}
	return a, errs
}

// parseDecisionForm reads an admissions officer's decision.
func parseDecisionForm(v url.Values) (*laeringsliv.PriorLearningDecision, []FieldErr) {
	d := &laeringsliv.PriorLearningDecision{Outcome: laeringsliv.DecisionOutcome(text(v, "outcome", 30)),
		Rationale: draftText(v.Get("rationale"))}
	if len(d.Rationale) > 20000 {
		d.Rationale = d.Rationale[:0]
	}
	return d, appendValidation(nil, d.Validate())
}

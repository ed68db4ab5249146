package web

import (
	"net/url"
	"regexp"

	"laeringsliv"
)

// Form parsers of sharing between workplaces. Each reads only what a user may send; the
// handler fills in the workplaces, the person and the time.

// shareForm asks to share one record, as the preview showed it.
type shareForm struct {
	Kind   laeringsliv.ShareKind
	RefID  int64
	Digest string // the fingerprint of what the preview showed (Share.Digest)
}

var digestPattern = regexp.MustCompile(`^[0-9a-f]{32}$`)

// parseShareForm reads the record to share, from the preview's form or its query string.
// withDigest asks for the preview's fingerprint too (the form that shares; not the preview).
func parseShareForm(v url.Values, withDigest bool) (shareForm, []FieldErr) {
	var f shareForm
	var errs []FieldErr
	f.Kind = laeringsliv.ShareKind(text(v, "kind", 20))
	if !f.Kind.Valid() {
		errs = append(errs, FieldErr{"kind", "sharing.error.kind_invalid"})
	}
	id, ok := idField(v, "ref")
	if !ok {
		errs = append(errs, FieldErr{"ref", "sharing.error.ref_invalid"})
	} else {
		f.RefID = id
	}
	if withDigest {
		f.Digest = text(v, "digest", 64)
		if !digestPattern.MatchString(f.Digest) {
			errs = append(errs, FieldErr{"digest", "sharing.error.preview_changed"})
		}
	}
	return f, errs
}

// parseCommentForm reads a question or comment on a shared record.
func parseCommentForm(v url.Values, c *laeringsliv.ShareComment) []FieldErr {
	c.Body = text(v, "body", laeringsliv.MaxShareComment+1)
	return appendValidation(nil, c.Validate())
}

// parseAdoptForm reads the project of the adopter's workplace under which the adopted
// innovation is recorded; projects are the workplace's project ids.
func parseAdoptForm(v url.Values, projects []int64) (int64, []FieldErr) {
	id, ok := idField(v, "project_id")
	for _, p := range projects {
		if ok && p == id {
			return id, nil
		}
	}
	return 0, []FieldErr{{"project_id", "innovation.error.project_required"}}
}

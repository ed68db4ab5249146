package laeringsliv

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// ReadTemplate reads a template file of at most MaxTemplateBytes and checks all of it (see
// ParseTemplate).
func ReadTemplate(r io.Reader) (*ProgrammeTemplate, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxTemplateBytes+1))
	if err != nil {
		return nil, err
	}
	return ParseTemplate(data)
}

// ParseTemplate reads a template document and checks every part of it, so that a file that
// parses can be started from. A problem is an EINVALID error whose key says what is wrong
// and whose Field says where: too large, not JSON, not a template, a version this program
// does not read, a field missing, a date that is not one or out of range, a reference to a
// gathering or text the file does not hold.
func ParseTemplate(data []byte) (*ProgrammeTemplate, error) {
	if len(data) > MaxTemplateBytes {
		return nil, FieldError("", "cohort.error.too_large")
	}
	var head struct {
		Format  string `json:"format"`
		Version *int   `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, jsonError(err)
	}
	switch {
	case head.Format != TemplateFormat:
		return nil, FieldError("format", "cohort.error.format")
	case head.Version == nil:
		return nil, FieldError("version", "cohort.error.missing")
	case *head.Version != TemplateVersion:
		return nil, FieldError("version", "cohort.error.version")
	}
	var t ProgrammeTemplate
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return nil, jsonError(err)
	}
	if dec.More() {
		return nil, FieldError("", "cohort.error.json")
	}
	if err := t.check(); err != nil {
		return nil, err
	}
	return &t, nil
}

// check runs the whole of the template through the making of a cohort that takes every
// part, unmoved.
func (t *ProgrammeTemplate) check() error {
	if strings.TrimSpace(t.Title) == "" {
		return FieldError("title", "cohort.error.missing")
	}
	o := CohortOptions{Parts: AllCohortParts()}
	o.Parts.HandbookText = true
	_, err := t.Cohort(1, o)
	return err
}

// jsonError names where decoding failed: a field of the wrong type or unknown, or broken JSON.
func jsonError(err error) error {
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return &Error{Code: EINVALID, Key: "cohort.error.type", Field: typ.Field, Err: err}
	}
	if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return &Error{Code: EINVALID, Key: "cohort.error.unknown_field", Field: strings.Trim(f, `"`), Err: err}
	}
	return &Error{Code: EINVALID, Key: "cohort.error.json", Err: err}
}

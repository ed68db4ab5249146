package laeringsliv

import (
	"embed"
	"path"
	"strings"
)

//go:embed cohort_templates/*.json
var builtinTemplates embed.FS

// BuiltinTemplate is a template shipped with the platform, named by its file.
type BuiltinTemplate struct {
	Slug     string
	Template *ProgrammeTemplate
}

// BuiltinTemplates returns the shipped templates by slug. They are checked by the tests, so an
// error here is a broken build.
func BuiltinTemplates() ([]BuiltinTemplate, error) {
	entries, err := builtinTemplates.ReadDir("cohort_templates")
	if err != nil {
		return nil, err
	}
	var list []BuiltinTemplate
	for _, e := range entries {
		data, err := builtinTemplates.ReadFile(path.Join("cohort_templates", e.Name()))
		if err != nil {
			return nil, err
		}
		t, err := ParseTemplate(data)
		if err != nil {
			return nil, err
		}
		list = append(list, BuiltinTemplate{Slug: strings.TrimSuffix(e.Name(), ".json"), Template: t})
	}
	return list, nil
}

// FindBuiltinTemplate returns the shipped template with slug, or ENOTFOUND.
func FindBuiltinTemplate(slug string) (*ProgrammeTemplate, error) {
	list, err := BuiltinTemplates()
	if err != nil {
		return nil, err
	}
	for _, b := range list {
		if b.Slug == slug {
			return b.Template, nil
		}
	}
	return nil, Errorf(ENOTFOUND, "error.not_found")
}

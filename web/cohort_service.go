package web

import "laeringsliv"

// CohortService reads a programme as a template and stores a new programme made from one.
type CohortService interface {
	laeringsliv.TemplateSource
	laeringsliv.CohortStore
}

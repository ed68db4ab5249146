package sqlstore

import "laeringsliv"

// DB stores the study programme too.
var _ laeringsliv.StudyService = (*DB)(nil)

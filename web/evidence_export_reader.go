package web

import (
	"laeringsliv/tabular"
)

// readerTable gives a table that people will open (XLSX) its sheet name and column headers in
// the reader's language, from the catalog keys export.<id>.sheet and export.<id>.<column>.
// CSV is for other systems and keeps the stable machine headers (workplace, ftes, …).
func readerTable(tr *translator, t *tabular.Table, id string, f tabular.Format) *tabular.Table {
	if f != tabular.XLSX {
		return t
	}
	out := *t
	out.Name = tr.T("export." + id + ".sheet")
	out.Header = make([]string, len(t.Header))
	for i, h := range t.Header {
		out.Header[i] = tr.T("export." + id + "." + h)
	}
	return &out
}

package web

import (
	"strconv"
	"time"

	"laeringsliv"
)

// formatDate writes a date in the reader's language: 26.11.2026 in Norwegian, 26 Nov 2026 in
// English. Times are shown in Norwegian local time.
func formatDate(v any, lang string) string {
	t, ok := v.(time.Time)
	if !ok || t.IsZero() {
		return ""
	}
	t = t.In(laeringsliv.Norway())
	if lang == "en" {
		return t.Format("2 Jan 2006")
	}
	return t.Format("02.01.2006")
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

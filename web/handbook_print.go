package web

import (
	"fmt"
	"net/http"
	"strings"
)

// handbookHeads sends the published handbook's running heads as a print stylesheet: each
// chapter prints on pages of its own name, whose top margin shows the chapter's title.
// Chromium has no string-set(), so the titles are written here as named pages.
func (s *Server) handbookHeads(w http.ResponseWriter, r *http.Request) {
	_, chs, err := s.publishedChapters(r, false)
	if err != nil {
		s.renderError(w, r, err)
		return
	}

	var b strings.Builder
	for _, c := range chs {
		fmt.Fprintf(&b, "#chapter-%d { page: chapter-%d; }\n@page chapter-%d { @top-center { content: %s; font-size: 9pt; } }\n",
			c.Chapter.ID, c.Chapter.ID, c.Chapter.ID, cssString(c.Title))
	}
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	_, _ = w.Write([]byte(b.String()))
}

// cssString quotes s as a CSS string, every character outside plain letters, digits and
// spaces written as a hexadecimal escape, so that no title can end the string or the rule.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == ' ':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			fmt.Fprintf(&b, "\\%x ", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

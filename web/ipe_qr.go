package web

import (
	"html/template"
	"net/http"
	"net/url"

	"laeringsliv/qrcode"
)

// ipeJoinQR draws the QR code that opens the participant page with the join code filled
// in, as inline SVG (the CSP allows inline markup, not inline style). Its accessible name
// says what it is and repeats the link and the code, which also stay visible as text for
// those who cannot scan. An empty result (a base URL too long for the symbol) leaves the
// text alone on the page.
func (s *Server) ipeJoinQR(r *http.Request, code string) template.HTML {
	link := s.absoluteURL(r, "/ipe?code="+url.QueryEscape(code))
	sym, err := qrcode.Encode([]byte(link))
	if err != nil {
		return ""
	}
	return sym.SVG(state(r).tr.T("ipe.qr.label", map[string]any{"URL": link, "Code": code}))
}

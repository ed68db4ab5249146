package web

import (
	"encoding/json"
	"net/http"
)

// ipeManifest is the web app manifest of the participant page, so that a phone can add
// "Lapp i hatten" to its home screen and open it full screen. Everything it names is served
// from this host.
func (s *Server) ipeManifest(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	m := map[string]any{
		"name":             st.tr.T("phone.app_name"),
		"short_name":       st.tr.T("phone.app_short_name"),
		"lang":             st.lang,
		"start_url":        "/ipe",
		"scope":            "/ipe",
		"display":          "standalone",
		"background_color": "#ffffff",
		"theme_color":      "#0b5a8c",
		"icons": []map[string]string{
			{"src": s.assets.url("icon.svg"), "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
		},
	}
	w.Header().Set("Content-Type", "application/manifest+json")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_ = json.NewEncoder(w).Encode(m)
}

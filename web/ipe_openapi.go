package web

import (
	_ "embed"
	"net/http"
)

//go:embed ipe_openapi.json
var openAPIDoc []byte

// apiOpenAPI serves the OpenAPI document of /api/v1.
func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, _ = w.Write(openAPIDoc)
}

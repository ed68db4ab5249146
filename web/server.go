// Package web is the HTTP face of Læringslivet: routes, handlers, templates, static files and
// the i18n catalogs. It sees the domain's service interfaces only; it never imports a driver.
package web

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"laeringsliv"
)

// Services are the domain services the handlers use.
type Services struct {
	Org     laeringsliv.OrgService
	People  laeringsliv.PersonService
	Members laeringsliv.MembershipService
	Auth    laeringsliv.AuthService
	// Ready reports whether storage can serve requests (for /readyz).
	Ready func(ctx context.Context) error
}

// Config is what main passes in; nothing here is read from the environment.
type Config struct {
	Logger *slog.Logger
	// InstitutionID is the institution this deployment serves.
	InstitutionID int64
	// Now returns the current time; tests may fix it. Defaults to time.Now.
	Now func() time.Time
	// Version is shown in /healthz.
	Version string
}

// Server serves the application. It implements http.Handler.
type Server struct {
	cfg     Config
	svc     Services
	handler http.Handler
}

// New parses the templates and catalogs (failing fast on any error) and builds the routes.
func New(cfg Config, svc Services) (*Server, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	s := &Server{cfg: cfg, svc: svc}
	s.handler = http.NotFoundHandler() // replaced by routes()
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

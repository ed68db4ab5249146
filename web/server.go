// Package web is the HTTP face of Læringslivet: routes, handlers, templates, static files and
// the i18n catalogs. It sees the domain's service interfaces only; it never imports a driver.
package web

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"laeringsliv"
	"laeringsliv/filestore"
	"laeringsliv/live"
)

// Services are the domain services the handlers use.
type Services struct {
	Org     laeringsliv.OrgService
	People  laeringsliv.PersonService
	Members laeringsliv.MembershipService
	Auth    laeringsliv.AuthService
	// Mailer sends invitation links by e-mail; nil when no mail server is configured.
	Mailer laeringsliv.Mailer
	// Identities links accounts at OpenID Providers to people; nil turns provider sign-in off.
	Identities laeringsliv.IdentityService
	// Resets keeps password reset links; nil (or no Mailer) turns reset by e-mail off.
	Resets laeringsliv.PasswordResetService

	// Innovation work and evidence.
	Innovations   laeringsliv.InnovationService
	Timelines     laeringsliv.TimelineService
	Participation laeringsliv.ParticipationService
	Prequal       laeringsliv.PrequalService
	Reports       laeringsliv.ReportService
	StudyCounts   laeringsliv.StudyCounter    // approvals and exams per workplace, for Table 2
	Evidence      laeringsliv.EvidenceCounter // material per gathering, for Table 1; nil leaves it out
	Progress      laeringsliv.ProgressCounter // dated events, for the yearly progress report
	Reading       laeringsliv.ReadingService
	Research      laeringsliv.ResearchService // consents and the research export; nil turns it off
	Handbook      HandbookService
	// Shares keeps what workplaces share with the institution's others; nil turns sharing off.
	Shares laeringsliv.ShareService
	// JointIPE keeps the guest workplaces of joint IPE sessions; nil turns them off.
	JointIPE laeringsliv.IPEGuestService
	// Cohorts starts new programmes from earlier ones and templates; nil turns it off.
	Cohorts CohortService

	// IPE sessions.
	IPE    laeringsliv.IPEService
	Tokens laeringsliv.APITokenService // personal API tokens; nil turns them off
	// Rota keeps workplaces' shift rotas; nil turns the rota pages off.
	Rota RotaService
	// TimeRecords keeps participants' time on the study and the innovation work, and sums it
	// for leaders and reports; nil turns those pages and sections off.
	TimeRecords laeringsliv.TimeRecordService
	// RotaTime keeps what the finder makes and people's own rotas: staffing minimums,
	// meetings, subscribed feeds; nil turns those off.
	RotaTime RotaTimeService
	// WorkGroups keeps the workplaces' innovation work groups; nil turns their page off.
	WorkGroups laeringsliv.WorkGroupService
	// Wishes keeps people's private wishes to be with or apart from a colleague in groups;
	// nil turns their page off and forms groups from the organiser's wishes alone.
	Wishes laeringsliv.ColleagueWishService
	// Jobs is the durable queue of work that outlives a request (mail, exports, backups);
	// nil: mail goes out inside the request and exports are written while the reader waits.
	Jobs laeringsliv.JobService
	// Live carries change notices between screens (and nodes); nil means one process.
	Live live.Hub

	// Study, Calendar and Files serve the study programme (gatherings, work requirements,
	// assessment, exam and admission); Files keeps uploaded files.
	Study    laeringsliv.StudyService
	Calendar laeringsliv.CalendarService
	Files    filestore.Store
	// Dashboard answers the front page's questions (what to do next); nil leaves the page
	// with the list of workplaces only.
	Dashboard DashboardStore
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
	// BaseURL, when set, is the public address used in links for copying (invitations);
	// otherwise the request's host is used.
	BaseURL string
	// TrustedProxy, when set, says whether a request came through a proxy the deployment
	// trusts; only then is the proxy's X-Request-Id kept. Otherwise every request gets a
	// new id.
	TrustedProxy func(r *http.Request) bool
	// DBPools are the database connection pools, by name, whose statistics /metrics shows.
	DBPools map[string]*sql.DB
	// Version is shown in /healthz.
	Version string
	// PasswordHasher hashes new passwords; PasswordChecker checks one against a stored hash.
	// Main passes the argon2id functions; they are fields so that tests can use cheap ones.
	PasswordHasher  func(pw string) (string, error)
	PasswordChecker func(pw, hash string) (bool, error)
	// PasswordNeedsRehash, when set, says whether a stored hash was made with other parameters
	// than PasswordHasher uses; such a hash is replaced at the next sign-in.
	PasswordNeedsRehash func(hash string) bool
	// TrustedProxies are the reverse proxies whose X-Forwarded-For, Forwarded and
	// X-Forwarded-Proto headers are believed; none by default.
	TrustedProxies Proxies
	// MetricsToken, when set, lets a scraper read /metrics on the public address with
	// "Authorization: Bearer <token>"; otherwise /metrics is served only by AdminHandler.
	MetricsToken string
	// ReadTimeout and WriteTimeout bound each request (DefaultReadTimeout and
	// DefaultWriteTimeout when zero); live streams and uploads extend their own.
	ReadTimeout, WriteTimeout time.Duration
	// DeviceKey signs device cookies; give every node the same one. Empty: a random key per
	// process, so that device cookies lapse on restart.
	DeviceKey []byte
	// OIDC are the OpenID Providers people may sign in with, one button each on the login page.
	OIDC []OIDCProvider
	// NoPasswordLogin hides the e-mail and password form, for an institution whose people all
	// sign in through a provider.
	NoPasswordLogin bool
}

// Server serves the application. It implements http.Handler.
type Server struct {
	cfg      Config
	svc      Services
	catalogs *catalogs
	pages    *pages
	metrics  *metrics
	limiter  *loginLimiter
	devices  *devices
	oidc     map[string]*oidcClient
	joins    *joinLimiter // joins to open IPE sessions
	assets   assets
	handler  http.Handler
	live     live.Hub
	streams  *live.Pool // idle IPE event streams, kept without a goroutine each
	formKey  []byte     // signs what a form carries from one step to the next (newFormKey)
	feed     *eventFeed[laeringsliv.IPEHat]
	reading  *eventFeed[struct{}]
}

// New parses the templates and catalogs (failing fast on any error) and builds the routes.
func New(cfg Config, svc Services) (*Server, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.ReadTimeout == 0 {
		cfg.ReadTimeout = DefaultReadTimeout
	}
	if cfg.WriteTimeout == 0 {
		cfg.WriteTimeout = DefaultWriteTimeout
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	cfg.Logger = slog.New(requestIDHandler{cfg.Logger.Handler()})
	if cfg.TrustedProxy == nil {
		proxies := cfg.TrustedProxies
		cfg.TrustedProxy = func(r *http.Request) bool {
			ap, err := netip.ParseAddrPort(r.RemoteAddr)
			return err == nil && proxies.trusts(ap.Addr().Unmap())
		}
	}
	if cfg.PasswordHasher == nil || cfg.PasswordChecker == nil {
		return nil, fmt.Errorf("web: password hasher and checker are required")
	}
	cats, err := loadCatalogs()
	if err != nil {
		return nil, err
	}
	pg, err := loadPages()
	if err != nil {
		return nil, err
	}
	as, err := loadAssets()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, svc: svc, catalogs: cats, pages: pg, metrics: newMetrics(cfg.DBPools, svc.Jobs),
		limiter: newLoginLimiter(cfg.Now), devices: newDevices(cfg.DeviceKey, cfg.Now), oidc: newOIDCClients(cfg.OIDC),
		joins: newJoinLimiter(cfg.Now), assets: as, live: svc.Live, streams: live.NewPool(), formKey: newFormKey()}
	if s.live == nil {
		s.live = live.NewMemory()
	}
	// Closures, not method values: a server for tests may lack a service.
	s.feed = newEventFeed(func(ctx context.Context, id, after int64, n int) ([]*laeringsliv.LoggedEvent, error) {
		return svc.IPE.FindIPEEvents(ctx, id, after, n)
	}, func(ctx context.Context, id int64) (laeringsliv.IPEHat, error) { return svc.IPE.FindIPEHat(ctx, id) },
		func(hat laeringsliv.IPEHat) live.Event {
			b, _ := json.Marshal(hat)
			return live.Event{Name: laeringsliv.IPEEventHat, Data: b}
		})
	s.reading = newEventFeed[struct{}](func(ctx context.Context, id, after int64, n int) ([]*laeringsliv.LoggedEvent, error) {
		return svc.Reading.FindWorkshopEvents(ctx, id, after, n)
	}, nil, nil)

	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.Handle(rt.pattern, s.guard(rt))
	}
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
	}))
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.EFORBIDDEN, "error.cross_origin"))
	}))
	var h http.Handler = mux
	h = cop.Handler(h)
	h = s.authenticate(h)
	h = compress(h)
	h = securityHeaders(h)
	h = s.withPeer(h)
	h = s.deadlines(h)
	h = s.observe(h)
	s.handler = h
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// missingKey logs a message key that a catalog lacks (the catalog test should have caught it).
func (s *Server) missingKey(key string) {
	s.cfg.Logger.Warn("missing i18n key", "key", key)
}

// CloseStreams ends every live stream, so that clients reconnect (to another node) instead of
// holding a shutdown until its timeout. Main registers it with http.Server.RegisterOnShutdown.
func (s *Server) CloseStreams() {
	if c, ok := s.live.(interface{ Close() }); ok {
		c.Close()
	}
}

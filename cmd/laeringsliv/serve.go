package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"laeringsliv"
	"laeringsliv/demo"
	"laeringsliv/filestore"
	"laeringsliv/jobs"
	"laeringsliv/live"
	"laeringsliv/password"
	"laeringsliv/smtpmail"
	"laeringsliv/sqlstore"
	"laeringsliv/web"
)

const serveUsage = `Usage: laeringsliv serve [flags]

Runs the web server until SIGINT or SIGTERM, then shuts down gracefully (at most 10 seconds).
The database is migrated on start. The deployment serves the first institution in the
database; on an empty database, --demo seeds the demo institution of the article and prints
its logins, otherwise an institution named by --institution is created so that
"laeringsliv user add --admin" can follow.`

// HTTP server limits. Request read and write deadlines are set per request by the web
// package (http.ResponseController), so that live streams and uploads can extend their own.
const (
	readHeaderTimeout = 10 * time.Second
	idleTimeout       = 2 * time.Minute
	maxHeaderBytes    = 64 << 10
	shutdownTimeout   = 10 * time.Second
)

// Main is the whole application: database, web server and listener. Tests start it on port 0
// with a temporary database, exactly as the binary does.
type Main struct {
	Config  Config
	Logger  *slog.Logger
	Stdout  io.Writer // the URL and the demo logins are printed here
	Version string

	// Set by Run.
	DB          *sqlstore.DB
	Institution *laeringsliv.Institution
	Logins      []demo.Login // the demo accounts, when --demo

	ln       net.Listener
	srv      *http.Server
	adminLn  net.Listener
	adminSrv *http.Server
	jobs     *jobs.Runner
	serveErr chan error
}

// NewMain returns a Main for cfg that logs to log and prints to stdout.
func NewMain(cfg Config, log *slog.Logger, stdout io.Writer) *Main {
	return &Main{Config: cfg, Logger: log, Stdout: stdout, Version: buildVersion(), serveErr: make(chan error, 1)}
}

// Run opens the database, seeds the demo if asked, and starts serving in the background. It
// returns once the server listens; call Close to stop it.
func (m *Main) Run(ctx context.Context) (err error) {
	defer func() {
		if err != nil {
			err = errors.Join(err, m.Close())
		}
	}()
	// Bind first: a port in use is reported before the database is touched or the demo seeded.
	if err := m.bind(); err != nil {
		return err
	}
	if m.DB, err = openDB(ctx, &m.Config, m.Logger); err != nil {
		return err
	}
	files, err := openFiles(&m.Config)
	if err != nil {
		return err
	}
	var demoHandbook int64 // seeded now, published once the server can take its frozen embeds' snapshots
	if m.Config.Demo {
		if demoHandbook, err = m.seedDemo(ctx, files); err != nil {
			return err
		}
	}
	if m.Institution, err = deploymentInstitution(ctx, m.DB, m.Config.Institution, m.Logger); err != nil {
		return err
	}
	// One hub for the web server and the job workers: a job's progress reaches its page.
	var hub live.Hub = live.NewMemory() // one process
	if m.DB.Dialect() == "postgres" {
		hub = live.NewPostgres(m.Config.Database, m.Logger) // closed by the server's shutdown hook
	}
	svc := web.Services{Org: m.DB, People: m.DB, Members: m.DB, Auth: m.DB, Ready: m.DB.Ping,
		Innovations: m.DB, Timelines: m.DB, Participation: m.DB, Prequal: m.DB, Reports: m.DB,
		StudyCounts: m.DB, Evidence: m.DB, Progress: m.DB, Reading: m.DB, Research: m.DB, Handbook: m.DB, Cohorts: m.DB,
		Study: m.DB, Calendar: m.DB, Files: files, Dashboard: m.DB,
		IPE: m.DB, Tokens: m.DB, Live: hub, Resets: m.DB, Identities: m.DB, Jobs: m.DB, Rota: m.DB, RotaTime: m.DB, WorkGroups: m.DB, Wishes: m.DB,
		TimeRecords: m.DB, Shares: m.DB, JointIPE: m.DB}
	if m.Config.SMTPURL != "" {
		if svc.Mailer, err = smtpmail.Parse(m.Config.SMTPURL); err != nil {
			return err
		}
	}
	proxies, err := web.ParseProxies(m.Config.TrustedProxies)
	if err != nil {
		return err
	}
	providers, err := web.ParseOIDCProviders(m.Config.OIDC)
	if err != nil {
		return err
	}
	h, err := web.New(web.Config{
		Logger: m.Logger, InstitutionID: m.Institution.ID, Version: m.Version, BaseURL: m.Config.BaseURL,
		PasswordHasher: hashPassword, PasswordChecker: password.Check, DBPools: m.DB.StatsPools(),
		PasswordNeedsRehash: func(h string) bool { return password.NeedsRehash(h, password.Default) },
		TrustedProxies:      proxies, MetricsToken: m.Config.MetricsToken,
		ReadTimeout: m.Config.ReadTimeout, WriteTimeout: m.Config.WriteTimeout,
		OIDC: providers, NoPasswordLogin: m.Config.NoPasswordLogin, DeviceKey: []byte(m.Config.DeviceKey),
	}, svc)
	if err != nil {
		return fmt.Errorf("web: %w", err)
	}
	if demoHandbook != 0 {
		if err := h.PublishHandbook(ctx, demoHandbook); err != nil {
			return fmt.Errorf("demo handbook: %w", err)
		}
	}
	if m.jobs, err = jobs.Start(ctx, jobs.Config{DB: m.DB, Mailer: svc.Mailer, Research: m.DB, Files: files,
		Backup: m.backupJob, Publish: hub.Publish, Logger: m.Logger, RescueAfter: m.Config.JobRescueAfter}); err != nil {
		return err
	}
	if err := m.listenAdmin(h.AdminHandler()); err != nil {
		return err
	}
	return m.listen(h)
}

// backupJob writes the backup archive of a backup job into the backup folder; an archive an
// earlier try finished is kept as it is.
func (m *Main) backupJob(ctx context.Context, jobID int64) (string, int64, error) {
	dir := backupsDir(&m.Config)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", 0, err
	}
	out := filepath.Join(dir, fmt.Sprintf("laeringsliv-backup-%d.tar.gz", jobID))
	if fi, err := os.Stat(out); err == nil {
		return out, fi.Size(), nil
	}
	if _, err := writeArchive(ctx, &m.Config, m.DB, out); err != nil {
		return "", 0, err
	}
	fi, err := os.Stat(out)
	if err != nil {
		return "", 0, err
	}
	return out, fi.Size(), nil
}

// bind opens the public listener and, unless it is "off" or empty, the operators' one.
func (m *Main) bind() error {
	ln, err := net.Listen("tcp", m.Config.Addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", m.Config.Addr, err)
	}
	m.ln = ln
	if m.Config.AdminAddr == "" || m.Config.AdminAddr == "off" {
		return nil
	}
	if m.adminLn, err = net.Listen("tcp", m.Config.AdminAddr); err != nil {
		return fmt.Errorf("cannot listen on %s for the operators' endpoints: %w", m.Config.AdminAddr, err)
	}
	return nil
}

// listenAdmin serves the operators' endpoints on --admin-addr, unless it is "off" or empty.
func (m *Main) listenAdmin(h http.Handler) error {
	ln := m.adminLn
	if ln == nil {
		return nil
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: readHeaderTimeout, IdleTimeout: idleTimeout,
		MaxHeaderBytes: maxHeaderBytes, ErrorLog: slog.NewLogLogger(m.Logger.Handler(), slog.LevelWarn)}
	m.adminSrv = srv
	go func() {
		// srv, not m.adminSrv: Close clears the field, perhaps before this goroutine runs.
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			m.serveErr <- err
		}
	}()
	m.Logger.Info("operators' endpoints", "url", m.AdminURL())
	return nil
}

// AdminURL returns the address of the operators' listener, or "" when there is none.
func (m *Main) AdminURL() string {
	if m.adminLn == nil {
		return ""
	}
	return "http://" + m.adminLn.Addr().String()
}

// listen binds the address and serves h in the background.
func (m *Main) listen(h http.Handler) error {
	ln := m.ln
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(m.Logger.Handler(), slog.LevelWarn),
	}
	m.srv = srv
	if c, ok := h.(interface{ CloseStreams() }); ok {
		srv.RegisterOnShutdown(c.CloseStreams) // live streams end at once; clients reconnect elsewhere
	}
	go func() {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			m.serveErr <- err
		}
	}()
	m.Logger.Info("listening", "url", m.URL(), "institution", m.Institution.Name, "version", m.Version)
	fmt.Fprintf(m.Stdout, "Læringslivet is running at %s\n", m.URL())
	if len(m.Logins) > 0 {
		printLogins(m.Stdout, m.Logins)
	}
	return nil
}

// seedDemo seeds the demo into an empty database. On a database seeded earlier it only
// remembers the logins, so that a restarted demo shows them again.
func (m *Main) seedDemo(ctx context.Context, files filestore.Store) (handbookID int64, err error) {
	empty, err := m.DB.Empty(ctx)
	if err != nil {
		return 0, err
	}
	if !empty {
		logins := demo.Logins()
		if _, err := m.DB.FindPersonByEmail(ctx, logins[0].Email); err == nil {
			m.Logins = logins
		} else {
			m.Logger.Warn("database is not empty; demo data not seeded")
		}
		return 0, nil
	}
	start := time.Now()
	clock := &demo.Clock{} // dates the demo within its programme's years; nothing else runs yet
	m.DB.Now = clock.Now
	res, err := demo.Seed(ctx, demo.Services{Org: m.DB, People: m.DB, Members: m.DB, Auth: m.DB,
		Innovations: m.DB, Timeline: m.DB, Participation: m.DB, Reading: m.DB, IPE: m.DB, Study: m.DB, Research: m.DB,
		Rota: m.DB, WorkGroups: m.DB, Wishes: m.DB, Handbook: m.DB, HandbookBook: m.DB, Files: files, TimeRecords: m.DB, Shares: m.DB, Clock: clock}, hashPassword)
	m.DB.Now = time.Now
	if err != nil {
		return 0, err
	}
	m.Logins = res.Logins
	m.Logger.Info("seeded demo data", "people", len(res.PersonIDs), "took", time.Since(start).Round(time.Millisecond))
	return res.HandbookID, nil
}

func hashPassword(pw string) (string, error) { return password.Hash(pw, password.Default) }

// printLogins writes the demo accounts as a table.
func printLogins(w io.Writer, logins []demo.Login) {
	fmt.Fprintln(w, "\nDemo logins (every demo person has the same password):")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ROLE\tNAME\tE-MAIL\tPASSWORD")
	for _, l := range logins {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", l.Role, l.Name, l.Email, l.Password)
	}
	tw.Flush()
}

// URL returns the address the server listens on, once Run has returned.
func (m *Main) URL() string {
	if m.ln == nil {
		return ""
	}
	return "http://" + m.ln.Addr().String()
}

// Done reports an error when the server stops on its own (not through Close).
func (m *Main) Done() <-chan error { return m.serveErr }

// Close shuts the server down gracefully, waiting at most shutdownTimeout for requests in
// flight, then closes the database. Long-lived streams must end through
// srv.RegisterOnShutdown, or they hold shutdown until the timeout.
func (m *Main) Close() error {
	var errs []error
	if m.adminSrv != nil {
		errs = append(errs, m.adminSrv.Close())
		m.adminSrv, m.adminLn = nil, nil
	} else if m.adminLn != nil {
		errs = append(errs, m.adminLn.Close())
		m.adminLn = nil
	}
	if m.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		if err := m.srv.Shutdown(ctx); err != nil {
			errs = append(errs, fmt.Errorf("shutdown: %w", err), m.srv.Close())
		}
		m.srv = nil
	} else if m.ln != nil {
		errs = append(errs, m.ln.Close())
	}
	if m.jobs != nil {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		errs = append(errs, m.jobs.Stop(ctx))
		m.jobs = nil
	}
	if m.DB != nil {
		errs = append(errs, m.DB.Close())
		m.DB = nil
	}
	return errors.Join(errs...)
}

// serve is the serve subcommand: it runs Main until ctx ends (a signal) or the server fails.
func (c *CLI) serve(ctx context.Context, f *cmdFlags, cfg *Config, args []string) error {
	if err := parseDB(f, cfg, args, c.Getenv, 0); err != nil {
		return err
	}
	log := cfg.logger(c.Stderr)
	m := NewMain(*cfg, log, c.Stdout)
	if err := m.Run(ctx); err != nil {
		return err
	}
	var serveErr error
	select {
	case <-ctx.Done():
		log.Info("shutting down", "timeout", shutdownTimeout)
	case serveErr = <-m.Done():
		log.Error("server stopped", "err", serveErr)
	}
	if err := errors.Join(serveErr, m.Close()); err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}

package main

import (
	"archive/tar"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/browsertest"
	"laeringsliv/sqlstore/sqltest"

	"github.com/chromedp/chromedp"
)

// An administrator takes a backup from the admin page, in Chromium: the button starts a job,
// the job's page follows it over the live event stream without reloading, and ends showing
// where the archive lies; the archive holds the manifest, the database and the files. The
// pages pass axe.
func TestBrowserBackupJob(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	backups := t.TempDir()
	m := startAppWith(t, func(c *Config) { c.Backups = backups })
	ctx := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, ctx, m.URL(), loginFor(t, m, laeringsliv.RoleAdmin), "/")
	browsertest.Navigate(t, ctx, m.URL()+"/admin")
	clickAndWait(t, ctx, `a[href="/admin/backups"]`)
	browsertest.AssertAxe(t, ctx, "backups")
	clickAndWait(t, ctx, `main form button[type=submit]`)
	if p := path(t, ctx); !strings.HasPrefix(p, "/jobs/") {
		t.Fatalf("the backup button led to %s", p)
	}
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`window.__samePage = true`))
	var text string
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		text = eval[string](t, ctx, `(function(){var r=document.querySelector("[data-job-result]");return r&&!r.hidden?r.innerText:""})()`)
		if text != "" || time.Now().After(deadline) {
			break
		}
	}
	if !strings.Contains(text, "laeringsliv-backup-") || !eval[bool](t, ctx, `window.__samePage === true`) {
		t.Fatalf("the job page did not show the archive without a reload: %q\n%s", text, mainText(t, ctx))
	}
	if bar := eval[float64](t, ctx, `document.querySelector("[data-job-progress]").value`); bar != 100 {
		t.Errorf("progress bar at %v at the end", bar)
	}
	browsertest.AssertAxe(t, ctx, "backup done")
	files, _ := filepath.Glob(filepath.Join(backups, "laeringsliv-backup-*.tar.gz"))
	if len(files) != 1 {
		t.Fatalf("backups folder holds %v", files)
	}
	checkArchive(t, files[0], "database.sqlite")
	browsertest.Navigate(t, ctx, m.URL()+"/admin/backups")
	if !strings.Contains(mainText(t, ctx), filepath.Base(files[0])) {
		t.Errorf("the backups page does not list the archive:\n%s", mainText(t, ctx))
	}
}

// The backup job on PostgreSQL (pg_dump), through HTTP: started by the administrator, followed
// on its page until it names the archive.
func TestBackupJobPostgres(t *testing.T) {
	backups := t.TempDir()
	m := startAppWith(t, func(c *Config) { c.Database, c.Backups, c.Files = sqltest.PostgresURL(t), backups, t.TempDir() })
	admin := loginFor(t, m, laeringsliv.RoleAdmin)
	c := &http.Client{Jar: newJar(t), CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.PostForm(m.URL()+"/login", url.Values{"email": {admin.Email}, "password": {admin.Password}})
	must(t, err)
	resp.Body.Close()
	resp, err = c.PostForm(m.URL()+"/admin/backups", url.Values{})
	must(t, err)
	resp.Body.Close()
	job := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(job, "/jobs/") {
		t.Fatalf("start: %d %q", resp.StatusCode, job)
	}
	var body string
	for deadline := time.Now().Add(60 * time.Second); !strings.Contains(body, "laeringsliv-backup-"); time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("job page after a minute:\n%s", body)
		}
		resp, err := c.Get(m.URL() + job)
		must(t, err)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		body = string(b)
	}
	files, _ := filepath.Glob(filepath.Join(backups, "laeringsliv-backup-*.tar.gz"))
	if len(files) != 1 {
		t.Fatalf("backups folder holds %v", files)
	}
	checkArchive(t, files[0], "database.sql")
}

// checkArchive fails unless the backup archive holds a manifest and the database entry.
func checkArchive(t *testing.T, path, dbEntry string) {
	t.Helper()
	f, err := os.Open(path)
	must(t, err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	must(t, err)
	tr := tar.NewReader(zr)
	seen := map[string]bool{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		must(t, err)
		seen[h.Name] = true
	}
	if !seen["manifest.json"] || !seen[dbEntry] {
		t.Errorf("archive %s holds %v; want manifest.json and %s", path, seen, dbEntry)
	}
}

func newJar(t *testing.T) http.CookieJar {
	t.Helper()
	jar, err := cookiejar.New(nil)
	must(t, err)
	return jar
}

package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
)

// TestBrowserHandbookOffline opens a published handbook on a phone without an account, lets
// its service worker keep it, and reads it again with the network cut.
func TestBrowserHandbookOffline(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	ctx := context.Background()
	h := programmeHandbook(t, m, workplaces(t, m)[0].ProgrammeID)
	c := &laeringsliv.HandbookChapter{HandbookID: h.ID, Title: "Vaktskifte", Body: "Rapporten ved **vaktskiftet**."}
	if err := m.DB.CreateChapter(ctx, c, loginPerson(t, m, laeringsliv.RoleTeacher)); err != nil {
		t.Fatal(err)
	}
	if err := m.DB.SetHandbookPublished(ctx, h.ID, true); err != nil {
		t.Fatal(err)
	}
	tab := b.NewTab(t, norwegian(browsertest.Phone))
	url := m.URL() + "/handbooks/" + itoa(h.ID)
	browsertest.Navigate(t, tab, url)
	// Wait until the worker controls the page, then load once more so the page is kept.
	for i := 0; !eval[bool](t, tab, `!!navigator.serviceWorker.controller`); i++ {
		if i == 50 {
			t.Fatal("the service worker never took control")
		}
		time.Sleep(100 * time.Millisecond)
		if i == 10 {
			browsertest.Navigate(t, tab, url)
		}
	}
	browsertest.Navigate(t, tab, url)
	sw := true // the service worker's own fetches fail too
	if _, err := chromedp.Call(tab, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &sw,
		MatchedNetworkConditions:    []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
	}); err != nil {
		t.Fatal(err)
	}
	browsertest.Navigate(t, tab, url)
	if text := eval[string](t, tab, `document.body.innerText`); !strings.Contains(text, "vaktskiftet") {
		t.Errorf("offline, the handbook shows %q", text)
	}
	// The network is really cut: a page outside the worker's scope does not load.
	_, _ = chromedp.RunResponse(tab, chromedp.Navigate(m.URL()+"/login"))
	if text := eval[string](t, tab, `document.body ? document.body.innerText : ""`); strings.Contains(text, "vaktskiftet") || strings.Contains(text, "Logg inn") {
		t.Errorf("the sign-in page loaded with the network cut: %.80q", text)
	}
}

func loginPerson(t *testing.T, m *Main, role laeringsliv.Role) int64 {
	t.Helper()
	p, err := m.DB.FindPersonByEmail(context.Background(), loginFor(t, m, role).Email)
	if err != nil {
		t.Fatal(err)
	}
	return p.ID
}

// TestBrowserHandbookTwoAuthors has two authors open one chapter, each change a different
// paragraph and save, the second late: both edits are in the saved chapter.
func TestBrowserHandbookTwoAuthors(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	ctx := context.Background()
	prog := workplaces(t, m)[0].ProgrammeID
	h := programmeHandbook(t, m, prog)
	c := &laeringsliv.HandbookChapter{HandbookID: h.ID, Title: "Innledning", Body: "Første avsnitt.\n\nAndre avsnitt.\n"}
	if err := m.DB.CreateChapter(ctx, c, loginPerson(t, m, laeringsliv.RoleTeacher)); err != nil {
		t.Fatal(err)
	}
	page := "/programmes/" + itoa(prog) + "/handbook/chapters/" + itoa(c.ID)
	var tabs [2]context.Context
	for i := range tabs {
		tabs[i] = b.NewTab(t, norwegian(browsertest.Desktop))
		signIn(t, tabs[i], m.URL(), loginFor(t, m, laeringsliv.RoleTeacher), "/")
		browsertest.Navigate(t, tabs[i], m.URL()+page)
	}
	edits := [2]string{
		`f => f.value = f.value.replace("Første avsnitt.", "Første avsnitt, skrevet om.")`,
		`f => f.value = f.value.replace("Andre avsnitt.", "Andre avsnitt og mer.")`,
	}
	for i, tab := range tabs {
		eval[string](t, tab, `(`+edits[i]+`)(document.getElementById("f-body"))`)
		clickAndWait(t, tab, `form.app-form button[type=submit]`)
	}
	saved, err := m.DB.FindChapter(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Første avsnitt, skrevet om.\n\nAndre avsnitt og mer.\n"; saved.Body != want || saved.Version != 2 {
		t.Errorf("saved chapter v%d = %q, want %q", saved.Version, saved.Body, want)
	}
	if text := eval[string](t, tabs[1], `document.body.innerText`); !strings.Contains(text, "flettet") {
		t.Errorf("the late author was not told the save was merged")
	}
}

// programmeHandbook returns the programme's handbook: the demo's, or a new one.
func programmeHandbook(t *testing.T, m *Main, programmeID int64) *laeringsliv.Handbook {
	t.Helper()
	ctx := context.Background()
	if h, err := m.DB.FindProgrammeHandbook(ctx, programmeID); err == nil {
		return h
	}
	h := &laeringsliv.Handbook{ProgrammeID: programmeID, Title: "Håndbok for MDI"}
	if err := m.DB.CreateHandbook(ctx, h); err != nil {
		t.Fatal(err)
	}
	return h
}

package main

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/browsertest"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// A phone on the staff room's Wi-Fi, in Chromium: the network drops while a note is written.
// The note waits on the phone, said so in plain words, and is sent by itself when the
// network returns; the hat holds it exactly once. The page names the participant's group,
// offers a manifest to install it from this host, and passes axe in each state.
func TestBrowserPhoneNoteSurvivesOffline(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	ctx := context.Background()
	leader := loginFor(t, m, laeringsliv.RoleLeader)
	home := homeWorkplace(t, m, leader)
	sess := &laeringsliv.IPESession{WorkplaceID: home.ID, Kind: laeringsliv.IPEKindCapture, Question: "Hva kan vi gjøre bedre?"}
	must(t, m.DB.CreateIPESession(ctx, sess, []string{"Gruppe 1", "Gruppe 2"}, nil))
	_, err := m.DB.SetIPEPhase(ctx, sess.ID, laeringsliv.IPEPhaseDraft)
	must(t, err)

	phone := b.NewTab(t, norwegian(browsertest.Phone))
	browsertest.Navigate(t, phone, m.URL()+"/ipe?code="+sess.JoinCode)
	manifest := eval[string](t, phone, `document.querySelector('link[rel=manifest]').href`)
	if !strings.HasPrefix(manifest, m.URL()+"/") {
		t.Errorf("manifest at %q, not on this host", manifest)
	}
	resp, err := http.Get(manifest)
	must(t, err)
	var mf struct {
		Name     string                 `json:"name"`
		StartURL string                 `json:"start_url"`
		Display  string                 `json:"display"`
		Icons    []struct{ Src string } `json:"icons"`
	}
	must(t, json.NewDecoder(resp.Body).Decode(&mf))
	resp.Body.Close()
	if mf.Name == "" || mf.StartURL != "/ipe" || mf.Display != "standalone" || len(mf.Icons) == 0 || !strings.HasPrefix(mf.Icons[0].Src, "/static/") ||
		resp.Header.Get("Content-Type") != "application/manifest+json" {
		t.Errorf("manifest %+v (%s)", mf, resp.Header.Get("Content-Type"))
	}
	eval[bool](t, phone, `(document.querySelector('#ipe-join-form button').click(), true)`)
	waitFor(t, phone, `!document.getElementById('ipe-capture').hidden`, "the note form")
	waitFor(t, phone, `/Du er i Gruppe [12]\./.test(document.getElementById('ipe-mygroup').textContent)`, "the participant's group named")
	target := eval[float64](t, phone, `document.querySelector('#ipe-note-form button[type=submit]').getBoundingClientRect().height`)
	if target < 44 {
		t.Errorf("the send button is %.0f px high; want a target of at least 44", target)
	}

	offline := func(off bool) {
		t.Helper()
		if _, err := chromedp.Call(phone, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}},
		}); err != nil {
			t.Fatal(err)
		}
	}
	offline(true)
	eval[bool](t, phone, `(document.getElementById('f-note').value = 'Faste overlappingsmøter ved vaktskiftet', document.querySelector('#ipe-note-form button[type=submit]').click(), true)`)
	waitFor(t, phone, `/Venter på nett/.test(document.getElementById('ipe-outbox').textContent) && /uten nett/.test(document.getElementById('ipe-status').textContent)`,
		"the note waiting on the phone, said in plain words")
	browsertest.AssertAxe(t, phone, "phone with a note waiting for the network")
	if hat, err := m.DB.FindIPEHat(ctx, sess.ID); err != nil || hat.Notes != 0 {
		t.Fatalf("offline, the hat holds %+v (%v)", hat, err)
	}
	offline(false)
	eval[bool](t, phone, `(window.dispatchEvent(new Event('online')), true)`)
	waitFor(t, phone, `/Sendt ✓/.test(document.getElementById('ipe-outbox').textContent) && !/Venter på nett/.test(document.getElementById('ipe-outbox').textContent)`,
		"the note sent by itself when the network returned")
	browsertest.AssertAxe(t, phone, "phone with its note sent")
	if hat, err := m.DB.FindIPEHat(ctx, sess.ID); err != nil || hat.Notes != 1 {
		t.Fatalf("after the network returned the hat holds %+v (%v); want exactly 1 note", hat, err)
	}
	if left := eval[string](t, phone, `sessionStorage.getItem('ipe-outbox-' + JSON.parse(sessionStorage.getItem('ipe')).session)`); left != "[]" {
		t.Errorf("the phone still keeps %s after the note was acknowledged", left)
	}
}

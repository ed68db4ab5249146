package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
)

// TestBrowserParticipantRecordsWish: the demo participant, on a small phone, opens their
// group wishes from the workplace page, wishes to be apart from a colleague, is told plainly
// when the same colleague is chosen again (the saved wish stays), and removes the wish.
func TestBrowserParticipantRecordsWish(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	part := loginFor(t, m, laeringsliv.RoleParticipant)
	wp := homeWorkplace(t, m, part)
	tab := b.NewTab(t, norwegian(browsertest.Phone))
	signIn(t, tab, m.URL(), part, "/")
	browsertest.Navigate(t, tab, m.URL()+"/workplaces/"+itoa(wp.ID))
	clickAndWait(t, tab, `main a[href$="/wishes"]`)
	if text := mainText(t, tab); !strings.Contains(text, "Bare du ser ønskene dine") || strings.Count(text, "Ingen ønsker ennå") != 2 {
		t.Fatalf("the wishes page:\n%s", text)
	}
	browsertest.AssertAxe(t, tab, "wishes on a phone")
	if sw := eval[int](t, tab, `document.documentElement.scrollWidth`); sw > 360 {
		t.Errorf("the wishes page is %d px wide on a 360 px phone: %q", sw, eval[[]string](t, tab, widerThanScreen))
	}
	value := eval[string](t, tab, `document.querySelector("#f-other").options[1].value`)
	name := eval[string](t, tab, `document.querySelector("#f-other").options[1].text`)
	do(t, tab, chromedp.SetValue(chromedp.CSS("#f-other"), value), chromedp.Click(chromedp.CSS("#f-kind-apart")))
	clickAndWait(t, tab, `main form button[type=submit]`)
	text := mainText(t, tab)
	if _, apart, _ := strings.Cut(text, "Vil ikke være i samme gruppe som"); !strings.Contains(apart, name) {
		t.Fatalf("the wish about %s is not listed:\n%s", name, text)
	}
	browsertest.AssertAxe(t, tab, "wish saved")

	do(t, tab, chromedp.SetValue(chromedp.CSS("#f-other"), value), chromedp.Click(chromedp.CSS("#f-kind-with")))
	clickAndWait(t, tab, `main form button[type=submit]`)
	text = mainText(t, tab)
	if !strings.Contains(text, "Du har allerede et ønske om denne kollegaen") || strings.Count(text, "Ingen ønsker ennå") != 1 {
		t.Fatalf("the duplicate was not refused, or the saved wish is gone:\n%s", text)
	}
	if got := eval[string](t, tab, `document.querySelector("#f-other").value`); got != value {
		t.Errorf("the colleague chosen was not kept: %q", got)
	}
	browsertest.AssertAxe(t, tab, "wish refused")
	shot(t, tab, "wishes-phone")

	clickAndWait(t, tab, `main .ds-card form button[type=submit]`)
	if text := mainText(t, tab); strings.Count(text, "Ingen ønsker ennå") != 2 || !strings.Contains(text, "Ønsket er fjernet") {
		t.Fatalf("after removing:\n%s", text)
	}
}

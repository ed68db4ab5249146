package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/browsertest"
)

// jsString quotes s for JavaScript.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`).Replace(s) + "'"
}

// TestBrowserIPEFlow runs a whole IPE session: a leader creates and runs it; five people join
// without accounts in their own browsers (one on a phone), write notes (one is warned about a
// phone number), draw and reflect, vote, and follow the plenum; an idea kept from the session
// gets an evaluation session. Axe finds nothing on any screen.
func TestBrowserIPEFlow(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	leader := loginFor(t, m, laeringsliv.RoleLeader)
	home := homeWorkplace(t, m, leader)
	fac := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, fac, m.URL(), leader, "/")

	browsertest.Navigate(t, fac, m.URL()+"/workplaces/"+itoa(home.ID)+"/ipe")
	browsertest.AssertAxe(t, fac, "ipe list")
	clickAndWait(t, fac, `main a[href$="/ipe/new"]`)
	browsertest.AssertAxe(t, fac, "ipe new")
	eval[bool](t, fac, `(document.getElementById('f-grouping').value = 'hand', document.getElementById('f-groups').value = '2', document.getElementById('f-phase_minutes').value = '5', true)`)
	clickAndWait(t, fac, `main form button[type=submit]`)
	browsertest.AssertAxe(t, fac, "ipe console draft")
	console := eval[string](t, fac, `location.pathname`)
	code := strings.TrimSpace(eval[string](t, fac, `document.querySelector('.app-ipe-code').textContent`))
	next := func(name string) {
		t.Helper()
		browsertest.Navigate(t, fac, m.URL()+console)
		clickAndWait(t, fac, `main form[action$="/phase"] button`)
		browsertest.AssertAxe(t, fac, "ipe console "+name)
	}
	next("capture")
	qrNamed := func(ctx context.Context, where string) {
		t.Helper()
		name := eval[string](t, ctx, `(() => { const q = document.querySelector('main svg[role=img]'); return q && q.querySelector('path') ? q.getAttribute('aria-label') : '' })()`)
		if !strings.Contains(name, "/ipe?code="+code) || !strings.Contains(name, "koden "+code) {
			t.Errorf("%s: the QR code's accessible name %q lacks the link and the code %s", where, name, code)
		}
	}
	qrNamed(fac, "console")
	screen := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, screen, m.URL(), leader, "/")
	browsertest.Navigate(t, screen, m.URL()+console+"/screen")
	qrNamed(screen, "projector view")
	if text := mainText(t, screen); !strings.Contains(text, code) {
		t.Errorf("projector view lacks the join code as text: %q", text)
	}
	browsertest.AssertAxe(t, screen, "ipe projector capture with QR code")
	shot(t, screen, "ipe-projector-qr")

	var people []context.Context
	for i := range 5 {
		opts := browsertest.Desktop
		if i == 0 {
			opts = browsertest.Phone
		}
		ctx := b.NewTab(t, norwegian(opts))
		browsertest.Navigate(t, ctx, m.URL()+"/ipe")
		if i == 0 {
			browsertest.AssertAxe(t, ctx, "ipe join (phone)")
		}
		eval[bool](t, ctx, `(document.getElementById('f-code').value = `+jsString(strings.ToLower(code))+`, document.querySelector('#ipe-join-form button').click(), true)`)
		waitFor(t, ctx, `!document.getElementById('ipe-capture').hidden`, "the note form")
		people = append(people, ctx)
	}
	waitFor(t, people[0], `!document.getElementById('ipe-timer').hidden && /^[45]:\d\d$/.test(document.querySelector('#ipe-timer [data-deadline]').textContent)`, "the phase timer")
	browsertest.AssertAxe(t, people[0], "ipe capture (phone)")
	for i, ctx := range people {
		text := "Forslag " + itoa(int64(i+1)) + ": <b>mer</b> tid til overlapp"
		if i == 1 {
			text = "Ring meg på 987 65 432"
		}
		eval[bool](t, ctx, `(document.getElementById('f-note').value = `+jsString(text)+`, document.querySelector('#ipe-note-form button[type=submit]').click(), true)`)
		if i == 1 {
			waitFor(t, ctx, `!document.getElementById('ipe-warning').hidden`, "the personal-data warning")
			browsertest.AssertAxe(t, ctx, "ipe personal-data warning")
			eval[bool](t, ctx, `(document.getElementById('ipe-edit').click(), document.getElementById('f-note').value = 'Ring meg', document.querySelector('#ipe-note-form button[type=submit]').click(), true)`)
		}
		waitFor(t, ctx, `document.getElementById('ipe-status').textContent.length > 0 && document.getElementById('f-note').value === ''`, "the note to be saved")
	}
	waitFor(t, people[0], `document.querySelector('#ipe-capture [data-hat=notes]').textContent === '5'`, "the hat count to reach 5 live")

	next("draw")
	// Joiners went to the emptier group in turn: people 0, 2 and 4 share a group.
	waitFor(t, people[0], `!document.getElementById('ipe-draw').hidden`, "the draw phase, live")
	browsertest.AssertAxe(t, people[0], "ipe draw (phone)")
	eval[bool](t, people[0], `(document.getElementById('ipe-draw-btn').click(), true)`)
	waitFor(t, people[0], `!document.getElementById('ipe-current').hidden`, "the drawn note")
	drawn := eval[string](t, people[0], `document.getElementById('ipe-current-text').textContent`)
	waitFor(t, people[2], `document.getElementById('ipe-current-text').textContent === `+jsString(drawn), "the drawn note on another screen of the group")
	// Strict turns: the next member (seat 2) may draw now; the third sees whose turn it is.
	waitFor(t, people[2], `!document.getElementById('ipe-draw-btn').hidden`, "the next member's turn")
	waitFor(t, people[4], `document.getElementById('ipe-draw-btn').hidden && !document.getElementById('ipe-pass-btn').hidden`, "another member's turn shown")
	if eval[bool](t, people[2], `!!document.querySelector('#ipe-current-text b')`) {
		t.Fatal("a note's HTML was rendered as HTML")
	}
	eval[bool](t, people[0], `(document.getElementById('f-reflection').value = 'Ønsker mer ro i vaktskiftet', document.querySelector('#ipe-reflect-form button').click(), true)`)
	// Each screen learns of the draw phase on its own stream: wait for it before clicking.
	waitFor(t, people[1], `!document.getElementById('ipe-draw').hidden && !document.getElementById('ipe-draw-btn').hidden`,
		"the draw phase and the first turn on the second group's screen")
	eval[bool](t, people[1], `(document.getElementById('ipe-draw-btn').click(), true)`)
	waitFor(t, people[1], `!document.getElementById('ipe-current').hidden`, "the second group's draw")

	next("vote")
	waitFor(t, people[0], `document.querySelectorAll('#ipe-vote-list button').length === 1`, "the vote list")
	browsertest.AssertAxe(t, people[0], "ipe vote (phone)")
	eval[bool](t, people[0], `(document.querySelector('#ipe-vote-list button').click(), true)`)
	waitFor(t, people[0], `document.getElementById('ipe-votes-left').textContent === '2'`, "a vote spent")

	next("plenum")
	waitFor(t, people[0], `!document.getElementById('ipe-plenum').hidden && document.querySelectorAll('#ipe-plenum-groups li').length === 2`, "the plenum")
	browsertest.AssertAxe(t, people[0], "ipe plenum (phone)")
	browsertest.Navigate(t, screen, m.URL()+console+"/screen")
	if text := mainText(t, screen); !strings.Contains(text, drawn) {
		t.Fatalf("projector view lacks the drawn note; says:\n%s", text)
	}
	browsertest.AssertAxe(t, screen, "ipe projector plenum")

	browsertest.Navigate(t, fac, m.URL()+console)
	clickAndWait(t, fac, `main form[action$="/ideas"] button`)
	kept := keptIdea(t, m, home.ID, console)
	page := fmt.Sprintf("%s/workplaces/%d/innovations/%d", m.URL(), home.ID, kept.ID)
	browsertest.Navigate(t, fac, page)
	if text := mainText(t, fac); !strings.Contains(text, kept.Description) || !strings.Contains(text, "Tatt vare på fra en lapp") {
		t.Fatalf("the kept idea's page says:\n%s", text)
	}
	browsertest.AssertAxe(t, fac, "innovation kept from an ipe session")
	clickAndWait(t, fac, `main a[href*="kind=evaluate_idea"]`)
	if kind := eval[string](t, fac, `document.getElementById('f-kind').value`); kind != "evaluate_idea" {
		t.Fatalf("evaluation form has kind %q", kind)
	}
	clickAndWait(t, fac, `main form button[type=submit]`)
	browsertest.AssertAxe(t, fac, "ipe evaluation console")
	if !strings.Contains(mainText(t, fac), "innovasjonen") {
		t.Fatalf("evaluation session page says:\n%s", mainText(t, fac))
	}
	browsertest.Navigate(t, fac, page)
	if !strings.Contains(mainText(t, fac), "Hva har fungert med innovasjonen") {
		t.Fatalf("the kept idea's page does not show its evaluation:\n%s", mainText(t, fac))
	}
}

// keptIdea returns the innovation kept from the session whose console is at path.
func keptIdea(t *testing.T, m *Main, workplaceID int64, console string) *laeringsliv.Innovation {
	t.Helper()
	sessionID, err := strconv.ParseInt(console[strings.LastIndexByte(console, '/')+1:], 10, 64)
	if err != nil {
		t.Fatalf("console path %q: %v", console, err)
	}
	list, err := m.DB.FindInnovations(context.Background(), laeringsliv.InnovationFilter{WorkplaceID: workplaceID})
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range list {
		if i.SessionID() == sessionID {
			if i.CreatedBy != 0 || i.Status != laeringsliv.InnovationIdea {
				t.Errorf("kept idea %+v: want no creator, status idea", i)
			}
			return i
		}
	}
	t.Fatalf("no innovation kept from session %d among %d", sessionID, len(list))
	return nil
}

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
	clickAndWait(t, fac, `main form button[type=submit]:not([name=then])`)
	browsertest.AssertAxe(t, fac, "ipe console draft")
	console := eval[string](t, fac, `location.pathname`)
	code := strings.TrimSpace(eval[string](t, fac, `document.querySelector('.app-ipe-code').textContent`))
	// The console moves to the next phase in the background and redraws without a reload,
	// keeping the keyboard on the phase button.
	next := func(name string) {
		t.Helper()
		browsertest.Navigate(t, fac, m.URL()+console)
		consoleNext(t, fac, name)
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
	screen := b.NewTab(t, norwegian(browsertest.Projector))
	signIn(t, screen, m.URL(), leader, "/")
	browsertest.Navigate(t, screen, m.URL()+console+"/screen")
	qrNamed(screen, "projector view")
	if text := mainText(t, screen); !strings.Contains(text, code) {
		t.Errorf("projector view lacks the join code as text: %q", text)
	}
	// A presentation: no app header, type readable from the back of the room, nothing wider
	// than the screen.
	if eval[bool](t, screen, `!!document.querySelector('header.app-header, footer.app-footer')`) {
		t.Error("the projector view shows the app's header or footer")
	}
	for _, sel := range []string{".app-present-status", ".app-present-question", ".app-present-counts"} {
		if px := eval[float64](t, screen, `parseFloat(getComputedStyle(document.querySelector('`+sel+`')).fontSize)`); px < 32 {
			t.Errorf("%s at %.0f px on a 1080p projector; want at least 32", sel, px)
		}
	}
	if eval[bool](t, screen, `document.documentElement.scrollWidth > window.innerWidth`) {
		t.Error("the projector view is wider than the screen")
	}
	browsertest.AssertAxe(t, screen, "ipe projector capture with QR code")
	shot(t, screen, "ipe-projector-qr")
	eval[bool](t, screen, `(window.__samePage = true)`)
	// K hides the code and shows it again.
	eval[bool](t, screen, `(document.dispatchEvent(new KeyboardEvent('keydown', {key: 'k'})), true)`)
	waitFor(t, screen, `document.getElementById('present-join').hidden`, "the code hidden by K")
	eval[bool](t, screen, `(document.dispatchEvent(new KeyboardEvent('keydown', {key: 'k'})), true)`)
	waitFor(t, screen, `!document.getElementById('present-join').hidden`, "the code shown again by K")

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
		waitFor(t, ctx, `document.getElementById('ipe-status').textContent.length > 0 && document.getElementById('f-note').value === '' && document.querySelectorAll('#ipe-outbox .app-ipe-outbox-sent').length > 0 && document.querySelectorAll('#ipe-outbox .app-ipe-outbox-waiting').length === 0`, "the note to be saved")
	}
	waitFor(t, people[0], `document.querySelector('#ipe-capture [data-hat=notes]').textContent === '5'`, "the hat count to reach 5 live")
	waitFor(t, screen, `document.querySelector('#ipe-present [data-hat=writers]').textContent === '5' && document.querySelector('[data-present=meter]').value === document.querySelector('[data-present=meter]').max && /5 har skrevet/.test(document.querySelector('[data-present=status]').textContent)`,
		"the projector's plain-words status and meter to follow the writers live")

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
	waitFor(t, screen, `document.querySelectorAll('.app-present-group .app-present-drawn').length === 2 && document.getElementById('present-join').hidden`,
		"both groups' drawn notes large on the projector, without a reload")
	if !strings.Contains(mainText(t, screen), drawn) {
		t.Errorf("the projector does not show the drawn note %q", drawn)
	}
	shot(t, screen, "ipe-projector-draw")

	next("vote")
	waitFor(t, people[0], `document.querySelectorAll('#ipe-vote-list button').length === 1`, "the vote list")
	browsertest.AssertAxe(t, people[0], "ipe vote (phone)")
	eval[bool](t, people[0], `(document.querySelector('#ipe-vote-list button').click(), true)`)
	waitFor(t, people[0], `document.getElementById('ipe-votes-left').textContent === '2'`, "a vote spent")

	next("plenum")
	waitFor(t, people[0], `!document.getElementById('ipe-plenum').hidden && document.querySelectorAll('#ipe-plenum-groups li').length === 2`, "the plenum")
	browsertest.AssertAxe(t, people[0], "ipe plenum (phone)")
	waitFor(t, screen, `document.querySelectorAll('.app-present-bar meter').length === 2 && /1 stemme/.test(document.querySelector('[data-present=groups]').textContent)`,
		"the votes as bars with their numbers on the projector, without a reload")
	if !eval[bool](t, screen, `window.__samePage === true`) {
		t.Error("the projector view reloaded")
	}
	if eval[bool](t, screen, `document.documentElement.scrollWidth > window.innerWidth`) {
		t.Error("the projector's plenum is wider than the screen")
	}
	shot(t, screen, "ipe-projector-plenum")
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
	clickAndWait(t, fac, `main form button[type=submit]:not([name=then])`)
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

// consoleNext clicks the console's phase button and waits until the console shows phase,
// which it must do without reloading the page.
func consoleNext(t *testing.T, fac context.Context, phase string) {
	t.Helper()
	eval[bool](t, fac, `(window.__samePage = true, document.querySelector('main form[action$="/phase"] button').click(), true)`)
	waitFor(t, fac, `document.querySelector('.app-ipe-step-now') && document.querySelector('.app-ipe-step-now').dataset.phase === `+jsString(phase),
		"the console's stepper at "+phase+" without a reload")
	if !eval[bool](t, fac, `window.__samePage === true`) {
		t.Errorf("the console reloaded for the phase %s", phase)
	}
}

package main

import (
	"context"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/browsertest"
	"laeringsliv/demo"
)

// TestBrowserIPEMembersOnly runs a members-only session: the leader creates it; a participant
// signs in on a phone and joins with one tap (the browser blinds its credential with the
// page's script, the server signs it, and the participant API takes it without a cookie); the
// same person in a second browser is refused with a clear message; and k counts people: one
// member's two notes do not open the hat, three members' notes do. The console shows the
// members who joined, and a facilitator can give a lost phone a new pass.
func TestBrowserIPEMembersOnly(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	leader := loginFor(t, m, laeringsliv.RoleLeader)
	home := homeWorkplace(t, m, leader)
	part := loginFor(t, m, laeringsliv.RoleParticipant)
	rep := loginFor(t, m, laeringsliv.RoleUnionRep)
	if homeWorkplace(t, m, part).ID != home.ID || homeWorkplace(t, m, rep).ID != home.ID {
		t.Fatal("the demo's participant, union representative and leader work in different places")
	}

	fac := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, fac, m.URL(), leader, "/")
	browsertest.Navigate(t, fac, m.URL()+"/workplaces/"+itoa(home.ID)+"/ipe/new")
	eval[bool](t, fac, `(document.querySelector('input[name=join_mode][value=members]').checked = true, true)`)
	browsertest.AssertAxe(t, fac, "ipe new with join mode")
	clickAndWait(t, fac, `main form button[type=submit]:not([name=then])`)
	console := eval[string](t, fac, `location.pathname`)
	code := strings.TrimSpace(eval[string](t, fac, `document.querySelector('.app-ipe-code').textContent`))
	consoleNext(t, fac, "capture")

	// Joining without signing in is refused with a way to sign in.
	stranger := b.NewTab(t, norwegian(browsertest.Phone))
	browsertest.Navigate(t, stranger, m.URL()+"/ipe?code="+code)
	eval[bool](t, stranger, `(document.querySelector('#ipe-join-form button').click(), true)`)
	waitFor(t, stranger, `!document.getElementById('e-code').hidden && !document.getElementById('ipe-members-login').hidden`, "the members-only message")
	if msg := eval[string](t, stranger, `document.getElementById('e-code').textContent`); !strings.Contains(msg, "Logg inn") {
		t.Errorf("a stranger was told %q", msg)
	}

	join := func(l demo.Login, opts browsertest.TabOptions) context.Context {
		t.Helper()
		ctx := b.NewTab(t, norwegian(opts))
		signIn(t, ctx, m.URL(), l, "/")
		browsertest.Navigate(t, ctx, m.URL()+"/ipe?code="+code)
		eval[bool](t, ctx, `(document.querySelector('#ipe-join-form button').click(), true)`) // the one tap
		return ctx
	}
	phone := join(part, browsertest.Phone)
	waitFor(t, phone, `!document.getElementById('ipe-capture').hidden`, "the note form after one tap")
	browsertest.AssertAxe(t, phone, "ipe members-only capture (phone)")

	again := join(part, browsertest.Phone)
	waitFor(t, again, `!document.getElementById('e-code').hidden`, "the refusal of a second join")
	if msg := eval[string](t, again, `document.getElementById('e-code').textContent`); !strings.Contains(msg, "allerede") {
		t.Errorf("a second join of the same member was told %q", msg)
	}

	write := func(ctx context.Context, text string) {
		t.Helper()
		eval[bool](t, ctx, `(document.getElementById('f-note').value = `+jsString(text)+`, document.querySelector('#ipe-note-form > button[type=submit]').click(), true)`)
		waitFor(t, ctx, `document.getElementById('f-note').value === '' && document.querySelectorAll('#ipe-outbox .app-ipe-outbox-waiting').length === 0`,
			"the note to be sent")
	}
	write(phone, "Lengre overlapp mellom vaktene")
	write(phone, "Felles lunsj en gang i uka")
	hat := func() laeringsliv.IPEHat {
		s, err := m.DB.FindIPESessionByCode(context.Background(), code)
		if err != nil {
			t.Fatal(err)
		}
		h, err := m.DB.FindIPEHat(context.Background(), s.ID)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	if h := hat(); h.Writers != 1 || h.Open {
		t.Fatalf("one member's two notes: %+v, want 1 writer and a closed hat", h)
	}
	repPhone := join(rep, browsertest.Phone)
	waitFor(t, repPhone, `!document.getElementById('ipe-capture').hidden`, "the union representative's note form")
	write(repPhone, "Mer tid til dokumentasjon")
	lead := join(leader, browsertest.Desktop)
	waitFor(t, lead, `!document.getElementById('ipe-capture').hidden`, "the leader's note form")
	write(lead, "Fagdag hver måned")
	if h := hat(); h.Writers != 3 || !h.Open {
		t.Fatalf("three members wrote: %+v, want 3 writers and an open hat", h)
	}

	browsertest.Navigate(t, fac, m.URL()+console)
	if text := mainText(t, fac); !strings.Contains(text, "Medarbeidere som har blitt med") {
		t.Errorf("the console does not show the members who joined:\n%s", text)
	}
	browsertest.AssertAxe(t, fac, "ipe console members-only")
}

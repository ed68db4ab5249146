package main

import (
	"context"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/browsertest"
)

// Every demo role's dashboard on a phone passes axe and does not scroll sideways; from it a
// leader has a running session's code on the projector in two clicks, and a participant is
// on the join page with the code filled in after one.
func TestBrowserDashboard(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	ctx := context.Background()
	home := homeWorkplace(t, m, loginFor(t, m, laeringsliv.RoleLeader))
	sess := &laeringsliv.IPESession{WorkplaceID: home.ID, Kind: laeringsliv.IPEKindCapture,
		Question: "Hva er vi fornøyd med i dagens tjeneste, og hva kan vi gjøre bedre?"}
	must(t, m.DB.CreateIPESession(ctx, sess, []string{"Gruppe 1", "Gruppe 2"}, nil))
	_, err := m.DB.SetIPEPhase(ctx, sess.ID, laeringsliv.IPEPhaseDraft)
	must(t, err)
	console := "/workplaces/" + itoa(home.ID) + "/ipe/" + itoa(sess.ID)

	for _, l := range m.Logins {
		t.Run(string(l.Role), func(t *testing.T) {
			tab := b.NewTab(t, norwegian(browsertest.Phone390))
			signIn(t, tab, m.URL(), l, "/")
			browsertest.AssertAxe(t, tab, "dashboard as "+string(l.Role))
			if sw := eval[int](t, tab, `document.documentElement.scrollWidth`); sw > 390 {
				t.Errorf("the dashboard is %d px wide on a 390 px phone: %q", sw, eval[[]string](t, tab, widerThanScreen))
			}
			shot(t, tab, "dashboard-phone-"+string(l.Role))
		})
	}

	t.Run("leader to the projector", func(t *testing.T) {
		tab := b.NewTab(t, norwegian(browsertest.Laptop))
		signIn(t, tab, m.URL(), loginFor(t, m, laeringsliv.RoleLeader), "/")
		clickAndWait(t, tab, `main a[href="`+console+`"]`)
		clickAndWait(t, tab, `main a[href$="/screen"]`)
		if got := path(t, tab); got != console+"/screen" {
			t.Fatalf("two clicks from the dashboard led to %s, want the projector", got)
		}
		if text := mainText(t, tab) + eval[string](t, tab, `document.body.innerText`); !strings.Contains(text, sess.JoinCode) {
			t.Errorf("the projector does not show the join code %s", sess.JoinCode)
		}
		t.Logf("clicks from the dashboard to the join code on the projector: 2")
	})

	t.Run("participant joins", func(t *testing.T) {
		tab := b.NewTab(t, norwegian(browsertest.Phone390))
		signIn(t, tab, m.URL(), loginFor(t, m, laeringsliv.RoleParticipant), "/")
		if n := eval[int](t, tab, `document.querySelectorAll('main a[href="`+console+`"]').length`); n != 0 {
			t.Error("the participant is offered the console")
		}
		clickAndWait(t, tab, `main a[href="/ipe?code=`+sess.JoinCode+`"]`)
		if got := eval[string](t, tab, `document.querySelector("#f-code") ? document.querySelector("#f-code").value : location.search`); !strings.Contains(got, sess.JoinCode) {
			t.Errorf("the join page has %q, want the code %s", got, sess.JoinCode)
		}
	})
}

package main

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
)

// TestBrowserLeaderFormsWorkGroups walks the leader of Hjemmetjenesten i Fjellbu from the
// workplace page to its work groups (seeded by shared shifts), through a new proposal by
// shared shifts, a hand move and a recount, to saving the set: afterwards the workplace's
// groups hold everyone on its rota who does the innovation work, the moved person where the
// leader put them.
func TestBrowserLeaderFormsWorkGroups(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	ctx := context.Background()
	wp := workplaceNamed(t, m, "Hjemmetjenesten i Fjellbu")
	leader, _ := fjellbuPeople(t, m, wp)
	before, err := m.DB.FindWorkGroups(ctx, wp.ID)
	if err != nil || len(before) == 0 {
		t.Fatalf("the demo seeded no work groups: %v", err)
	}

	tab := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, tab, m.URL(), leader, "/")
	browsertest.Navigate(t, tab, m.URL()+"/workplaces/"+itoa(wp.ID))
	clickAndWait(t, tab, `main a[href$="/work-groups"]`)
	if text := mainText(t, tab); !strings.Contains(text, "Arbeidsgruppe 1") || !strings.Contains(text, "Felles vakttimer") {
		t.Fatalf("no seeded groups on the page:\n%s", text)
	}
	browsertest.AssertAxe(t, tab, "work groups (nb)")

	clickAndWait(t, tab, `main form[action$="/work-groups"] button[type=submit]`)
	if text := mainText(t, tab); !strings.Contains(text, "Grupper etter felles vakter") || !strings.Contains(text, "timer felles på vakt") {
		t.Fatalf("no proposal by shared shifts:\n%s", text)
	}
	browsertest.AssertAxe(t, tab, "work groups proposal (nb)")
	// Move the first person of group 1 into group 2 by hand, and recount.
	moved := eval[string](t, tab, `document.querySelector('li[data-group="1"] select').name`)
	do(t, tab, chromedp.SetValue(chromedp.CSS(`li[data-group="1"] select`), "2"))
	clickAndWait(t, tab, `main button[name=step][value=recount]`)
	if got := eval[string](t, tab, `document.querySelector('li[data-group="2"] select[name="`+moved+`"]') ? "moved" : ""`); got != "moved" {
		t.Fatalf("the recount does not show %s in group 2:\n%s", moved, mainText(t, tab))
	}
	clickAndWait(t, tab, `main button[name=step][value=save]`)
	if text := mainText(t, tab); !strings.Contains(text, "Lagret") || !strings.Contains(text, "Arbeidsgruppe 1") {
		t.Fatalf("the groups were not saved:\n%s", text)
	}
	browsertest.AssertAxe(t, tab, "work groups saved (nb)")

	after, err := m.DB.FindWorkGroups(ctx, wp.ID)
	if err != nil {
		t.Fatal(err)
	}
	placed := 0
	movedID := strings.TrimPrefix(moved, "member-")
	inTwo := false
	for _, g := range after {
		placed += len(g.Members)
		for _, id := range g.Members {
			if itoa(id) == movedID && g.Number == 2 {
				inTwo = true
			}
		}
		if g.ID == before[0].ID {
			t.Errorf("group %d of the old set survived the new one", g.ID)
		}
	}
	staff := 0
	ms, err := m.DB.FindMemberships(ctx, laeringsliv.MembershipFilter{WorkplaceID: wp.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, ms := range ms {
		if ms.Role == laeringsliv.RoleParticipant || ms.Role == laeringsliv.RoleContributor {
			staff++
		}
	}
	if placed != staff || !inTwo {
		t.Errorf("%d placed of %d participants and contributors; the moved person in group 2: %v", placed, staff, inTwo)
	}
}

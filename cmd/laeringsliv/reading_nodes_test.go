package main

import (
	"context"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// Two nodes serve one reading workshop on one PostgreSQL: a member on node A sees the edits
// another member makes through node B live, and a screen that reconnects to node B with
// Last-Event-ID gets what it missed.
func TestReadingTwoNodes(t *testing.T) {
	dsn := sqltest.PostgresURL(t)
	a, _ := mustRunMain(t, dsn, true)
	b, _ := mustRunMain(t, dsn, true)
	for _, m := range []*Main{a, b} {
		t.Cleanup(func() {
			if err := m.Close(); err != nil {
				t.Error(err)
			}
		})
	}
	ctx := context.Background()
	wps, err := a.DB.FindWorkplaces(ctx, laeringsliv.WorkplaceFilter{InstitutionID: a.Institution.ID})
	if err != nil || len(wps) == 0 {
		t.Fatal(err)
	}
	wp := wps[0]
	// Two participants: members of a group of the demo's workshop.
	demoWS, err := a.DB.FindWorkshops(ctx, laeringsliv.WorkshopFilter{WorkplaceID: wp.ID})
	if err != nil || len(demoWS) == 0 {
		t.Fatalf("demo workshops: %v", err)
	}
	demoGroups, err := a.DB.FindReadingGroups(ctx, demoWS[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	people := demoGroups[0].MemberIDs
	ws := &laeringsliv.Workshop{WorkplaceID: wp.ID, Title: "To noder", Grouping: laeringsliv.GroupingByHand,
		Phase: laeringsliv.PhaseAgree}
	g := &laeringsliv.ReadingGroup{Number: 1, MemberIDs: people[:2]}
	if err := a.DB.CreateWorkshop(ctx, ws, []*laeringsliv.ReadingGroup{g}); err != nil {
		t.Fatal(err)
	}
	var tokens []string
	for _, id := range people[:2] {
		tok := laeringsliv.NewAPIToken()
		if err := a.DB.CreateAPIToken(ctx, &laeringsliv.APIToken{PersonID: id, TokenHash: laeringsliv.HashToken(tok)}); err != nil {
			t.Fatal(err)
		}
		tokens = append(tokens, tok)
	}
	path := "/workplaces/" + itoa(wp.ID) + "/reading/" + itoa(ws.ID)
	onA := sseLinesAs(t, a.URL()+path+"/events", tokens[0], "")
	edit := func(node *Main, tok string, base int, text string) {
		t.Helper()
		if code := postJSON(t, node.URL()+path+"/groups/"+itoa(g.ID)+"/edits", tok,
			map[string]any{"base": base, "start": 0, "end": 0, "text": text}, nil); code != 200 {
			t.Fatalf("edit on %s: %d", node.URL(), code)
		}
	}
	edit(b, tokens[1], 0, "fra B. ")
	waitLine(t, onA, `"text":"fra B. "`) // node B's edit reached node A's stream live
	edit(a, tokens[0], 1, "fra A. ")
	waitLine(t, onA, "id: 2")

	resumed := sseLinesAs(t, b.URL()+path+"/events", tokens[1], "1")
	waitLine(t, resumed, "id: 2")
	waitLine(t, resumed, `"text":"fra A. "`)
}

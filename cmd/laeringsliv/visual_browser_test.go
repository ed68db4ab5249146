package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/browsertest"
)

// The main screens, looked at as a person would at three sizes — a phone (390×844), a laptop
// (1280×800) and a 1080p projector — each checked for a page wider than the window, text cut
// off by its box and elements on top of each other. With LAERINGSLIV_SCREENSHOTS set, each is
// also saved as a full-page screenshot.
func TestBrowserVisualChecks(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	ctx := context.Background()
	leader := loginFor(t, m, laeringsliv.RoleLeader)
	home := homeWorkplace(t, m, leader)
	wp := "/workplaces/" + itoa(home.ID)

	// A session in writing with a few notes, so that the console and projector have content.
	sess := &laeringsliv.IPESession{WorkplaceID: home.ID, Kind: laeringsliv.IPEKindCapture,
		Question: "Hva er vi fornøyd med i dagens tjeneste, og hva kan vi gjøre bedre for beboerne våre?"}
	must(t, m.DB.CreateIPESession(ctx, sess, []string{"Gruppe 1", "Gruppe 2", "Gruppe 3"}, nil))
	_, err := m.DB.SetIPEPhase(ctx, sess.ID, laeringsliv.IPEPhaseDraft)
	must(t, err)
	for i := range 4 {
		p, token, err := m.DB.JoinIPE(ctx, sess.ID, 0)
		must(t, err)
		p.Token = token
		_, err = m.DB.AddIPENote(ctx, p, fmt.Sprintf("Forslag %d: faste overlappingsmøter ved vaktskiftet med dokumentasjonsansvarlig", i))
		must(t, err)
	}
	console := wp + "/ipe/" + itoa(sess.ID)
	programme := "/programmes/" + itoa(home.ProgrammeID)

	screens := []struct {
		role laeringsliv.Role // "" for nobody signed in
		path string
	}{
		{"", "/login"},
		{"", "/ipe?code=" + sess.JoinCode},
		{laeringsliv.RoleParticipant, "/"},
		{laeringsliv.RoleParticipant, wp},
		{laeringsliv.RoleParticipant, wp + "/study"},
		{laeringsliv.RoleParticipant, wp + "/gatherings"},
		{laeringsliv.RoleLeader, wp},
		{laeringsliv.RoleLeader, wp + "/innovations"},
		{laeringsliv.RoleLeader, console},
		{laeringsliv.RoleLeader, console + "/screen"},
		{laeringsliv.RoleTeacher, programme + "/reports"},
		{laeringsliv.RoleTeacher, programme + "/reports/progress"},
		{laeringsliv.RoleTeacher, wp + "/assessment"},
		{laeringsliv.RoleTeacher, programme + "/handbook"},
	}
	sizes := []struct {
		name string
		opts browsertest.TabOptions
	}{{"phone", browsertest.Phone390}, {"laptop", browsertest.Laptop}, {"projector", browsertest.Projector}}
	checked := 0
	for _, size := range sizes {
		tabs := map[laeringsliv.Role]context.Context{}
		tab := func(role laeringsliv.Role) context.Context {
			if tabs[role] == nil {
				tabs[role] = b.NewTab(t, norwegian(size.opts))
				if role != "" {
					signIn(t, tabs[role], m.URL(), loginFor(t, m, role), "/")
				}
			}
			return tabs[role]
		}
		for _, sc := range screens {
			c := tab(sc.role)
			if status := open(t, c, m.URL()+sc.path); status != 200 {
				t.Errorf("%s %s as %q: status %d", size.name, sc.path, sc.role, status)
				continue
			}
			problems, err := browsertest.LayoutProblems(c)
			must(t, err)
			for _, p := range problems {
				t.Errorf("%s %s as %q: %s", size.name, sc.path, sc.role, p)
			}
			shot(t, c, "visual-"+size.name+"-"+string(sc.role)+strings.NewReplacer("/", "-", "?", "-", "=", "-").Replace(sc.path))
			checked++
		}
	}
	t.Logf("%d screens checked at phone, laptop and projector sizes", checked)
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
	"laeringsliv/demo"
)

// readingWorkplace adds a workplace with eight participants, all with the demo password, and
// makes the demo teacher its teacher, so that a workshop has exactly two groups of four.
func readingWorkplace(t *testing.T, m *Main) (*laeringsliv.Workplace, []*laeringsliv.Person) {
	t.Helper()
	ctx := context.Background()
	teacher, err := m.DB.FindPersonByEmail(ctx, loginFor(t, m, laeringsliv.RoleTeacher).Email)
	must(t, err)
	hash, err := m.DB.PasswordHash(ctx, teacher.ID)
	must(t, err)
	home := homeWorkplace(t, m, loginFor(t, m, laeringsliv.RoleParticipant))
	wp := &laeringsliv.Workplace{ProgrammeID: home.ProgrammeID, Name: "Lesetun", Municipality: "Fjordvik", ServiceKind: laeringsliv.ServiceNursingHome}
	must(t, m.DB.CreateWorkplace(ctx, wp))
	must(t, m.DB.CreateMembership(ctx, &laeringsliv.Membership{PersonID: teacher.ID, Role: laeringsliv.RoleTeacher, WorkplaceID: wp.ID}))
	var people []*laeringsliv.Person
	for i := range 8 {
		p := &laeringsliv.Person{InstitutionID: m.Institution.ID, Name: fmt.Sprintf("Leser %d", i+1),
			Email: fmt.Sprintf("leser%d@lesetun.example", i+1), ShiftTeam: []string{"Helg A", "Helg B"}[i%2]}
		must(t, m.DB.CreatePerson(ctx, p))
		must(t, m.DB.SetPasswordHash(ctx, p.ID, hash))
		must(t, m.DB.CreateMembership(ctx, &laeringsliv.Membership{PersonID: p.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: wp.ID}))
		people = append(people, p)
	}
	return wp, people
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// waitFor polls a JavaScript condition until it holds or the time is up. A page that is being
// replaced (the script reloads it when the step changes) counts as not yet.
func waitFor(t *testing.T, ctx context.Context, js, what string) {
	t.Helper()
	// Generous: the suite runs browser tests in parallel on two shared cores; a wait that
	// succeeds takes milliseconds, so only a real failure pays the whole deadline.
	deadline := time.Now().Add(45 * time.Second)
	js = `(() => { try { return !!(` + js + `); } catch (e) { return false; } })()`
	for {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err == nil && v {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited for %s; page says:\n%s", what, mainText(t, ctx))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestBrowserReadingWorkshop runs a workshop with eight participants in two groups (kept by
// shift team) through its steps. Two members of one group type in the shared text at the same
// moment; both edits survive on both screens. Axe checks every screen.
func TestBrowserReadingWorkshop(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	wp, people := readingWorkplace(t, m)
	base := m.URL()

	teacher := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, teacher, base, loginFor(t, m, laeringsliv.RoleTeacher), "/")
	browsertest.Navigate(t, teacher, base+"/programmes/"+itoa(wp.ProgrammeID)+"/syllabus")
	browsertest.AssertAxe(t, teacher, "syllabus")
	browsertest.Navigate(t, teacher, base+"/workplaces/"+itoa(wp.ID)+"/reading")
	browsertest.AssertAxe(t, teacher, "workshop list")
	do(t, teacher, chromedp.SendKeys(chromedp.CSS("#f-title"), "Leseverksted i Lesetun"))
	clickAndWait(t, teacher, `main form button[type=submit]`)
	wsPath := path(t, teacher)
	browsertest.AssertAxe(t, teacher, "facilitator, prepare")

	ws, err := m.DB.FindWorkshops(context.Background(), laeringsliv.WorkshopFilter{WorkplaceID: wp.ID})
	must(t, err)
	groups, err := m.DB.FindReadingGroups(context.Background(), ws[0].ID)
	must(t, err)
	if len(groups) != 2 || len(groups[0].MemberIDs) != 4 || len(groups[1].MemberIDs) != 4 {
		t.Fatalf("groups %+v", groups)
	}
	byID := map[int64]*laeringsliv.Person{}
	for _, p := range people {
		byID[p.ID] = p
	}
	// Two members of group 1 on their phones; the other six answer through the store.
	var tabs []context.Context
	for _, id := range groups[0].MemberIDs[:2] {
		ctx := b.NewTab(t, norwegian(browsertest.Phone))
		p := byID[id]
		signIn(t, ctx, base, loginLike(p), "/")
		browsertest.Navigate(t, ctx, base+wsPath)
		tabs = append(tabs, ctx)
	}
	a, bb := tabs[0], tabs[1]
	browsertest.AssertAxe(t, a, "participant, prepare")
	for _, g := range groups {
		for _, id := range g.MemberIDs {
			if id == groups[0].MemberIDs[0] || id == groups[0].MemberIDs[1] {
				continue
			}
			must(t, m.DB.SaveAnswer(context.Background(), &laeringsliv.Answer{WorkshopID: ws[0].ID, PersonID: id,
				Interesting: "Svar fra " + byID[id].Name, Connects: "Praksis"}))
		}
	}

	next := func(want string) {
		t.Helper()
		clickAndWait(t, teacher, `form[action$="/phase"] button`)
		waitFor(t, teacher, `document.querySelector("[aria-current=step]").textContent.trim() === `+jsString(want), "step "+want)
	}
	next("Hver for seg")
	waitFor(t, a, `document.querySelector("[aria-current=step]").textContent.trim() === "Hver for seg"`, "A's page to follow")
	do(t, a, chromedp.SendKeys(chromedp.CSS("#f-interesting"), "ALFA-INTERESSANT"))
	waitFor(t, a, `document.querySelector("[data-save-status]").textContent !== ""`, "the draft to be saved")
	browsertest.AssertAxe(t, a, "participant, individual")
	if strings.Contains(mainText(t, bb), "ALFA-INTERESSANT") {
		t.Fatal("B sees A's answer before the share step")
	}

	// B types in the last second before the facilitator moves on: the page's final save, made
	// in the individual step, is accepted in the share step's grace window, and A sees it.
	do(t, bb, chromedp.SendKeys(chromedp.CSS("#f-interesting"), "BETA-SISTE"))
	next("Del i gruppa")
	waitFor(t, bb, `document.querySelector("main").innerText.includes("ALFA-INTERESSANT")`, "B to see A's answer")
	waitFor(t, a, `document.querySelector("main").innerText.includes("BETA-SISTE")`, "A to see B's last-second answer")
	browsertest.AssertAxe(t, bb, "participant, share")
	browsertest.AssertAxe(t, teacher, "facilitator, share")

	next("Bli enige")
	for _, ctx := range tabs {
		waitFor(t, ctx, `!!document.querySelector("form[data-presentation] textarea")`, "the shared text")
	}
	browsertest.AssertAxe(t, a, "participant, agree")
	browsertest.AssertAxe(t, teacher, "facilitator, agree")
	// Both type at the same moment.
	var wg sync.WaitGroup
	for i, ctx := range tabs {
		text := []string{"Alfa skriver dette.", "Beta skriver dette."}[i]
		wg.Go(func() {
			if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("form[data-presentation] textarea"), text)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	both := `(v => v.includes("Alfa skriver dette.") && v.includes("Beta skriver dette."))(document.querySelector("form[data-presentation] textarea").value)`
	for _, ctx := range tabs {
		waitFor(t, ctx, both, "both edits on each screen")
	}
	// The facilitator's page follows every group's text live, not only the first.
	waitFor(t, teacher, `(v => v.includes("Alfa skriver dette.") && v.includes("Beta skriver dette."))(document.querySelector("#f-presentation-`+itoa(groups[0].ID)+`").value)`, "group 1's text on the facilitator's page")
	g2 := itoa(groups[1].ID)
	// The facilitator sends an edit of group 2 without its editor (as a member's phone would);
	// the editor on the page takes it from the stream.
	eval[bool](t, teacher, `(fetch(location.pathname + "/groups/`+g2+`/edits", {method: "POST", credentials: "same-origin",
		headers: {"Accept": "application/json", "Content-Type": "application/json"}, body: JSON.stringify({base: 0, start: 0, end: 0, text: "GRUPPE-TO"})}), true)`)
	waitFor(t, teacher, `document.querySelector("#f-presentation-`+g2+`").value === "GRUPPE-TO"`, "group 2's text on the facilitator's page")
	g, err := m.DB.FindReadingGroups(context.Background(), ws[0].ID)
	must(t, err)
	if !strings.Contains(g[0].Presentation, "Alfa skriver dette.") || !strings.Contains(g[0].Presentation, "Beta skriver dette.") {
		t.Fatalf("stored text %q lost an edit", g[0].Presentation)
	}

	next("Plenum")
	browsertest.AssertAxe(t, teacher, "facilitator, plenum step")
	browsertest.Navigate(t, teacher, base+wsPath+"/plenum")
	browsertest.AssertAxe(t, teacher, "plenum side by side")
	if !strings.Contains(mainText(t, teacher), "Beta skriver dette.") {
		t.Error("the plenum lacks the group's text")
	}
	// The plenum is a presentation: no app frame, type from 32 px; the arrow key steps on.
	if eval[bool](t, teacher, `!!document.querySelector('header.app-header')`) {
		t.Error("the plenum shows the app's header")
	}
	if px := eval[float64](t, teacher, `parseFloat(getComputedStyle(document.querySelector('.app-presentation')).fontSize)`); px < 32 {
		t.Errorf("the plenum's text at %.0f px; want at least 32", px)
	}
	browsertest.Navigate(t, teacher, base+wsPath+"/plenum?group=1")
	browsertest.AssertAxe(t, teacher, "plenum one by one")
	if eval[bool](t, teacher, `!!document.querySelector('a[data-key=ArrowRight]')`) {
		if _, err := chromedp.Run(teacher, chromedp.WaitEvent(page.LoadEventFired, nil,
			chromedp.Evaluate[chromedp.Void](`document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight'}))`))); err != nil {
			t.Fatal(err)
		}
		if q := eval[string](t, teacher, `location.search`); q != "?group=2" {
			t.Errorf("the right arrow led to %q", q)
		}
	}
	browsertest.Navigate(t, teacher, base+wsPath+"/summary")
	browsertest.AssertAxe(t, teacher, "summary")
	if txt := mainText(t, teacher); !strings.Contains(txt, "Leser") || !strings.Contains(txt, "Alfa skriver dette.") {
		t.Errorf("summary lacks members or presentation:\n%s", txt)
	}
}

// loginLike is the demo login of a person given the demo password.
func loginLike(p *laeringsliv.Person) demo.Login {
	return demo.Login{Role: laeringsliv.RoleParticipant, Name: p.Name, Email: p.Email, Password: demo.Password}
}

// TestBrowserReadingUploads uploads what the reading workshop takes as files: a teacher a PDF
// with a syllabus text, a group member a photo of the group's presentation. Each first gets a
// file of the wrong type, is refused with a clear message and finds what was typed still in the
// form. Axe checks every screen.
func TestBrowserReadingUploads(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	wp, people := readingWorkplace(t, m)
	base := m.URL()
	dir := t.TempDir()
	wrong := writeFile(t, dir, "kapittel.pdf", []byte("Dette er et notat, ikke en PDF.\n"))
	pdf := writeFile(t, dir, "kapittel 4.pdf", smallPDF("Kapittel 4"))
	notPhoto := writeFile(t, dir, "flippover.png", []byte("GIF89a er ikke et bilde fra kameraet"))
	photo := writeFile(t, dir, "flippover.png", smallPNG())

	teacher := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, teacher, base, loginFor(t, m, laeringsliv.RoleTeacher), "/")
	browsertest.Navigate(t, teacher, base+"/programmes/"+itoa(wp.ProgrammeID)+"/syllabus")
	do(t, teacher, chromedp.SendKeys(chromedp.CSS("#f-title"), "Læring i arbejdslivet"),
		chromedp.SendKeys(chromedp.CSS("#f-authors"), "Illeris, K."),
		chromedp.SendKeys(chromedp.CSS("#f-year"), "2011"),
		chromedp.SendKeys(chromedp.CSS("#f-pages"), "18"),
		chromedp.SendKeys(chromedp.CSS("#f-summary"), "KORT-OPPSUMMERING på vanlig språk."),
		chromedp.SetUploadFiles(chromedp.CSS("#f-file"), []string{wrong}))
	submit := `form[action$="/syllabus"] button[type=submit]`
	clickAndWait(t, teacher, submit)
	if txt := mainText(t, teacher); !strings.Contains(txt, "Filen er ikke en PDF") {
		t.Fatalf("no refusal of the wrong file:\n%s", txt)
	}
	if eval[string](t, teacher, `document.querySelector("#f-title").value`) != "Læring i arbejdslivet" ||
		eval[string](t, teacher, `document.querySelector("#f-summary").value`) != "KORT-OPPSUMMERING på vanlig språk." ||
		!eval[bool](t, teacher, `document.querySelector("#f-file").getAttribute("aria-invalid") === "true"`) {
		t.Fatal("the typed fields did not survive the refused file")
	}
	browsertest.AssertAxe(t, teacher, "syllabus, PDF refused")
	do(t, teacher, chromedp.SetUploadFiles(chromedp.CSS("#f-file"), []string{pdf}))
	clickAndWait(t, teacher, submit)
	waitFor(t, teacher, `[...document.querySelectorAll("main a")].some(a => a.textContent.includes("Læring i arbejdslivet") && a.href.endsWith("/file"))`, "the link to the PDF")
	browsertest.AssertAxe(t, teacher, "syllabus with a PDF")
	got, err := chromedp.Run(teacher, chromedp.Evaluate[string](`(async () => {
		const a = [...document.querySelectorAll("main a")].find(a => a.href.endsWith("/file"));
		const r = await fetch(a.href); return r.status + " " + r.headers.get("Content-Type") + " " + (await r.text()).slice(0, 8); })()`,
		chromedp.EvalAwaitPromise))
	if err != nil || got != "200 application/pdf %PDF-1.4" {
		t.Errorf("the PDF answers %q, %v", got, err)
	}

	// A workshop in the agree step, where a member photographs the flipchart.
	ctx := context.Background()
	ws := &laeringsliv.Workshop{WorkplaceID: wp.ID, Title: "Leseverksted med bilde", Grouping: laeringsliv.GroupingByHand}
	g1 := &laeringsliv.ReadingGroup{Number: 1, MemberIDs: []int64{people[0].ID, people[1].ID, people[2].ID, people[3].ID}}
	g2 := &laeringsliv.ReadingGroup{Number: 2, MemberIDs: []int64{people[4].ID, people[5].ID, people[6].ID, people[7].ID}}
	must(t, m.DB.CreateWorkshop(ctx, ws, []*laeringsliv.ReadingGroup{g1, g2}))
	must(t, m.DB.SetWorkshopPhase(ctx, ws.ID, laeringsliv.PhaseAgree))
	wsPath := "/workplaces/" + itoa(wp.ID) + "/reading/" + itoa(ws.ID)
	member := b.NewTab(t, norwegian(browsertest.Phone))
	signIn(t, member, base, loginLike(people[0]), "/")
	browsertest.Navigate(t, member, base+wsPath)
	id := itoa(g1.ID)
	alt := "Flippover med tre ord i midten: tid, ro, tillit."
	do(t, member, chromedp.SendKeys(chromedp.CSS("#f-alt-"+id), alt),
		chromedp.SetUploadFiles(chromedp.CSS("#f-photo-"+id), []string{notPhoto}))
	browsertest.AssertAxe(t, member, "photo form filled in")
	clickAndWait(t, member, `form[action$="/photo"] button[type=submit]`)
	if txt := mainText(t, member); !strings.Contains(txt, "ikke et bilde i JPEG, PNG eller WebP") {
		t.Fatalf("no refusal of the wrong photo:\n%s", txt)
	}
	if eval[string](t, member, `document.querySelector("#f-alt-`+id+`").value`) != alt {
		t.Fatal("the alt text did not survive the refused file")
	}
	browsertest.AssertAxe(t, member, "photo refused")
	do(t, member, chromedp.SetUploadFiles(chromedp.CSS("#f-photo-"+id), []string{photo}))
	clickAndWait(t, member, `form[action$="/photo"] button[type=submit]`)
	shown := `[...document.querySelectorAll("img.app-photo")].some(img => img.alt === ` + jsString(alt) + ` && img.complete && img.naturalWidth === 24)`
	waitFor(t, member, shown, "the uploaded photo with its alt text")
	browsertest.AssertAxe(t, member, "photo uploaded")

	for _, p := range []string{"/plenum", "/plenum?group=1", "/summary"} {
		browsertest.Navigate(t, teacher, base+wsPath+p)
		waitFor(t, teacher, shown, "the photo on "+p)
		browsertest.AssertAxe(t, teacher, p+" with a photo")
	}
}

// writeFile writes a file for a file input to pick.
func writeFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	sub, err := os.MkdirTemp(dir, "f")
	must(t, err)
	p := filepath.Join(sub, name)
	must(t, os.WriteFile(p, b, 0o600))
	return p
}

// smallPDF is a one-page PDF with a title line, with a correct cross-reference table.
func smallPDF(title string) []byte {
	content := "BT /F1 18 Tf 72 720 Td (" + title + ") Tj ET"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return []byte(b.String())
}

// smallPNG is a 24×16 picture: a light sheet with a dark band, like a photographed flipchart.
func smallPNG() []byte {
	img := image.NewGray(image.Rect(0, 0, 24, 16))
	for i := range img.Pix {
		img.Pix[i] = 235
		if y := i / 24; y >= 6 && y < 10 {
			img.Pix[i] = 40
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

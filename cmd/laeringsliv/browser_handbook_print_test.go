package main

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
)

// TestBrowserHandbookPrintToPDF prints the demo's published handbook, with a long chapter
// added, to PDF in Chromium, and checks the PDF against what its contents page says: the
// number of pages, and that each chapter starts on the page printed beside its title (read
// from the PDF's own link destinations, which Chromium writes for the contents' links).
func TestBrowserHandbookPrintToPDF(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	ctx := context.Background()
	h := programmeHandbook(t, m, workplaces(t, m)[0].ProgrammeID)
	var long strings.Builder
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&long, "Avsnitt %d. Den som jobber natt, må også kunne delta: legg samlingene slik at alle kan komme i arbeidstida si, og gjenta dem heller enn å la noen stå utenfor.\n\n", i)
		if i%10 == 0 {
			fmt.Fprintf(&long, "### Del %d\n\n", i/10+1)
		}
	}
	c := &laeringsliv.HandbookChapter{HandbookID: h.ID, Title: "Lang erfaring «natt & dag»", Body: long.String()}
	if err := m.DB.CreateChapter(ctx, c, loginPerson(t, m, laeringsliv.RoleTeacher)); err != nil {
		t.Fatal(err)
	}
	if err := m.DB.SetHandbookPublished(ctx, h.ID, true); err != nil {
		t.Fatal(err)
	}
	tab := b.NewTab(t, norwegian(browsertest.Desktop))
	browsertest.Navigate(t, tab, m.URL()+"/handbooks/"+itoa(h.ID))
	css := true
	res, err := chromedp.Call(tab, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &css})
	if err != nil {
		t.Fatal(err)
	}
	pdf := res.Data
	toc := eval[[][]string](t, tab, `[...document.querySelectorAll(".app-toc-page")].map(e => [e.dataset.for, e.textContent])`)
	total := eval[string](t, tab, `document.documentElement.dataset.printPages || ""`)
	pages, dests := pdfPages(t, pdf)
	if len(toc) < 6 {
		t.Fatalf("the contents list %d chapters, want the demo's five and the long one", len(toc))
	}
	if want, _ := strconv.Atoi(total); len(pages) != want || want < len(toc)+3 {
		t.Errorf("the PDF has %d pages; the print script counted %s", len(pages), total)
	}
	for _, e := range toc {
		got, ok := dests[e[0]]
		if !ok {
			t.Errorf("the PDF has no destination for %s", e[0])
			continue
		}
		if strconv.Itoa(got) != e[1] {
			t.Errorf("%s starts on page %d of the PDF; the contents say %q", e[0], got, e[1])
		}
	}
	t.Logf("printed %d pages; contents %v", len(pages), toc)
}

var (
	pdfObject = regexp.MustCompile(`(?m)^(\d+) 0 obj\b`)
	pdfRef    = regexp.MustCompile(`(\d+) 0 R`)
	pdfKids   = regexp.MustCompile(`/Kids \[([^\]]*)\]`)
	pdfDests  = regexp.MustCompile(`/Dests (\d+) 0 R`)
	pdfDest   = regexp.MustCompile(`/([^\s/\[\]<>()]+)\s*\[(\d+) 0 R`)
)

// pdfPages reads a PDF as Chromium writes it (no object streams): the page objects in order,
// walking the page tree from its root, and the page number (from 1) of each named
// destination.
func pdfPages(t *testing.T, pdf []byte) (pages []string, dests map[string]int) {
	t.Helper()
	objs := map[string]string{}
	locs := pdfObject.FindAllSubmatchIndex(pdf, -1)
	for i, l := range locs {
		end := len(pdf)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		body := pdf[l[1]:end]
		if k := bytes.Index(body, []byte("stream")); k >= 0 {
			body = body[:k]
		}
		objs[string(pdf[l[2]:l[3]])] = string(body)
	}
	var root string
	for id, o := range objs {
		if strings.Contains(o, "/Type /Pages") && !strings.Contains(o, "/Parent") {
			root = id
		}
	}
	var walk func(id string)
	walk = func(id string) {
		o := objs[id]
		if !strings.Contains(o, "/Type /Pages") {
			pages = append(pages, id)
			return
		}
		if k := pdfKids.FindStringSubmatch(o); k != nil {
			for _, r := range pdfRef.FindAllStringSubmatch(k[1], -1) {
				walk(r[1])
			}
		}
	}
	if root == "" {
		t.Fatal("the PDF has no page tree")
	}
	walk(root)
	index := map[string]int{}
	for i, p := range pages {
		index[p] = i + 1
	}
	dests = map[string]int{}
	for _, o := range objs {
		if m := pdfDests.FindStringSubmatch(o); m != nil && strings.Contains(o, "/Type /Catalog") {
			for _, d := range pdfDest.FindAllStringSubmatch(objs[m[1]], -1) {
				dests[d[1]] = index[d[2]]
			}
		}
	}
	return pages, dests
}

package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"laeringsliv/internal/epubcheck"
)

// The demo's published handbook is linked from the sign-in page and downloads as an e-book
// that epubcheck accepts. It has an image with alt text, frozen embeds with their snapshots
// taken at publication, and a chapter in Nynorsk and English.
func TestDemoHandbookEPUB(t *testing.T) {
	m := startApp(t)
	hs, err := m.DB.FindPublishedHandbooks(context.Background())
	if err != nil || len(hs) != 1 {
		t.Fatalf("published handbooks %v %v; want the demo's one", hs, err)
	}
	chs, err := m.DB.FindChapters(context.Background(), hs[0].ID)
	if err != nil || len(chs) < 5 {
		t.Fatalf("the demo handbook has %d chapters (%v)", len(chs), err)
	}
	ctx := context.Background()
	imgs, err := m.DB.FindHandbookImages(ctx, hs[0].ID)
	if err != nil || len(imgs) == 0 || imgs[0].Alt == "" {
		t.Errorf("the demo handbook has no image with alt text: %v %v", imgs, err)
	}
	snaps, err := m.DB.FindSnapshots(ctx, hs[0].ID)
	if err != nil || len(snaps) < 2 {
		t.Errorf("the demo handbook has %d frozen snapshots, want an innovation and a chart (%v)", len(snaps), err)
	}
	for _, lang := range []string{"nn", "en"} {
		if trs, err := m.DB.FindTranslations(ctx, hs[0].ID, lang); err != nil || len(trs) == 0 {
			t.Errorf("the demo handbook has no chapter in %s (%v)", lang, err)
		}
	}
	resp, err := http.Get(m.URL() + "/handbooks/" + itoa(hs[0].ID) + "/epub")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/epub+zip" {
		t.Fatalf("e-book: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	path := filepath.Join(t.TempDir(), "demo.epub")
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	epubcheck.Check(t, path)
}

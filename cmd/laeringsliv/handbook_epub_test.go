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
// that epubcheck accepts.
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

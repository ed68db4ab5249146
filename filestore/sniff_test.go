package filestore

import (
	"bytes"
	"strings"
	"testing"

	"laeringsliv"
)

func sniffBytes(b []byte) (laeringsliv.FileKind, string, bool) {
	return Sniff(b[:min(len(b), SniffLen)], bytes.NewReader(b), int64(len(b)))
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		kind laeringsliv.FileKind // empty: refused
		ct   string
	}{
		{"pdf", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), laeringsliv.FilePDF, "application/pdf"},
		{"mp4", mp4("isom", 1000), laeringsliv.FileVideo, "video/mp4"},
		{"iphone mov", mp4("qt  ", 1000), laeringsliv.FileVideo, "video/quicktime"},
		{"android 3gp", mp4("3gp4", 10), laeringsliv.FileVideo, "video/mp4"},
		{"webm", webm(), laeringsliv.FileVideo, "video/webm"},
		{"docx", docx(), laeringsliv.FileOffice, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{"odt", odt(), laeringsliv.FileOffice, "application/vnd.oasis.opendocument.text"},
		{"png", pngFile(), laeringsliv.FileImage, "image/png"},
		{"jpeg", jpegFile(), laeringsliv.FileImage, "image/jpeg"},
		{"text", []byte("Refleksjonslogg – æøå\n"), laeringsliv.FileText, "text/plain; charset=utf-8"},
		{"truncated mp4", mp4("isom", 1000)[:500], "", ""},
		{"mp4 without moov", append(box("ftyp", []byte("isom\x00\x00\x00\x00")), box("mdat", make([]byte, 10))...), "", ""},
		{"heic is no video", mp4("heic", 10), "", ""},
		{"exe", append([]byte("MZ\x90\x00"), make([]byte, 100)...), "", ""},
		{"plain zip", zipOf(map[string]string{"a.txt": "x"}, ""), "", ""},
		{"zip named docx without parts", zipOf(map[string]string{"word/x.xml": "x"}, ""), "", ""},
		{"html", []byte("<!DOCTYPE html><script>alert(1)</script>"), "", ""},
		{"png header only", pngFile()[:20], "", ""},
		{"webm-like without doctype", []byte{0x1A, 0x45, 0xDF, 0xA3, 0, 0, 0, 0}, "", ""},
		{"empty", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind, ct, ok := sniffBytes(tt.data)
			if ok != (tt.kind != "") || kind != tt.kind || ct != tt.ct {
				t.Errorf("Sniff = %q, %q, %v; want %q, %q", kind, ct, ok, tt.kind, tt.ct)
			}
		})
	}
}

func FuzzSniff(f *testing.F) {
	for _, b := range [][]byte{mp4("isom", 50), mp4("qt  ", 0), webm(), docx(), odt(), pngFile(), []byte("%PDF-1.4"), []byte("tekst")} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		kind, ct, ok := sniffBytes(b)
		if ok != (kind != "") || ok != (ct != "") || (ok && !kind.Valid()) {
			t.Fatalf("Sniff = %q, %q, %v", kind, ct, ok)
		}
	})
}

func TestDisplayName(t *testing.T) {
	tests := map[string]string{
		"refleksjon.docx":               "refleksjon.docx",
		"../../etc/passwd":              "passwd",
		`C:\Users\kari\Video AK3.mov`:   "Video AK3.mov",
		"":                              "file",
		"..":                            "file",
		"a\x00b\nc.pdf":                 "abc.pdf",
		"Møtereferat æøå.pdf":           "Møtereferat æøå.pdf",
		strings.Repeat("å", 150) + ".x": strings.Repeat("å", 100),
	}
	for in, want := range tests {
		if got := DisplayName(in); got != want {
			t.Errorf("DisplayName(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzDisplayName(f *testing.F) {
	f.Add("../a/b.pdf")
	f.Fuzz(func(t *testing.T, s string) {
		got := DisplayName(s)
		if got == "" || strings.ContainsAny(got, "/\x00\n") || len(got) > 200 || got == ".." {
			t.Fatalf("DisplayName(%q) = %q", s, got)
		}
	})
}

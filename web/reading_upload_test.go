package web

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// postForm sends fields and, when file is not nil, a file under fileField, as a multipart form.
func (f *fixture) postForm(t *testing.T, c *http.Client, path string, fields [][2]string, fileField, name string, file io.Reader) (*http.Response, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for _, kv := range fields {
		must(t, mw.WriteField(kv[0], kv[1]))
	}
	if file != nil {
		w, err := mw.CreateFormFile(fileField, name)
		must(t, err)
		_, err = io.Copy(w, file)
		must(t, err)
	}
	must(t, mw.Close())
	req, err := http.NewRequest(http.MethodPost, f.srv.URL+path, &b)
	must(t, err)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.Do(req)
	must(t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// tinyPDF is the start of a PDF: enough for the sniffer, which reads the signature.
var tinyPDF = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

// TestSyllabusPDF: a teacher uploads a PDF with a text, which participants of the programme
// download; a file that is not a PDF, or one over the cap, is refused with the fields typed
// kept; a new PDF replaces the old.
func TestSyllabusPDF(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	teacher := f.signIn(t, laeringsliv.RoleTeacher)
	base := "/programmes/" + itoa(f.p1.ID) + "/syllabus"
	fields := [][2]string{{"title", "Læring på arbejdspladsen"}, {"authors", "Forfatter E"}, {"year", "2012"},
		{"language", "da"}, {"pages", "26"}, {"url", ""}, {"summary", "Om å lære sammen."}}

	resp, body := f.postForm(t, teacher, base, fields, "file", "tekst.pdf", bytes.NewReader(append([]byte("MZ"), make([]byte, 600)...)))
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Filen er ikke en PDF") ||
		!strings.Contains(body, "Læring på arbejdspladsen") || !strings.Contains(body, "Om å lære sammen.") {
		t.Fatalf("wrong type: %d\n%s", resp.StatusCode, body)
	}
	big := io.MultiReader(bytes.NewReader(tinyPDF), io.LimitReader(zeros{}, laeringsliv.MaxSyllabusFileBytes))
	resp, body = f.postForm(t, teacher, base, fields, "file", "stor.pdf", big)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "større enn 50 MB") || !strings.Contains(body, "Forfatter E") {
		t.Fatalf("too large: %d\n%s", resp.StatusCode, body)
	}
	resp, body = f.postForm(t, teacher, base, append(fields[:4:4], [2]string{"pages", "x"}), "file", "tekst.pdf", bytes.NewReader(tinyPDF))
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Forfatter E") {
		t.Fatalf("bad pages with a PDF: %d\n%s", resp.StatusCode, body)
	}
	if texts, _ := f.db.FindSyllabusTexts(t.Context(), f.p1.ID); len(texts) != 0 {
		t.Fatalf("refused forms stored %+v", texts)
	}

	resp, _ = f.postForm(t, teacher, base, fields, "file", "kapittel 3.pdf", bytes.NewReader(tinyPDF))
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload: %d", resp.StatusCode)
	}
	texts, err := f.db.FindSyllabusTexts(t.Context(), f.p1.ID)
	if err != nil || len(texts) != 1 || texts[0].FileName != "kapittel 3.pdf" || texts[0].FileSize != int64(len(tinyPDF)) {
		t.Fatalf("stored %+v, %v", texts, err)
	}
	file := base + "/" + itoa(texts[0].ID) + "/file"
	participant := f.signIn(t, laeringsliv.RoleParticipant)
	_, page := f.do(t, participant, http.MethodGet, base, nil)
	if !strings.Contains(page, `href="`+file+`"`) {
		t.Fatalf("no link to the PDF:\n%s", page)
	}
	resp, err = participant.Get(f.srv.URL + file)
	must(t, err)
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.Equal(got, tinyPDF) || resp.Header.Get("Content-Type") != "application/pdf" ||
		!strings.Contains(resp.Header.Get("Content-Disposition"), "inline") {
		t.Fatalf("download: %d %v", resp.StatusCode, resp.Header)
	}

	// A new PDF replaces the old, whose file is deleted; a save without a file keeps it.
	old := texts[0].FileKey
	second := append(append([]byte{}, tinyPDF...), "% andre\n"...)
	f.postForm(t, teacher, base+"/"+itoa(texts[0].ID), fields, "file", "ny.pdf", bytes.NewReader(second))
	f.postForm(t, teacher, base+"/"+itoa(texts[0].ID), fields, "file", "", nil)
	now, _ := f.db.FindSyllabusText(t.Context(), texts[0].ID)
	if now.FileName != "ny.pdf" || now.FileKey == old {
		t.Fatalf("after replacing: %+v", now)
	}
	if _, err := f.server.svc.Files.Open(t.Context(), old); err == nil {
		t.Errorf("the replaced PDF is still stored")
	}
}

// zeros reads as endless zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

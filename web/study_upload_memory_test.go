package web

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"laeringsliv/internal/memstat"
	"mime/multipart"
	"net/http"
	"os"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// generatedMovie yields a valid QuickTime file of size bytes without holding it.
type generatedMovie struct {
	head []byte
	left int64
}

func newGeneratedMovie(size int64) *generatedMovie {
	head := movie(0) // ftyp, moov and an empty mdat header
	binary.BigEndian.PutUint32(head[len(head)-8:], uint32(size-int64(len(head))+8))
	return &generatedMovie{head: head, left: size - int64(len(head))}
}

func (g *generatedMovie) Read(p []byte) (int, error) {
	if len(g.head) > 0 {
		n := copy(p, g.head)
		g.head = g.head[n:]
		return n, nil
	}
	if g.left == 0 {
		return 0, io.EOF
	}
	n := int(min(int64(len(p)), g.left))
	clear(p[:n])
	g.left -= int64(n)
	return n, nil
}

// TestUpload1GBThroughDraftHandler streams a 1 GiB video through the real draft endpoint (TLS,
// session, policy, multipart, sniffing, directory store) and prints how much the heap and the
// resident set rose at their peak. Client and server share the process, so the figures are an
// upper bound for the server.
func TestUpload1GBThroughDraftHandler(t *testing.T) {
	const size = 1 << 30
	f := newFixture(t, sqltest.OpenSQLite(t))
	req := &laeringsliv.WorkRequirement{ProgrammeID: f.p1.ID, Code: "AK3", Title: "Video", Mode: laeringsliv.ModeIndividual,
		DueGathering: laeringsliv.GatheringEvaluation, FileKinds: []laeringsliv.FileKind{laeringsliv.FileVideo}, MaxBytes: 2 << 30, Assessors: 2}
	must(t, f.db.CreateRequirement(context.Background(), req))
	c := f.signIn(t, laeringsliv.RoleParticipant)

	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		err := mw.WriteField("text", "Teksten skal overleve")
		var part io.Writer
		if err == nil {
			part, err = mw.CreateFormFile("file", "AK3.mov")
		}
		if err == nil {
			_, err = io.Copy(part, newGeneratedMovie(size))
		}
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	watch := memstat.Start()
	start := time.Now()
	r, err := http.NewRequest(http.MethodPost, f.srv.URL+"/workplaces/"+itoa(f.own.ID)+"/requirements/"+itoa(req.ID)+"/draft", pr)
	must(t, err)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.Header.Set("X-Upload", "1")
	resp, err := c.Do(r)
	must(t, err)
	resp.Body.Close()
	heapRise, rssRise := watch.Stop()
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("upload: %d", resp.StatusCode)
	}
	subs, err := f.db.FindSubmissions(context.Background(), laeringsliv.SubmissionFilter{RequirementID: req.ID})
	must(t, err)
	if len(subs) != 1 || len(subs[0].Files) != 1 || subs[0].Files[0].Size != size || subs[0].Text != "Teksten skal overleve" {
		t.Fatalf("stored %+v", subs)
	}
	msg := fmt.Sprintf("1 GiB upload through the draft handler over TLS: peak heap rise %.1f MiB, peak RSS rise %.1f MiB, %v",
		float64(heapRise)/(1<<20), float64(rssRise)/(1<<20), time.Since(start).Round(time.Millisecond))
	t.Log(msg)
	fmt.Fprintln(os.Stderr, msg)
	if heapRise > 64<<20 {
		t.Errorf("heap rose by %d bytes: the upload is being held in memory", heapRise)
	}
}

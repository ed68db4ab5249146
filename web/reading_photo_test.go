package web

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

func TestParsePhotoAlt(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"plain", "Flippover med tre punkter om vaktskiftet", "Flippover med tre punkter om vaktskiftet", true},
		{"trimmed", "  Tavle \n", "Tavle", true},
		{"control characters dropped", "Ta\x00v\x1ble", "Tavle", true},
		{"newlines kept", "Linje 1\nLinje 2", "Linje 1\nLinje 2", true},
		{"empty", "", "", false},
		{"only spaces", " \t\n ", "", false},
		{"at the limit", strings.Repeat("æ", 500), strings.Repeat("æ", 500), true},
		{"over the limit", strings.Repeat("a", 501), strings.Repeat("a", 501), false},
		{"far over the limit", strings.Repeat("a", 5000), strings.Repeat("a", 501), false},
		{"invalid UTF-8", "Bil\xffde", "Bilde", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parsePhotoAlt(url.Values{"alt": {tt.in}})
			if got != tt.want || (err == nil) != tt.ok {
				t.Errorf("got %q, %v; want %q, ok=%v", got, err, tt.want, tt.ok)
			}
			if err != nil && laeringsliv.ErrorKey(err) != "reading.error.photo_alt_required" {
				t.Errorf("key %q", laeringsliv.ErrorKey(err))
			}
		})
	}
	if _, err := parsePhotoAlt(url.Values{}); err == nil {
		t.Error("a missing alt text is accepted")
	}
}

func FuzzParsePhotoAlt(f *testing.F) {
	f.Add("Flippover med tre punkter")
	f.Add(" \x00\xff")
	f.Add(strings.Repeat("ø", 600))
	f.Fuzz(func(t *testing.T, in string) {
		alt, err := parsePhotoAlt(url.Values{"alt": {in}})
		if !utf8.ValidString(alt) || utf8.RuneCountInString(alt) > maxPhotoAlt+1 {
			t.Fatalf("returned %q", alt)
		}
		if err == nil && (strings.TrimSpace(alt) == "" || laeringsliv.ValidatePhotoAlt(alt) != nil) {
			t.Fatalf("accepted %q", alt)
		}
	})
}

// pngPhoto is a small real PNG, checked by the sniffer as a phone's photo would be.
func pngPhoto(t *testing.T, shade uint8) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 6, 4))
	for i := range img.Pix {
		img.Pix[i] = shade
	}
	var b bytes.Buffer
	must(t, png.Encode(&b, img))
	return b.Bytes()
}

// TestReadingGroupPhoto: a member uploads a photo of the presentation with an alt text in the
// agree step; a wrong file or a missing alt text is refused with what was typed kept; others
// of the workplace see the photo on the plenum and the summary; a new photo replaces the old,
// whose file is deleted; a non-member may not upload.
func TestReadingGroupPhoto(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	a := f.people[laeringsliv.RoleParticipant]
	b := &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Deltaker B", Email: "b@fjordvik.kommune.no"}
	must(t, f.db.CreatePerson(ctx, b))
	must(t, f.db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: b.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: f.own.ID}))
	ws := &laeringsliv.Workshop{WorkplaceID: f.own.ID, Title: "Leseverksted", Grouping: laeringsliv.GroupingRandom}
	g1 := &laeringsliv.ReadingGroup{Number: 1, MemberIDs: []int64{a.ID}}
	g2 := &laeringsliv.ReadingGroup{Number: 2, MemberIDs: []int64{b.ID}}
	must(t, f.db.CreateWorkshop(ctx, ws, []*laeringsliv.ReadingGroup{g1, g2}))
	ca, cb, leader := f.signInAs(t, a), f.signInAs(t, b), f.signIn(t, laeringsliv.RoleLeader)
	path := workshopPath(ws)
	photo := path + "/groups/" + itoa(g1.ID) + "/photo"
	alt := [][2]string{{"alt", "Flippover: «tid til å snakke» i midten"}}

	if resp, body := f.postForm(t, ca, photo, alt, "photo", "ark.png", bytes.NewReader(pngPhoto(t, 10))); resp.StatusCode != http.StatusConflict ||
		!strings.Contains(body, "Bilde av framlegget kan bare lastes opp") {
		t.Fatalf("before the agree step: %d", resp.StatusCode)
	}
	must(t, f.db.SetWorkshopPhase(ctx, ws.ID, laeringsliv.PhaseAgree))
	if resp, _ := f.postForm(t, cb, photo, alt, "photo", "ark.png", bytes.NewReader(pngPhoto(t, 10))); resp.StatusCode != http.StatusForbidden {
		t.Errorf("another group's member uploads: %d", resp.StatusCode)
	}

	var anim bytes.Buffer
	must(t, gif.Encode(&anim, image.NewPaletted(image.Rect(0, 0, 2, 2), color.Palette{color.Black, color.White}), nil))
	for name, file := range map[string][]byte{"ark.pdf": tinyPDF, "ark.gif": anim.Bytes()} {
		resp, body := f.postForm(t, ca, photo, alt, "photo", name, bytes.NewReader(file))
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "ikke et bilde i JPEG, PNG eller WebP") ||
			!strings.Contains(body, "«tid til å snakke» i midten</textarea>") || !strings.Contains(body, `aria-invalid="true"`) {
			t.Errorf("%s: %d\n%s", name, resp.StatusCode, body)
		}
	}
	big := io.MultiReader(bytes.NewReader(pngPhoto(t, 10)), io.LimitReader(zeros{}, laeringsliv.MaxPhotoBytes))
	if resp, body := f.postForm(t, ca, photo, alt, "photo", "stor.png", big); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "større enn 20 MB") || !strings.Contains(body, "i midten</textarea>") {
		t.Errorf("too large: %d", resp.StatusCode)
	}
	if resp, body := f.postForm(t, ca, photo, [][2]string{{"alt", " "}}, "photo", "ark.png", bytes.NewReader(pngPhoto(t, 10))); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "Skriv kort hva bildet viser") {
		t.Errorf("no alt text: %d", resp.StatusCode)
	}
	if resp, body := f.postForm(t, ca, photo, alt, "photo", "", nil); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Velg et bilde") {
		t.Errorf("no file: %d", resp.StatusCode)
	}
	if resp, _ := f.do(t, ca, "POST", photo, url.Values{"alt": {"x"}}); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("plain form without a file: %d", resp.StatusCode)
	}
	if groups, _ := f.db.FindReadingGroups(ctx, ws.ID); groups[0].PhotoKey != "" {
		t.Fatalf("a refused upload was stored: %+v", groups[0])
	}

	first := pngPhoto(t, 10)
	if resp, _ := f.postForm(t, ca, photo, alt, "photo", "ark.png", bytes.NewReader(first)); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload: %d", resp.StatusCode)
	}
	resp, err := leader.Get(f.srv.URL + photo)
	must(t, err)
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.Equal(got, first) || resp.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("view: %d %v", resp.StatusCode, resp.Header)
	}
	for _, p := range []string{"/plenum", "/plenum?group=1", "/summary", ""} {
		c := leader
		if p == "" {
			c = ca // the workshop page shows the group its own presentation
		}
		if _, body := f.do(t, c, "GET", path+p, nil); !strings.Contains(body, `src="`+photo+`" alt="Flippover: «tid til å snakke» i midten"`) {
			t.Errorf("%q lacks the photo with its alt text", p)
		}
	}
	if resp, _ := f.do(t, leader, "GET", path+"/groups/"+itoa(g2.ID)+"/photo", nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a group without a photo: %d", resp.StatusCode)
	}

	// A new photo replaces the old, whose file goes; a save without a file changes the alt text.
	groups, _ := f.db.FindReadingGroups(ctx, ws.ID)
	old := groups[0].PhotoKey
	must(t, f.db.SetWorkshopPhase(ctx, ws.ID, laeringsliv.PhasePlenum))
	teacher := f.signIn(t, laeringsliv.RoleTeacher)
	f.postForm(t, teacher, photo, alt, "photo", "nytt.png", bytes.NewReader(pngPhoto(t, 200)))
	f.postForm(t, ca, photo, [][2]string{{"alt", "Ny beskrivelse"}}, "photo", "", nil)
	groups, _ = f.db.FindReadingGroups(ctx, ws.ID)
	if g := groups[0]; g.PhotoKey == old || g.PhotoKey == "" || g.PhotoAlt != "Ny beskrivelse" || g.PhotoType != "image/png" {
		t.Fatalf("after replacing: %+v", g)
	}
	if _, err := f.server.svc.Files.Open(ctx, old); err == nil {
		t.Error("the replaced photo is still stored")
	}
	must(t, f.db.SetWorkshopPhase(ctx, ws.ID, laeringsliv.PhaseClosed))
	if resp, _ := f.postForm(t, ca, photo, alt, "photo", "ark.png", bytes.NewReader(first)); resp.StatusCode != http.StatusConflict {
		t.Errorf("after closing: %d", resp.StatusCode)
	}
}

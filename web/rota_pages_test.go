package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/rota"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// A leader imports the workplace's rota through the two steps: a file with mistakes is
// refused with every problem named by row in plain words and nothing saved; the columns typed
// are remembered; a clean file is previewed, then saved as one period, which a later file
// replaces and a roll-back reinstates. A confirm with a forged signature saves nothing.
func TestRotaImportScreens(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		leader := f.signIn(t, laeringsliv.RoleLeader)
		base := "/workplaces/" + itoa(f.own.ID) + "/rota"
		kari := f.people[laeringsliv.RoleParticipant].Email
		ola := f.people[laeringsliv.RoleUnionRep].Email
		cols := [][2]string{{"col_person", "Epostadresse"}, {"col_date", "Dag"}, {"col_start", "Fra"}, {"col_end", "Til"}, {"col_code", "Vakt"}}

		bad := "Epostadresse;Dag;Fra;Til;Vakt\n" + kari + ";2018-03-05;07:30;15:00;D\n" +
			"ukjent@fjordvik.no;2018-03-05;07:30;15:00;D\n" + ola + ";05.03.2018;25:00;07:00;N\n"
		resp, page := f.postForm(t, leader, base+"/preview", cols, "file", "turnus.csv", strings.NewReader(bad))
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Ingen på arbeidsplassen har denne e-postadressen") ||
			!strings.Contains(page, "Klokkeslettet er ikke på formen TT:MM") || !strings.Contains(page, "ukjent@fjordvik.no") {
			t.Fatalf("a file with mistakes: %d\n%s", resp.StatusCode, page)
		}
		if ps, _ := db.FindRotaPeriods(context.Background(), f.own.ID); len(ps) != 0 {
			t.Fatalf("a refused file saved %d periods", len(ps))
		}
		if _, page := f.do(t, leader, http.MethodGet, base, nil); !strings.Contains(page, `value="Epostadresse"`) {
			t.Error("the columns typed are not remembered")
		}

		good := "Epostadresse;Dag;Fra;Til;Vakt\n" + kari + ";2018-03-05;07:30;15:00;D\n" + ola + ";05.03.2018;22:00;07:30;N\n" +
			kari + ";2018-03-06;08:00;15:30;FERIE\n"
		resp, page = f.postForm(t, leader, base+"/preview", cols, "file", "turnus.csv", strings.NewReader(good))
		if resp.StatusCode != http.StatusOK || !strings.Contains(page, "3 vakter for 2 personer") || !strings.Contains(page, "1 nattevakter") {
			t.Fatalf("preview: %d\n%s", resp.StatusCode, page)
		}
		file := regexp.MustCompile(`name="file" value="([^"]+)"`).FindStringSubmatch(page)
		sig := regexp.MustCompile(`name="sig" value="([^"]+)"`).FindStringSubmatch(page)
		if file == nil || sig == nil {
			t.Fatal("the preview has no confirm form")
		}
		if resp, _ := f.do(t, leader, http.MethodPost, base, url.Values{"file": {file[1]}, "sig": {strings.Repeat("0", 64)}}); resp.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("a forged signature: %d", resp.StatusCode)
		}
		if resp, _ := f.do(t, leader, http.MethodPost, base, url.Values{"file": {file[1]}, "sig": {sig[1]}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d", resp.StatusCode)
		}
		ps, err := db.FindRotaPeriods(context.Background(), f.own.ID)
		must(t, err)
		if len(ps) != 1 || ps[0].Status != rota.StatusActive || ps[0].ShiftCount != 3 {
			t.Fatalf("periods after saving %+v", ps)
		}
		first := ps[0].ID

		// A second file over the same dates replaces the first; rolling it back reinstates it.
		resp, page = f.postForm(t, leader, base+"/preview", cols, "file", "turnus2.csv",
			strings.NewReader("Epostadresse;Dag;Fra;Til;Vakt\n"+kari+";2018-03-05;15:00;22:30;A\n"))
		file = regexp.MustCompile(`name="file" value="([^"]+)"`).FindStringSubmatch(page)
		sig = regexp.MustCompile(`name="sig" value="([^"]+)"`).FindStringSubmatch(page)
		if resp.StatusCode != http.StatusOK || file == nil {
			t.Fatalf("second preview: %d", resp.StatusCode)
		}
		f.do(t, leader, http.MethodPost, base, url.Values{"file": {file[1]}, "sig": {sig[1]}})
		ps, _ = db.FindRotaPeriods(context.Background(), f.own.ID)
		var second int64
		for _, p := range ps {
			if p.ID != first {
				second = p.ID
			}
		}
		if resp, _ := f.do(t, leader, http.MethodPost, base+"/"+itoa(second)+"/rollback", url.Values{}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("roll back: %d", resp.StatusCode)
		}
		if p, _ := db.FindRotaPeriod(context.Background(), first); p.Status != rota.StatusActive {
			t.Fatalf("after the roll-back the first period is %s", p.Status)
		}
		// Another workplace's leader cannot roll this workplace's period back through theirs.
		other := "/workplaces/" + itoa(f.fgn.ID) + "/rota/" + itoa(first) + "/rollback"
		if resp, _ := f.do(t, f.signIn(t, laeringsliv.RoleAdmin), http.MethodPost, other, url.Values{}); resp.StatusCode != http.StatusNotFound {
			t.Fatalf("rolling back through another workplace: %d", resp.StatusCode)
		}
	})
}

func TestParseRotaColumns(t *testing.T) {
	for _, tc := range []struct {
		in   url.Values
		want rota.Columns
	}{
		{url.Values{}, rota.Columns{}},
		{url.Values{"col_person": {"  Ansattnr "}, "col_date": {"Dato"}}, rota.Columns{Person: "Ansattnr", Date: "Dato"}},
		{url.Values{"col_code": {strings.Repeat("å", 150)}}, rota.Columns{Code: strings.Repeat("å", 100)}},
	} {
		if got := parseRotaColumns(tc.in); got != tc.want {
			t.Errorf("parseRotaColumns(%v) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func FuzzParseRotaColumns(f *testing.F) {
	f.Add("email", "date", "start", "end", "code")
	f.Add("", "Dag\x00", "Fra", "Til", strings.Repeat("ø", 120))
	f.Fuzz(func(t *testing.T, person, date, start, end, code string) {
		c := parseRotaColumns(url.Values{"col_person": {person}, "col_date": {date}, "col_start": {start}, "col_end": {end}, "col_code": {code}})
		for _, v := range []string{c.Person, c.Date, c.Start, c.End, c.Code} {
			if len([]rune(v)) > 100 || v != strings.TrimSpace(v) {
				t.Fatalf("column name %q kept", v)
			}
		}
	})
}

package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// A leader keeps the staff details: the page lists the workplace's staff (not its teacher),
// a refused save keeps what was typed and names each problem's person in Norwegian, a good
// save is stored for everyone, and a number someone else has is refused on its row.
func TestStaffPage(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	leader := f.signIn(t, laeringsliv.RoleLeader)
	base := "/workplaces/" + itoa(f.own.ID) + "/rota/staff"
	kari, ola := f.people[laeringsliv.RoleParticipant], f.people[laeringsliv.RoleUnionRep]
	resp, page := f.do(t, leader, http.MethodGet, base, nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, kari.Name) || !strings.Contains(page, `name="number-`+itoa(ola.ID)+`"`) ||
		strings.Contains(page, f.people[laeringsliv.RoleTeacher].Name) {
		t.Fatalf("page: %d\n%s", resp.StatusCode, page)
	}

	bad := url.Values{"number-" + itoa(kari.ID): {"k 17"}, "pct-" + itoa(kari.ID): {"80"},
		"number-" + itoa(ola.ID): {"1002"}, "pct-" + itoa(ola.ID): {"120"}, "team-" + itoa(ola.ID): {"Natt"}}
	resp, page = f.do(t, leader, http.MethodPost, base, bad)
	page = html.UnescapeString(page)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, kari.Name+": Ansattnummeret kan bare ha bokstaver") ||
		!strings.Contains(page, ola.Name+": Skriv stillingsprosenten som et helt tall") || !strings.Contains(page, `value="k 17"`) ||
		!strings.Contains(page, `value="120"`) || !strings.Contains(page, "Ingenting er lagret") {
		t.Fatalf("refused save: %d\n%s", resp.StatusCode, page)
	}
	if p, _ := f.db.FindPerson(ctx, kari.ID); p.PositionPct == 80 {
		t.Fatal("a refused save stored a row")
	}

	good := url.Values{"number-" + itoa(kari.ID): {"k-17"}, "pct-" + itoa(kari.ID): {"80 %"}, "team-" + itoa(kari.ID): {"Dag A"},
		"number-" + itoa(ola.ID): {"1002"}, "pct-" + itoa(ola.ID): {"40"}, "team-" + itoa(ola.ID): {"Natt"}}
	if resp, _ := f.do(t, leader, http.MethodPost, base, good); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", resp.StatusCode)
	}
	if p, _ := f.db.FindPerson(ctx, kari.ID); p.EmployeeNumber != "K-17" || p.PositionPct != 80 || p.ShiftTeam != "Dag A" {
		t.Fatalf("saved %+v", p)
	}
	if _, page := f.do(t, leader, http.MethodGet, base, nil); !strings.Contains(page, "Stillingene her utgjør 1,2 årsverk. Arbeidsplassen er registrert med 17 årsverk.") {
		t.Errorf("no sum of positions after the save:\n%s", page)
	}

	// Someone at the other workplace has 2001; Ola may not take it.
	other := &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Per Annen", Email: "per@asen.kommune.no",
		Profession: laeringsliv.ProfessionNurse, EmployeeNumber: "2001"}
	must(t, f.db.CreatePerson(ctx, other))
	good.Set("number-"+itoa(ola.ID), "2001")
	resp, page = f.do(t, leader, http.MethodPost, base, good)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(page), ola.Name+": Noen andre har allerede dette ansattnummeret") ||
		!strings.Contains(page, `id="f-number-`+itoa(ola.ID)+`"`) {
		t.Fatalf("number taken: %d\n%s", resp.StatusCode, page)
	}
	if p, _ := f.db.FindPerson(ctx, ola.ID); p.EmployeeNumber != "1002" {
		t.Fatalf("after the refused save Ola has %q", p.EmployeeNumber)
	}
}

func TestParseStaffForm(t *testing.T) {
	ids := []int64{1, 2}
	for _, tc := range []struct {
		name string
		v    url.Values
		errs []string // person-field of each refused field
		want []laeringsliv.StaffDetails
	}{
		{"empty rows", url.Values{}, nil, []laeringsliv.StaffDetails{{PersonID: 1}, {PersonID: 2}}},
		{"typed", url.Values{"number-1": {" a-12 "}, "pct-1": {"75 %"}, "team-1": {" Helg 1 "}, "pct-2": {"100%"}},
			nil, []laeringsliv.StaffDetails{{PersonID: 1, EmployeeNumber: "A-12", PositionPct: 75, ShiftTeam: "Helg 1"}, {PersonID: 2, PositionPct: 100}}},
		{"others ignored", url.Values{"number-3": {"x y"}, "pct-9": {"500"}}, nil, []laeringsliv.StaffDetails{{PersonID: 1}, {PersonID: 2}}},
		{"zero", url.Values{"pct-1": {"0"}}, nil, []laeringsliv.StaffDetails{{PersonID: 1}, {PersonID: 2}}},
		{"number with space", url.Values{"number-1": {"12 34"}}, []string{"1-number"}, nil},
		{"e-mail as number", url.Values{"number-1": {"kari@example.no"}}, []string{"1-number"}, nil},
		{"leading hyphen", url.Values{"number-1": {"-12"}}, []string{"1-number"}, nil},
		{"too long number", url.Values{"number-1": {strings.Repeat("1", 21)}}, []string{"1-number"}, nil},
		{"letters beyond A–Z", url.Values{"number-1": {"Ø12"}}, []string{"1-number"}, nil},
		{"same number twice, any case", url.Values{"number-1": {"a1"}, "number-2": {"A1"}}, []string{"2-number"}, nil},
		{"over 100", url.Values{"pct-1": {"101"}}, []string{"1-pct"}, nil},
		{"negative", url.Values{"pct-1": {"-5"}}, []string{"1-pct"}, nil},
		{"plus sign", url.Values{"pct-1": {"+5"}}, []string{"1-pct"}, nil},
		{"decimal", url.Values{"pct-1": {"75,5"}}, []string{"1-pct"}, nil},
		{"words", url.Values{"pct-1": {"halv"}}, []string{"1-pct"}, nil},
		{"team not UTF-8", url.Values{"team-1": {"Helg \xff"}}, []string{"1-team"}, nil},
		{"team too long", url.Values{"team-2": {strings.Repeat("æ", 41)}}, []string{"2-team"}, nil},
		{"team at the limit", url.Values{"team-2": {strings.Repeat("æ", 40)}}, nil,
			[]laeringsliv.StaffDetails{{PersonID: 1}, {PersonID: 2, ShiftTeam: strings.Repeat("æ", 40)}}},
		{"everything wrong", url.Values{"number-1": {"?"}, "pct-1": {"x"}, "team-1": {strings.Repeat("x", 41)}},
			[]string{"1-number", "1-pct", "1-team"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			forms, list, errs := parseStaffForm(tc.v, ids)
			var got []string
			for _, e := range errs {
				got = append(got, itoa(e.PersonID)+"-"+e.Field)
			}
			if !slices.Equal(got, tc.errs) || !slices.Equal(list, tc.want) {
				t.Errorf("errors %v, details %+v; want %v, %+v", got, list, tc.errs, tc.want)
			}
			if len(forms) != len(ids) {
				t.Errorf("%d rows kept, want %d", len(forms), len(ids))
			}
		})
	}
}

// FuzzParseStaffForm: any posted row is either refused with a staff message per field, or
// gives details the domain accepts, with no employee number twice.
func FuzzParseStaffForm(f *testing.F) {
	f.Add("a-12", "75 %", "Helg 1", "A-12", "", "")
	f.Add("", "", "", "1002", "100", "Natt")
	f.Add("\xff", "99999999999999999999", "æ", "--", "-0", "\x00")
	f.Fuzz(func(t *testing.T, n1, p1, t1, n2, p2, t2 string) {
		v := url.Values{"number-1": {n1}, "pct-1": {p1}, "team-1": {t1}, "number-2": {n2}, "pct-2": {p2}, "team-2": {t2}}
		forms, list, errs := parseStaffForm(v, []int64{1, 2})
		if len(forms) != 2 {
			t.Fatalf("%d rows kept", len(forms))
		}
		if len(errs) > 0 {
			if list != nil {
				t.Fatal("details with errors")
			}
			for _, e := range errs {
				if !strings.HasPrefix(e.Key, "staff.error.") {
					t.Fatalf("key %q", e.Key)
				}
			}
			for _, c := range []struct{ in, kept string }{{n1, forms[1].Number}, {t1, forms[1].Team}, {n2, forms[2].Number}, {t2, forms[2].Team}} {
				if utf8.ValidString(c.in) && !utf8.ValidString(c.kept) {
					t.Fatalf("cut split a character of %q", c.in)
				}
			}
			return
		}
		seen := map[string]bool{}
		for _, d := range list {
			if err := d.Validate(); err != nil || !utf8.ValidString(d.ShiftTeam) {
				t.Fatalf("accepted %+v: %v", d, err)
			}
			if d.EmployeeNumber != "" && seen[d.EmployeeNumber] {
				t.Fatalf("number %q twice", d.EmployeeNumber)
			}
			seen[d.EmployeeNumber] = true
		}
	})
}

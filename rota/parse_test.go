package rota

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

func TestParseCSV(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		cols  Columns
		want  []string // person start–end code, per shift
		kinds []string // "row:kind" per problem
	}{
		{
			name: "default layout with a night",
			file: "email,date,start,end,code\nkari@example.no,2026-03-02,07:30,15:00,D\nola@example.no,2026-03-02,22:30,07:30,N\n",
			want: []string{"kari@example.no 2026-03-02T07:30 2026-03-02T15:00 D", "ola@example.no 2026-03-02T22:30 2026-03-03T07:30 N"},
		},
		{
			name: "Norwegian names, semicolons and Norwegian dates",
			file: "Epost;Dato;Start;Slutt;Kode\nKari@Example.no;02.03.2026;15.00;22.30;A\n",
			want: []string{"kari@example.no 2026-03-02T15:00 2026-03-02T22:30 A"},
		},
		{
			name: "mapped columns by employee number",
			file: "ansatt,dag,fra_kl,til_kl,vaktkode\n1042,2026-03-02,07:00,15:00,F\n",
			cols: Columns{Person: "ansatt", Date: "dag", Start: "fra_kl", End: "til_kl", Code: "vaktkode"},
			want: []string{"1042 2026-03-02T07:00 2026-03-02T15:00 F"},
		},
		{
			name:  "wrong date format",
			file:  "email,date,start,end\nkari@example.no,03/02/2026,07:30,15:00\n",
			kinds: []string{"2:bad_date"},
		},
		{
			name:  "bad time and missing person",
			file:  "email,date,start,end\n,2026-03-02,7.30am,15:00\n",
			kinds: []string{"2:no_person", "2:bad_time"},
		},
		{
			name:  "overlapping shifts",
			file:  "email,date,start,end\nkari@example.no,2026-03-02,07:30,15:00\nkari@example.no,2026-03-02,14:00,22:00\n",
			kinds: []string{"3:overlap"},
		},
		{
			name:  "a night overlapping the next morning",
			file:  "email,date,start,end\nkari@example.no,2026-03-02,22:00,08:00\nkari@example.no,2026-03-03,07:30,15:00\n",
			kinds: []string{"3:overlap"},
		},
		{
			name:  "a shift of 24 hours is too long",
			file:  "email,date,start,end\nkari@example.no,2026-03-02,08:00,08:00\n",
			kinds: []string{"2:too_long"},
		},
		{
			name:  "every bad row is named",
			file:  "email,date,start,end\na@x.no,2026-13-01,08:00,15:00\nb@x.no,2026-03-01,08:00,15:00\nc@x.no,2026-03-01,25:00,15:00\n",
			kinds: []string{"2:bad_date", "4:bad_time"},
		},
		{
			name:  "missing columns",
			file:  "email,start,end\na@x.no,08:00,15:00\n",
			kinds: []string{"1:missing_column"},
		},
		{
			name:  "header only",
			file:  "email,date,start,end\n",
			kinds: []string{"0:empty"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shifts, ps := Parse([]byte(tt.file), tt.cols)
			var kinds []string
			for _, p := range ps {
				kinds = append(kinds, p.rowKind())
			}
			if strings.Join(kinds, " ") != strings.Join(tt.kinds, " ") {
				t.Fatalf("problems = %v, want %v", kinds, tt.kinds)
			}
			if len(ps) > 0 && shifts != nil {
				t.Fatal("shifts returned alongside problems")
			}
			var got []string
			for _, s := range shifts {
				got = append(got, s.Person+" "+s.Start.Format("2006-01-02T15:04")+" "+s.End.Format("2006-01-02T15:04")+" "+s.Code)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("shifts = %q, want %q", got, tt.want)
			}
		})
	}
}

func (p Problem) rowKind() string {
	return strconv.Itoa(p.Row) + ":" + p.Kind
}

func TestParseWindows1252(t *testing.T) {
	text := "epost;dato;start;slutt;kode\nbjørg.ås@example.no;02.03.2026;07:30;15:00;Dø\n"
	data, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	shifts, ps := Parse(data, Columns{})
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if shifts[0].Person != "bjørg.ås@example.no" || shifts[0].Code != "Dø" {
		t.Errorf("decoded %q %q", shifts[0].Person, shifts[0].Code)
	}
}

func TestParseTooLarge(t *testing.T) {
	_, ps := Parse(make([]byte, MaxFileSize+1), Columns{})
	if len(ps) != 1 || ps[0].Kind != ProblemTooLarge {
		t.Fatalf("problems = %v", ps)
	}
}

func TestCheckPeople(t *testing.T) {
	shifts, _ := Parse([]byte("email,date,start,end\na@x.no,2026-03-01,08:00,15:00\nz@x.no,2026-03-01,08:00,15:00\n"), Columns{})
	ps := CheckPeople(shifts, func(p string) bool { return p == "a@x.no" })
	if len(ps) != 1 || ps[0].Row != 3 || ps[0].Kind != ProblemPerson {
		t.Fatalf("problems = %v", ps)
	}
	if !strings.Contains(ps[0].String(), "row 3") {
		t.Errorf("message %q does not name the row", ps[0].String())
	}
}

func TestIsLeave(t *testing.T) {
	for code, want := range map[string]bool{"ferie": true, "SYK": true, "D": false, "N": false, " f ": true} {
		if got := (Shift{Code: code}).IsLeave(); got != want {
			t.Errorf("IsLeave(%q) = %v", code, got)
		}
	}
}

func FuzzParseCSV(f *testing.F) {
	f.Add([]byte("email,date,start,end,code\nkari@example.no,2026-03-02,22:30,07:30,N\n"))
	f.Add([]byte("epost;dato;start;slutt\nx;02.03.2026;07.00;15.00\n"))
	f.Add([]byte("email,date,start,end\n\"unterminated,2026-03-02,07:00,08:00\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		shifts, ps := Parse(data, Columns{})
		if len(ps) > 0 && shifts != nil {
			t.Fatal("shifts returned alongside problems")
		}
		for _, s := range shifts {
			if !s.End.After(s.Start) || s.Duration() > MaxShift {
				t.Fatalf("accepted bad shift %+v", s)
			}
			if s.Person == "" {
				t.Fatal("accepted a shift without a person")
			}
		}
	})
}

func TestPrepareReportsEveryRow(t *testing.T) {
	file := "email,date,start,end\na@x.no,2026-03-01,08:00,15:00\nz@x.no,2026-03-01,08:00,15:00\na@x.no,01.03.2026,14:00,20:00\nb@x.no,1/3,08:00,15:00\n"
	p, ps := Prepare(7, []byte(file), Columns{}, map[string]int64{"a@x.no": 1, "b@x.no": 2})
	var kinds []string
	for _, pr := range ps {
		kinds = append(kinds, pr.rowKind())
	}
	if p != nil || strings.Join(kinds, " ") != "3:unknown_person 4:overlap 5:bad_date" {
		t.Fatalf("period %v, problems %v", p, kinds)
	}
	p, ps = Prepare(7, []byte("email,date,start,end\nA@x.no,2026-03-01,22:00,06:00\n"), Columns{}, map[string]int64{"a@x.no": 1})
	if len(ps) > 0 || p.Shifts[0].PersonID != 1 || p.WorkplaceID != 7 || p.Summarise().Nights != 1 {
		t.Fatalf("period %+v, problems %v", p, ps)
	}
}

// TestProblemKeysInCatalogs checks every problem kind has a message in
// each language's rota catalog.
func TestProblemKeysInCatalogs(t *testing.T) {
	for _, lang := range []string{"nb", "nn", "en"} {
		data, err := os.ReadFile("../web/i18n/rota." + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var cat map[string]string
		if err := json.Unmarshal(data, &cat); err != nil {
			t.Fatal(err)
		}
		for kind := range problemText {
			if cat[Problem{Kind: kind}.Key()] == "" {
				t.Errorf("%s: no message for %s", lang, kind)
			}
		}
	}
}

func TestShiftKind(t *testing.T) {
	at := func(day, h, m int) time.Time { return time.Date(2018, 1, day, h, m, 0, 0, zone()) }
	for _, tc := range []struct {
		start, end time.Time
		code, want string
	}{
		{at(8, 7, 30), at(8, 15, 0), "D", KindDay},
		{at(8, 15, 0), at(8, 22, 30), "K", KindEvening},
		{at(8, 15, 0), at(9, 0, 0), "K", KindEvening}, // ends at midnight
		{at(8, 22, 15), at(9, 7, 45), "N", KindNight},
		{at(8, 0, 0), at(8, 8, 0), "N", KindNight},
		{at(8, 8, 0), at(8, 16, 0), "FERIE", ""},
	} {
		if got := (Shift{Start: tc.start, End: tc.end, Code: tc.code}).Kind(); got != tc.want {
			t.Errorf("%v–%v %s: %q, want %q", tc.start, tc.end, tc.code, got, tc.want)
		}
	}
}

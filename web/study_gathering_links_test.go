package web

import (
	"net/url"
	"testing"
	"time"
)

func TestParseAgendaLinks(t *testing.T) {
	loc := time.FixedZone("CEST", 2*3600)
	base := url.Values{"kind": {"start_up"}, "title": {"Oppstart"}, "days": {"12.09.2017 08:30-15:30"},
		"agenda": {"08:30-09:00 Velkommen\n09:00 Lapp i hatt\n11:15 Leseverksted"}}
	ipe, ws := []LinkOption{{ID: 4, Label: "Hva er du fornøyd med?"}}, []LinkOption{{ID: 9, Label: "Lesesirkel"}}
	for _, tc := range []struct {
		name             string
		set              url.Values
		ipeItem, wsItem  int // index of the linked point, -1 none
		errField, errKey string
	}{
		{"none", url.Values{}, -1, -1, "", ""},
		{"both", url.Values{"ipe_session": {"4"}, "ipe_at": {"09:00"}, "workshop": {"9"}, "workshop_at": {"11.15"}}, 1, 2, "", ""},
		{"short hour", url.Values{"ipe_session": {"4"}, "ipe_at": {"8:30"}}, 0, -1, "", ""},
		{"no such time", url.Values{"ipe_session": {"4"}, "ipe_at": {"10:00"}}, -1, -1, "ipe_at", "gathering.error.link_time"},
		{"time missing", url.Values{"workshop": {"9"}}, -1, -1, "workshop_at", "gathering.error.link_time"},
		{"foreign session", url.Values{"ipe_session": {"5"}, "ipe_at": {"09:00"}}, -1, -1, "ipe_session", "gathering.error.link_invalid"},
		{"not a number", url.Values{"workshop": {"ni"}, "workshop_at": {"11:15"}}, -1, -1, "workshop", "gathering.error.link_invalid"},
		{"time without choice", url.Values{"ipe_at": {"09:00"}}, -1, -1, "", ""},
	} {
		v := url.Values{}
		for k, x := range base {
			v[k] = x
		}
		for k, x := range tc.set {
			v[k] = x
		}
		g, errs := parseGatheringForm(v, loc, 1)
		if errs != nil {
			t.Fatalf("%s: gathering %v", tc.name, errs)
		}
		errs = parseAgendaLinks(v, g, loc, ipe, ws)
		if tc.errKey != "" {
			if len(errs) != 1 || errs[0].Field != tc.errField || errs[0].Key != tc.errKey {
				t.Errorf("%s: errors %v", tc.name, errs)
			}
			continue
		}
		if errs != nil {
			t.Errorf("%s: errors %v", tc.name, errs)
		}
		for i, a := range g.Agenda {
			if (a.IPESessionID != 0) != (i == tc.ipeItem) || (a.ReadingWorkshopID != 0) != (i == tc.wsItem) {
				t.Errorf("%s: point %d links %d and %d", tc.name, i, a.IPESessionID, a.ReadingWorkshopID)
			}
		}
	}
}

func FuzzParseAgendaLinks(f *testing.F) {
	f.Add("08:30 Velkommen\n09:00 Lapp i hatt", "4", "09:00", "9", "08.30")
	f.Add("", "x", "", "-1", "25:00")
	loc := time.FixedZone("CET", 3600)
	f.Fuzz(func(t *testing.T, agenda, ipeID, ipeAt, wsID, wsAt string) {
		v := url.Values{"kind": {"start_up"}, "title": {"T"}, "days": {"12.09.2017 08:30-15:30"}, "agenda": {agenda},
			"ipe_session": {ipeID}, "ipe_at": {ipeAt}, "workshop": {wsID}, "workshop_at": {wsAt}}
		g, errs := parseGatheringForm(v, loc, 1)
		if errs != nil {
			return
		}
		errs = parseAgendaLinks(v, g, loc, []LinkOption{{ID: 4}}, []LinkOption{{ID: 9}})
		for _, a := range g.Agenda {
			if a.IPESessionID != 0 && a.IPESessionID != 4 || a.ReadingWorkshopID != 0 && a.ReadingWorkshopID != 9 {
				t.Fatalf("linked to %d, %d (errors %v)", a.IPESessionID, a.ReadingWorkshopID, errs)
			}
		}
	})
}

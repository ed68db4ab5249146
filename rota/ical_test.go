package rota

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func cal(events ...string) string {
	return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + strings.Join(events, "") + "END:VCALENDAR\r\n"
}

func vevent(lines ...string) string {
	return "BEGIN:VEVENT\r\n" + strings.Join(lines, "\r\n") + "\r\nEND:VEVENT\r\n"
}

func TestParseICalendar(t *testing.T) {
	oslo := zone()
	for _, tc := range []struct {
		name, feed string
		want       []Shift // nil with bad set: an error
		bad        bool
	}{
		{"utc", cal(vevent("DTSTART:20180108T063000Z", "DTEND:20180108T140000Z", "SUMMARY:D Dagvakt")),
			[]Shift{{Start: time.Date(2018, 1, 8, 7, 30, 0, 0, oslo), End: time.Date(2018, 1, 8, 15, 0, 0, 0, oslo), Code: "D"}}, false},
		{"tzid night, folded summary", cal(vevent("DTSTART;TZID=Europe/Oslo:20180108T221500",
			"DTEND;TZID=Europe/Oslo:20180109T074500", "SUMMARY:N\r\n attvakt")),
			[]Shift{{Start: time.Date(2018, 1, 8, 22, 15, 0, 0, oslo), End: time.Date(2018, 1, 9, 7, 45, 0, 0, oslo), Code: "NATTVAKT"}}, false},
		{"floating, LF only", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20180110T150000\nDTEND:20180110T223000\nSUMMARY:Kveld\nEND:VEVENT\nEND:VCALENDAR\n",
			[]Shift{{Start: time.Date(2018, 1, 10, 15, 0, 0, 0, oslo), End: time.Date(2018, 1, 10, 22, 30, 0, 0, oslo), Code: "KVELD"}}, false},
		{"whole day and cancelled left out", cal(vevent("DTSTART;VALUE=DATE:20180111", "DTEND;VALUE=DATE:20180112", "SUMMARY:Fri"),
			vevent("DTSTART:20180112T063000Z", "DTEND:20180112T140000Z", "STATUS:CANCELLED")), nil, false},
		{"not a calendar", "<html>login</html>", nil, true},
		{"cut off", "BEGIN:VCALENDAR\r\n" + "BEGIN:VEVENT\r\nDTSTART:20180108T063000Z\r\n", nil, true},
		{"no end", cal(vevent("DTSTART:20180108T063000Z")), nil, true},
		{"bad time", cal(vevent("DTSTART:2018-01-08 06:30", "DTEND:20180108T140000Z")), nil, true},
		{"30 hours", cal(vevent("DTSTART:20180108T060000Z", "DTEND:20180109T120000Z")), nil, true},
		{"backwards", cal(vevent("DTSTART:20180108T140000Z", "DTEND:20180108T060000Z")), nil, true},
		{"nested", cal("BEGIN:VEVENT\r\n" + vevent("DTSTART:20180108T063000Z", "DTEND:20180108T140000Z")), nil, true},
		{"too large", cal(strings.Repeat("X-PAD:"+strings.Repeat("x", 1000)+"\r\n", 4200)), nil, true},
	} {
		got, err := ParseICalendar([]byte(tc.feed))
		if tc.bad {
			if !errors.Is(err, ErrFeed) {
				t.Errorf("%s: error %v, want ErrFeed", tc.name, err)
			}
			continue
		}
		if err != nil || len(got) != len(tc.want) {
			t.Errorf("%s: %v, %v", tc.name, got, err)
			continue
		}
		for i := range got {
			if !got[i].Start.Equal(tc.want[i].Start) || !got[i].End.Equal(tc.want[i].End) || got[i].Code != tc.want[i].Code {
				t.Errorf("%s: shift %d = %+v, want %+v", tc.name, i, got[i], tc.want[i])
			}
		}
	}
}

func FuzzParseICalendar(f *testing.F) {
	f.Add([]byte(cal(vevent("DTSTART:20180108T063000Z", "DTEND:20180108T140000Z", "SUMMARY:D"))))
	f.Add([]byte(cal(vevent("DTSTART;TZID=Europe/Oslo:20180108T221500", "DTEND;TZID=Europe/Oslo:20180109T074500"))))
	f.Add([]byte("BEGIN:VCALENDAR\nBEGIN:VEVENT\n END:VEVENT\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		shifts, err := ParseICalendar(data)
		if err != nil {
			if !errors.Is(err, ErrFeed) {
				t.Fatalf("an error that is not ErrFeed: %v", err)
			}
			return
		}
		if len(shifts) > MaxFeedEvents {
			t.Fatalf("%d shifts", len(shifts))
		}
		for _, s := range shifts {
			if !s.End.After(s.Start) || s.Duration() > MaxShift || len([]rune(s.Code)) > 20 {
				t.Fatalf("accepted shift %+v", s)
			}
		}
	})
}

package icalendar

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestWrite(t *testing.T) {
	oslo := time.FixedZone("CEST", 2*3600)
	c := &Calendar{ProdID: "-//Læringslivet//NO", Name: "Samlinger, Solåsen", Events: []Event{{
		UID: "gathering-1-day-0@example.no", Start: time.Date(2017, 9, 12, 8, 30, 0, 0, oslo),
		End: time.Date(2017, 9, 12, 15, 30, 0, 0, oslo), Summary: "Oppstartsamling; dag 1",
		Location: "Personalrommet, Solåsen bo- og aktivitetssenter", Description: "Lapp i hatt\nLeseverksted",
	}}}
	var b bytes.Buffer
	if err := c.Write(&b, time.Date(2017, 8, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"BEGIN:VCALENDAR\r\n", "DTSTART:20170912T063000Z\r\n", "DTEND:20170912T133000Z\r\n",
		"SUMMARY:Oppstartsamling\\; dag 1\r\n", "X-WR-CALNAME:Samlinger\\, Solåsen\r\n",
		"DESCRIPTION:Lapp i hatt\\nLeseverksted\r\n", "DTSTAMP:20170801T000000Z\r\n", "END:VCALENDAR\r\n",
	} {
		if !strings.Contains(unfold(out), want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Count(out, "\n") != strings.Count(out, "\r\n") {
		t.Error("a line ends without CR")
	}
}

// unfold undoes line folding.
func unfold(s string) string { return strings.ReplaceAll(s, "\r\n ", "") }

func TestFold(t *testing.T) {
	tests := []string{
		"",
		strings.Repeat("a", 75),
		strings.Repeat("a", 76),
		strings.Repeat("æ", 40),         // 80 octets
		"X:" + strings.Repeat("ø", 100), // a fold would land inside ø
		"DESCRIPTION:" + strings.Repeat("Bemanning med et nytt blikk – på tvers av vaktene. ", 6),
		strings.Repeat("😀", 30),
	}
	for _, s := range tests {
		checkFold(t, s)
	}
}

func checkFold(t *testing.T, s string) {
	t.Helper()
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	writeFolded(w, s)
	w.Flush()
	out := b.String()
	if !strings.HasSuffix(out, "\r\n") {
		t.Fatalf("no CRLF at the end: %q", out)
	}
	for i, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(line) > maxOctets {
			t.Errorf("line %d has %d octets", i, len(line))
		}
		if i > 0 && !strings.HasPrefix(line, " ") {
			t.Errorf("continuation line %d does not start with a space", i)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i, line)
		}
	}
	if got := unfold(strings.TrimSuffix(out, "\r\n")); got != s {
		t.Errorf("unfolded %q, want %q", got, s)
	}
}

func FuzzFold(f *testing.F) {
	f.Add("SUMMARY:" + strings.Repeat("æøå", 30))
	f.Add(strings.Repeat("a", 200))
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\r\n") {
			return // values are escaped before folding: no newlines, valid UTF-8
		}
		checkFold(t, s)
	})
}

func FuzzText(f *testing.F) {
	f.Add("Møte; rom 2, etg. 3\nTa med \\ lapper")
	f.Fuzz(func(t *testing.T, s string) {
		out := text(s)
		if strings.ContainsAny(out, "\r\n") {
			t.Fatalf("text(%q) = %q holds a newline", s, out)
		}
		if !utf8.ValidString(out) {
			t.Fatalf("text(%q) is not valid UTF-8", s)
		}
	})
}

func TestFoldInvalidUTF8(t *testing.T) {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	writeFolded(w, strings.Repeat("\x80", 200)) // must end, not loop
	w.Flush()
	if got := unfold(strings.TrimSuffix(b.String(), "\r\n")); got != strings.Repeat("\x80", 200) {
		t.Error("invalid input changed")
	}
}

func TestWriteSequenceAndCancelled(t *testing.T) {
	start := time.Date(2018, 1, 10, 13, 0, 0, 0, time.UTC)
	c := &Calendar{ProdID: "-//x//NO", Events: []Event{{UID: "a@x", Start: start, End: start.Add(time.Hour), Summary: "Samling"},
		{UID: "b@x", Start: start, End: start.Add(time.Hour), Summary: "Samling", Sequence: 2, Cancelled: true}}}
	var b strings.Builder
	if err := c.Write(&b, start); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Count(out, "SEQUENCE:") != 1 || !strings.Contains(out, "SEQUENCE:2\r\nSTATUS:CANCELLED\r\n") {
		t.Fatalf("feed:\n%s", out)
	}
}

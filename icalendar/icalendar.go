// Package icalendar writes iCalendar feeds (RFC 5545) of gatherings, for phones' and
// Outlook's calendar subscriptions. Times are written in UTC, text keeps æøå as UTF-8, and
// long lines are folded at 75 octets without ever splitting a UTF-8 sequence.
package icalendar

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Event is one entry of a calendar.
type Event struct {
	UID         string // globally unique and stable, such as "gathering-12-day-0@host"
	Start, End  time.Time
	Summary     string
	Location    string
	Description string
	URL         string
	// Sequence counts the event's changes; a calendar app replaces its copy when it grows.
	Sequence int
	// Cancelled marks an event called off (STATUS:CANCELLED), kept so apps remove it.
	Cancelled bool
}

// Calendar is a named list of events.
type Calendar struct {
	ProdID string // identifies the product, e.g. "-//Læringslivet//NO"
	Name   string // shown by calendar apps (X-WR-CALNAME)
	Events []Event
}

// ContentType is the MIME type of a feed.
const ContentType = "text/calendar; charset=utf-8"

// Write writes the calendar. stamp is the DTSTAMP of every event: when the feed was made.
func (c *Calendar) Write(w io.Writer, stamp time.Time) error {
	bw := bufio.NewWriter(w)
	line := func(name, value string) { writeFolded(bw, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", text(c.ProdID))
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	if c.Name != "" {
		line("X-WR-CALNAME", text(c.Name))
	}
	for _, e := range c.Events {
		line("BEGIN", "VEVENT")
		line("UID", text(e.UID))
		line("DTSTAMP", utc(stamp))
		line("DTSTART", utc(e.Start))
		line("DTEND", utc(e.End))
		if e.Sequence > 0 {
			line("SEQUENCE", strconv.Itoa(e.Sequence))
		}
		if e.Cancelled {
			line("STATUS", "CANCELLED")
		}
		line("SUMMARY", text(e.Summary))
		if e.Location != "" {
			line("LOCATION", text(e.Location))
		}
		if e.Description != "" {
			line("DESCRIPTION", text(e.Description))
		}
		if e.URL != "" {
			line("URL", e.URL)
		}
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return bw.Flush()
}

// utc formats a time as an RFC 5545 UTC date-time.
func utc(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// text escapes a TEXT value: backslash, semicolon, comma and newlines. Other control
// characters, which the format does not allow, are dropped.
func text(s string) string {
	var b strings.Builder
	for _, r := range strings.ReplaceAll(s, "\r\n", "\n") {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			// dropped
		case r == utf8.RuneError:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// maxOctets is the longest a content line may be, not counting CRLF (RFC 5545, 3.1).
const maxOctets = 75

// writeFolded writes one content line, folded: a line longer than 75 octets continues on the
// next line after CRLF and a space. A fold never falls inside a UTF-8 sequence.
func writeFolded(w *bufio.Writer, s string) {
	limit := maxOctets
	for len(s) > limit {
		cut := limit
		for cut > limit-utf8.UTFMax && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = maxOctets - 1 // the leading space counts
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}

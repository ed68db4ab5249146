package laeringsliv_test

import (
	"testing"
	"time"

	"laeringsliv"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // empty: invalid
	}{
		{"2019-03-01", "2019-03-01"},
		{" 2019-03-01 ", "2019-03-01"},
		{"01.03.2019", "2019-03-01"},
		{"1.3.2019", "2019-03-01"},
		{"29.02.2020", "2020-02-29"},
		{"29.02.2019", ""},
		{"2019-13-01", ""},
		{"01/03/2019", ""},
		{"", ""},
		{"0001-01-01", ""},
		{"i fjor", ""},
	}
	for _, tt := range tests {
		got, err := laeringsliv.ParseDate(tt.in)
		if tt.want == "" {
			if laeringsliv.ErrorKey(err) != "study.error.date_invalid" {
				t.Errorf("ParseDate(%q) = %v, %v; want invalid", tt.in, got, err)
			}
			continue
		}
		if err != nil || got.Format("2006-01-02") != tt.want || got.Location() != time.UTC {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestParsePercent(t *testing.T) {
	tests := []struct {
		in   string
		want float64 // 0: invalid
	}{
		{"80", 80}, {"80 %", 80}, {"80%", 80}, {" 100 ", 100}, {"62,5", 62.5}, {"62.5 %", 62.5},
		{"33,33", 33.3}, {"0,01", 0}, {"0", 0}, {"101", 0}, {"-5", 0}, {"", 0}, {"%", 0}, {"NaN", 0},
		{"1e2", 0}, {"80,5,5", 0}, {"åtti", 0}, {"+50", 0}, {"Inf", 0},
	}
	for _, tt := range tests {
		got, err := laeringsliv.ParsePercent(tt.in)
		if tt.want == 0 {
			if laeringsliv.ErrorKey(err) != "error.position_pct_invalid" {
				t.Errorf("ParsePercent(%q) = %v, %v; want invalid", tt.in, got, err)
			}
		} else if err != nil || got != tt.want {
			t.Errorf("ParsePercent(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2019-03-01", "1.3.2019", "29.02.2020", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := laeringsliv.ParseDate(s)
		if err != nil {
			if laeringsliv.ErrorCode(err) != laeringsliv.EINVALID {
				t.Fatalf("error %v is not EINVALID", err)
			}
			return
		}
		if got.Location() != time.UTC || got.Hour() != 0 || got.Year() < 1900 || got.Year() > 2200 {
			t.Fatalf("ParseDate(%q) = %v", s, got)
		}
	})
}

func FuzzParsePercent(f *testing.F) {
	for _, s := range []string{"80", "62,5 %", "100", "0", "-1", "1e2", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := laeringsliv.ParsePercent(s)
		if err != nil {
			if laeringsliv.ErrorCode(err) != laeringsliv.EINVALID {
				t.Fatalf("error %v is not EINVALID", err)
			}
			return
		}
		if !(got > 0 && got <= 100) {
			t.Fatalf("ParsePercent(%q) = %v", s, got)
		}
	})
}

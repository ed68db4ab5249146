package web

import "testing"

func TestFromLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:5000":  true,
		"127.8.9.1:1":     true,
		"[::1]:443":       true,
		"10.0.0.1:5000":   false,
		"[2001:db8::1]:1": false,
		"127.0.0.1":       false, // no port: not what net/http gives
		"localhost:80":    false, // a name, never resolved
		"":                false,
	} {
		if got := fromLoopback(addr); got != want {
			t.Errorf("fromLoopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

func TestResidentPages(t *testing.T) {
	for statm, want := range map[string]int64{
		"12345 678 90 1 0 234 0\n": 678,
		"1 0 0 0 0 0 0":            0,
		"1":                        -1,
		"":                         -1,
		"1 x 2":                    -1,
		"1 -5 2":                   -1,
	} {
		got, ok := residentPages(statm)
		if !ok {
			got = -1
		}
		if got != want {
			t.Errorf("residentPages(%q) = %d, want %d", statm, got, want)
		}
	}
}

func FuzzResidentPages(f *testing.F) {
	f.Add("12345 678 90 1 0 234 0\n")
	f.Fuzz(func(t *testing.T, s string) {
		if n, ok := residentPages(s); ok && n < 0 {
			t.Fatalf("%q: %d", s, n)
		}
	})
}

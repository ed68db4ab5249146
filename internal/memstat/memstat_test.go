package memstat

import (
	"runtime"
	"testing"
)

func TestResidentPages(t *testing.T) {
	for statm, want := range map[string]int64{
		"12345 678 90 1 0 234 0\n": 678,
		"1 0 0 0 0 0 0":            0,
		"1":                        -1,
		"":                         -1,
		"1 x 2":                    -1,
		"1 -5 2":                   -1,
	} {
		got, ok := ResidentPages(statm)
		if !ok {
			got = -1
		}
		if got != want {
			t.Errorf("ResidentPages(%q) = %d, want %d", statm, got, want)
		}
	}
}

func FuzzResidentPages(f *testing.F) {
	f.Add("12345 678 90 1 0 234 0\n")
	f.Fuzz(func(t *testing.T, s string) {
		if n, ok := ResidentPages(s); ok && n < 0 {
			t.Fatalf("%q: %d", s, n)
		}
	})
}

func TestWatch(t *testing.T) {
	w := Start()
	buf := make([]byte, 32<<20)
	for i := range buf {
		buf[i] = byte(i)
	}
	heap, _ := w.Stop()
	runtime.KeepAlive(buf)
	if heap < 16<<20 {
		t.Errorf("heap rise %d after holding 32 MiB", heap)
	}
}

package web

import (
	"testing"
	"time"
)

func TestJoinLimiter(t *testing.T) {
	now := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	l := newJoinLimiter(func() time.Time { return now })
	// One device joins twice, then is refused; another device at the same address goes on.
	for i, want := range []bool{true, true, false} {
		if got := l.allow(1, "10.0.0.1", "dev-a"); got != want {
			t.Fatalf("device join %d = %v, want %v", i+1, got, want)
		}
	}
	if !l.allow(1, "10.0.0.1", "dev-b") {
		t.Fatal("a second device at the same address was refused")
	}
	if !l.allow(2, "10.0.0.1", "dev-a") {
		t.Fatal("the device was refused in another session")
	}
	// A device that hides its id is still bound by its address: 60 joins in the window.
	n := 0
	for l.allow(3, "10.0.0.2", "") {
		n++
		if n > 1000 {
			t.Fatal("no address limit")
		}
	}
	if n != 60 {
		t.Fatalf("address allowed %d joins, want 60", n)
	}
	for range 100 {
		if !l.allow(3, "127.0.0.1", "") {
			t.Fatal("loopback was refused")
		}
	}
	now = now.Add(11 * time.Minute)
	if !l.allow(3, "10.0.0.2", "") || !l.allow(1, "10.0.0.1", "dev-a") {
		t.Fatal("limits did not reset after the window")
	}
}

package password

import "testing"

var fast = Params{Memory: 64, Time: 1, Threads: 1, KeyLen: 16}

func TestHashCheck(t *testing.T) {
	h, err := Hash("korrekt hest batteri", fast)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		pw   string
		want bool
	}{{"korrekt hest batteri", true}, {"korrekt hest batteri ", false}, {"", false}} {
		if ok, err := Check(tc.pw, h); err != nil || ok != tc.want {
			t.Errorf("Check(%q) = %v, %v; want %v", tc.pw, ok, err, tc.want)
		}
	}
}

func TestCheckMalformed(t *testing.T) {
	for _, enc := range []string{
		"", "plain", "$argon2i$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA", "$argon2id$v=18$m=64,t=1,p=1$c2FsdA$aGFzaA",
		"$argon2id$v=19$m=0,t=1,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=64,t=1,p=1$!!$aGFzaA",
		"$argon2id$v=19$m=64,t=1,p=1$c2FsdA$", "$argon2id$v=19$m=999999,t=1,p=1$c2FsdA$aGFzaA",
	} {
		if ok, err := Check("x", enc); ok || err == nil {
			t.Errorf("Check(%q) = %v, %v; want error", enc, ok, err)
		}
	}
}

func FuzzCheck(f *testing.F) {
	h, _ := Hash("pw", fast)
	f.Add("pw", h)
	f.Add("x", "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA")
	f.Fuzz(func(t *testing.T, pw, enc string) {
		_, _ = Check(pw, enc) // must not panic or hang
	})
}

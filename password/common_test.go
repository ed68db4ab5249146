package password

import "testing"

func TestWeak(t *testing.T) {
	name, email := "Kari Nordmann", "kari.nordmann@fjordvik.kommune.no"
	for _, tc := range []struct {
		pw   string
		weak bool
	}{
		{"1234567890", true},
		{"passordpassord", true},
		{"qwertyuiop", true},
		{"Password2024!", true},
		{"sommer2024!!", true},
		{"dragon123456", true},
		{"aaaaaaaaaaaa", true},
		{"abcabcabcabc", true},
		{"1234!!!!5678", true},
		{"Læringslivet2025", true},
		{"kari.nordmann@fjordvik.kommune.no", true},
		{"kari.nordmann", true},
		{"Nordmann1234", true},
		{"karinordmann!", true},
		{"riktig hest batteri", false},
		{"kari elsker lange fjellturer", false},
		{"fjordvik sykehjem kveldsvakt", false},
		{"Tre små kinesere på Høybroplass", false},
		{"grønn-tekanne-på-taket", false},
	} {
		if got := Weak(tc.pw, name, email); got != tc.weak {
			t.Errorf("Weak(%q) = %v; want %v", tc.pw, got, tc.weak)
		}
	}
	if len(common) < 40000 {
		t.Errorf("only %d passwords on the bundled list", len(common))
	}
}

func FuzzWeak(f *testing.F) {
	f.Add("passordpassord", "Kari Nordmann", "kari@x.no")
	f.Add("riktig hest batteri", "", "")
	f.Fuzz(func(t *testing.T, pw, name, email string) {
		_ = Weak(pw, name, email)
		if pw != "" && Weak(pw) != Weak(pw, "", "") {
			t.Fatal("empty personal words change the verdict")
		}
	})
}

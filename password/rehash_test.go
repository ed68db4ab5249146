package password

import "testing"

func TestNeedsRehash(t *testing.T) {
	weak := Params{Memory: 64, Time: 1, Threads: 1, KeyLen: 16}
	h, err := Hash("riktig hest batteri", weak)
	if err != nil {
		t.Fatal(err)
	}
	if NeedsRehash(h, weak) {
		t.Error("a hash with the current parameters needs a rehash")
	}
	if !NeedsRehash(h, Default) {
		t.Error("a hash with weaker parameters needs no rehash")
	}
	for _, bad := range []string{"", "$argon2id$v=19$m=x$a$b", "$2y$10$abc"} {
		if !NeedsRehash(bad, Default) {
			t.Errorf("unreadable %q needs no rehash", bad)
		}
	}
}

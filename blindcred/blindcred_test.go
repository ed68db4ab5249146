package blindcred

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"testing"

	"github.com/cloudflare/circl/blindsign/blindrsa"
)

// The whole round as a browser and the server run it, with circl's client standing in for the
// browser (the browser test runs the JavaScript against this server side).
func TestRoundTrip(t *testing.T) {
	stored, err := NewKey()
	if err != nil {
		t.Fatal(err)
	}
	k, err := ParseKey(stored)
	if err != nil {
		t.Fatal(err)
	}
	c, err := blindrsa.NewClient(Variant, &k.sk.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	msg := make([]byte, MessageSize)
	_, _ = rand.Read(msg)
	blinded, state, err := c.Blind(rand.Reader, msg)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(blinded, msg) {
		t.Fatal("the blinded message shows the message")
	}
	bsig, err := k.Sign(blinded)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := c.Finalize(state, bsig)
	if err != nil {
		t.Fatal(err)
	}
	if err := k.Verify(msg, sig); err != nil {
		t.Fatalf("credential refused: %v", err)
	}
	other := bytes.Clone(msg)
	other[0] ^= 1
	if k.Verify(other, sig) == nil {
		t.Fatal("a changed message passed")
	}
	stranger, _ := rsa.GenerateKey(rand.Reader, Bits)
	sk2 := &Key{sk: stranger}
	if sk2.Verify(msg, sig) == nil {
		t.Fatal("another session's key accepted the credential")
	}
	if _, err := k.Sign([]byte("short")); err == nil {
		t.Fatal("signed a malformed blinded message")
	}
}

func FuzzVerify(f *testing.F) {
	stored, _ := NewKey()
	k, _ := ParseKey(stored)
	f.Add(make([]byte, MessageSize), make([]byte, Bits/8))
	f.Add([]byte("x"), []byte("y"))
	f.Fuzz(func(t *testing.T, msg, sig []byte) {
		if k.Verify(msg, sig) == nil {
			t.Fatal("a made-up credential passed")
		}
		_, _ = k.Sign(sig)
	})
}

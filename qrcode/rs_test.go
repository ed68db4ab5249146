package qrcode

import (
	"bytes"
	"testing"
)

// slowMul multiplies in GF(256) bit by bit, without the package's tables.
func slowMul(a, b byte) byte {
	var p byte
	for b > 0 {
		if b&1 == 1 {
			p ^= a
		}
		hi := a&0x80 != 0
		a <<= 1
		if hi {
			a ^= 0x1D
		}
		b >>= 1
	}
	return p
}

// slowEC divides data(x)·xⁿ by the generator polynomial by schoolbook long division.
func slowEC(data []byte, n int) []byte {
	gen := []byte{1} // highest degree first
	alpha := byte(1)
	for range n {
		next := make([]byte, len(gen)+1)
		for j, c := range gen {
			next[j] ^= c                   // c·x
			next[j+1] ^= slowMul(c, alpha) // c·αⁱ (minus is plus in GF(2⁸))
		}
		gen = next
		alpha = slowMul(alpha, 2)
	}
	poly := append(append([]byte{}, data...), make([]byte, n)...)
	for i := range len(data) {
		lead := poly[i]
		if lead == 0 {
			continue
		}
		for j, g := range gen {
			poly[i+j] ^= slowMul(g, lead)
		}
	}
	return poly[len(data):]
}

func TestECCodewordsMatchLongDivision(t *testing.T) {
	msgs := [][]byte{
		{0x40, 0xD2, 0x75, 0x47, 0x76, 0x17, 0x32, 0x06, 0x27, 0x26, 0x96, 0xC6, 0xC6, 0x96, 0x70, 0xEC},
		{0},
		{1, 2, 3},
		bytes.Repeat([]byte{0xFF}, 44),
	}
	for _, msg := range msgs {
		for _, n := range []int{7, 10, 16, 18, 22, 24, 26} {
			if got, want := ecCodewords(msg, n), slowEC(msg, n); !bytes.Equal(got, want) {
				t.Errorf("ec(%x, %d) = %x, long division gives %x", msg, n, got, want)
			}
		}
	}
}

// The worked example of a 1-M symbol for "HELLO WORLD" in alphanumeric mode, whose data and
// error-correction codewords are published in QR tutorials.
func TestECCodewordsKnownVector(t *testing.T) {
	data := []byte{32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17}
	want := []byte{196, 35, 39, 119, 235, 215, 231, 226, 93, 23}
	if got := ecCodewords(data, 10); !bytes.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

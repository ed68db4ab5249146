package qrcode

// Arithmetic in GF(256) with the QR primitive polynomial x⁸+x⁴+x³+x²+1 (0x11D), by
// logarithm tables built once, and the Reed–Solomon error-correction codewords.

var gfExp [512]byte
var gfLog [256]byte

func init() {
	x := 1
	for i := range 255 {
		gfExp[i] = byte(x)
		gfLog[x] = byte(i)
		x <<= 1
		if x&0x100 != 0 {
			x ^= 0x11D
		}
	}
	// Doubling the exponent table spares a modulo in gfMul.
	for i := 255; i < 512; i++ {
		gfExp[i] = gfExp[i-255]
	}
}

func gfMul(a, b byte) byte {
	if a == 0 || b == 0 {
		return 0
	}
	return gfExp[int(gfLog[a])+int(gfLog[b])]
}

// generator returns the coefficients of (x−α⁰)(x−α¹)…(x−αⁿ⁻¹) without the leading 1,
// highest degree first.
func generator(n int) []byte {
	g := []byte{1}
	for i := range n {
		next := make([]byte, len(g)+1)
		for j, c := range g {
			next[j] ^= c
			next[j+1] ^= gfMul(c, gfExp[i])
		}
		g = next
	}
	return g[1:]
}

// ecCodewords returns the n error-correction codewords of data: the remainder of
// data(x)·xⁿ divided by the generator, computed as a linear-feedback shift register.
func ecCodewords(data []byte, n int) []byte {
	g := generator(n)
	rem := make([]byte, n)
	for _, d := range data {
		factor := d ^ rem[0]
		copy(rem, rem[1:])
		rem[n-1] = 0
		for i, c := range g {
			rem[i] ^= gfMul(c, factor)
		}
	}
	return rem
}

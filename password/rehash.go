package password

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// NeedsRehash reports whether a stored hash was made with other parameters than p (or cannot be
// read), so that it should be replaced by a fresh hash the next time the password is known: at
// sign-in. Raising Default then reaches every active account without a reset.
func NeedsRehash(encoded string, p Params) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return true
	}
	var got Params
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &got.Memory, &got.Time, &got.Threads); err != nil {
		return true
	}
	key, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil {
		return true
	}
	got.KeyLen = uint32(len(key))
	return got != p
}

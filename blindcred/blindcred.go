// Package blindcred issues and checks anonymous one-time credentials by RSA blind signatures
// (RFC 9474, variant RSABSSA-SHA384-PSSZERO-Deterministic, through circl). A member's browser
// picks a random 32-byte message, blinds it and sends only the blinded value; the server signs
// it without learning the message; the browser unblinds the signature. Later, the message and
// signature prove that the server issued a credential, but not to whom: the signer never saw
// either. The deterministic variant is safe here because every message is 32 random bytes.
package blindcred

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"math/big"

	"github.com/cloudflare/circl/blindsign/blindrsa"
)

// Variant is the RFC 9474 variant in use; the browser's script implements the same.
const Variant = blindrsa.SHA384PSSZeroDeterministic

// Bits is the size of a session's key.
const Bits = 2048

// MessageSize is the size of a credential's message.
const MessageSize = 32

// ErrInvalid is returned for a blinded message or credential that does not check out.
var ErrInvalid = errors.New("blindcred: invalid")

// NewKey returns a fresh private key, encoded for storage (PKCS#8, base64).
func NewKey() (string, error) {
	sk, err := rsa.GenerateKey(rand.Reader, Bits)
	if err != nil {
		return "", err
	}
	der, err := x509.MarshalPKCS8PrivateKey(sk)
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(der), nil
}

// Key is a session's key pair.
type Key struct{ sk *rsa.PrivateKey }

// ParseKey reads a key stored by NewKey.
func ParseKey(stored string) (*Key, error) {
	der, err := base64.StdEncoding.DecodeString(stored)
	if err != nil {
		return nil, err
	}
	k, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		return nil, err
	}
	sk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("blindcred: not an RSA key")
	}
	return &Key{sk: sk}, nil
}

// PublicKey is the public half as the browser needs it: modulus and exponent, big-endian,
// base64url without padding (as in a JWK).
type PublicKey struct {
	N string `json:"n"`
	E string `json:"e"`
}

// Public returns the key's public half.
func (k *Key) Public() PublicKey {
	e := big.NewInt(int64(k.sk.E)).Bytes()
	return PublicKey{N: base64.RawURLEncoding.EncodeToString(k.sk.N.Bytes()), E: base64.RawURLEncoding.EncodeToString(e)}
}

// Sign signs a blinded message; it learns nothing about the message behind it.
func (k *Key) Sign(blinded []byte) ([]byte, error) {
	if len(blinded) != k.sk.Size() {
		return nil, ErrInvalid
	}
	sig, err := blindrsa.NewSigner(k.sk).BlindSign(blinded)
	if err != nil {
		return nil, ErrInvalid
	}
	return sig, nil
}

// Verify checks a credential: a message and its unblinded signature.
func (k *Key) Verify(message, signature []byte) error {
	if len(message) != MessageSize || len(signature) != k.sk.Size() {
		return ErrInvalid
	}
	v, err := blindrsa.NewVerifier(Variant, &k.sk.PublicKey)
	if err != nil {
		return err
	}
	if v.Verify(message, signature) != nil {
		return ErrInvalid
	}
	return nil
}

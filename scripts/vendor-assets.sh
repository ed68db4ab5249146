#!/usr/bin/env bash
# vendor-assets.sh installs the pinned front-end packages from npm into a temporary
# directory, copies the few files the app and the browser tests need into the repository,
# and records what was copied in web/static/vendor/VERSIONS. The results are committed, so
# building and testing need no npm; run this only to change a version.
#
# Usage: scripts/vendor-assets.sh   (from anywhere inside the repository)
set -euo pipefail

# Pinned versions. Change them here, run the script, review the diff, commit.
DS_CSS=@digdir/designsystemet-css@1.22.0
DS_THEME=@digdir/designsystemet-theme@1.11.0
AXE=axe-core@4.14.1

# The theme package's documented default (its "." export); "digdir", "altinn",
# "uutilsynet" and "portal" are in brand/ if we ever want one of those instead.
THEME_FILE=src/themes/designsystemet.css

root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
vendor=$root/web/static/vendor
axe_dst=$root/browsertest/axe.min.js

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "installing $DS_CSS $DS_THEME $AXE" >&2
npm install --prefix "$tmp" --no-save --no-package-lock --ignore-scripts \
	--no-audit --no-fund --loglevel=error "$DS_CSS" "$DS_THEME" "$AXE" >&2

nm=$tmp/node_modules

# installed_version NAME prints the version npm actually installed, so VERSIONS cannot
# disagree with what was copied.
installed_version() {
	node -e 'process.stdout.write(require(process.argv[1]).version)' "$nm/$1/package.json"
}

check_pinned() {
	local spec=$1 name=${1%@*} want=${1##*@} got
	got=$(installed_version "$name")
	if [[ $got != "$want" ]]; then
		echo "npm installed $name@$got, want $want" >&2
		exit 1
	fi
}
check_pinned "$DS_CSS"
check_pinned "$DS_THEME"
check_pinned "$AXE"

mkdir -p "$vendor" "$(dirname "$axe_dst")"
rm -f "$vendor"/*.css "$vendor"/*.LICENSE

copied=()
copy() { # copy SRC DST
	cp "$1" "$2"
	copied+=("$2")
}
copy "$nm/@digdir/designsystemet-css/dist/src/index.css" "$vendor/designsystemet.css"
copy "$nm/@digdir/designsystemet-theme/$THEME_FILE" "$vendor/theme.css"
copy "$nm/@digdir/designsystemet-css/LICENSE" "$vendor/designsystemet-css.LICENSE"
copy "$nm/@digdir/designsystemet-theme/LICENSE" "$vendor/designsystemet-theme.LICENSE"
copy "$nm/axe-core/axe.min.js" "$axe_dst"
copy "$nm/axe-core/LICENSE" "$root/browsertest/axe-core.LICENSE"

# The Content-Security-Policy allows no other host, so a stylesheet may load nothing
# except data: URIs. Fail loudly rather than ship a page that silently breaks.
for css in "$vendor"/*.css; do
	if grep -Eq '@import' "$css"; then
		echo "$css contains @import; vendor what it imports instead" >&2
		exit 1
	fi
	if grep -Eo 'url\([^)]*\)' "$css" | grep -Evq "^url\\([\"']?data:"; then
		echo "$css references a file through url(); vendor it and rewrite the URL" >&2
		grep -Eo 'url\([^)]*\)' "$css" | grep -Ev "^url\\([\"']?data:" >&2
		exit 1
	fi
done

{
	echo "# Written by scripts/vendor-assets.sh from npm; do not edit by hand."
	echo "# package@version"
	echo "@digdir/designsystemet-css@$(installed_version @digdir/designsystemet-css)"
	echo "@digdir/designsystemet-theme@$(installed_version @digdir/designsystemet-theme)"
	echo "axe-core@$(installed_version axe-core)"
	echo "# theme: @digdir/designsystemet-theme/$THEME_FILE"
	echo "# sha256, bytes, file (relative to the repository root)"
	for f in "${copied[@]}"; do
		printf '%s  %s  %s\n' "$(sha256sum "$f" | cut -d' ' -f1)" "$(stat -c %s "$f")" "${f#"$root"/}"
	done
} >"$vendor/VERSIONS"

cat "$vendor/VERSIONS"

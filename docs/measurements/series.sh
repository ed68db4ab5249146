#!/bin/bash
# The live-performance series of docs/performance.md on one engine:
#   docs/measurements/series.sh sqlite|postgres > out.txt
# It serves the demo on 127.0.0.1:18080 (operators' listener :19090) from a fresh database —
# a SQLite file in /tmp/lt, or a throwaway PostgreSQL cluster on port 55432 made with Debian's
# binaries (run as root: the cluster belongs to the postgres user) — and runs the load tool
# against it. LV is the laeringsliv binary (go build -o /tmp/lv ./cmd/laeringsliv).
set -u
ENGINE=$1
LV=${LV:-/tmp/lv}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
mkdir -p /tmp/lt
pkill -f "$LV serve" || true
sleep 1
if [ "$ENGINE" = postgres ]; then
  su postgres -c "$PGBIN/pg_ctl -D /tmp/pg stop -m fast" >/dev/null 2>&1 || true
  rm -rf /tmp/pg && mkdir -p /tmp/pg && chown postgres /tmp/pg
  su postgres -c "$PGBIN/initdb -D /tmp/pg -A trust -U postgres" >/dev/null
  su postgres -c "$PGBIN/pg_ctl -D /tmp/pg -o '-p 55432 -k /tmp -c max_connections=200 -c shared_buffers=256MB' -l /tmp/pg/log start" >/dev/null
  sleep 2
  DB="postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable"
else
  rm -rf /tmp/lt/sq.db*
  DB=/tmp/lt/sq.db
fi
rm -rf /tmp/lt/files
nohup "$LV" serve --demo --database "$DB" --files /tmp/lt/files --addr 127.0.0.1:18080 \
  --admin-addr 127.0.0.1:19090 >/tmp/lt/serve.log 2>&1 &
sleep 8
run() {
  echo "### $*"
  timeout 1500 "$LV" loadtest --url http://127.0.0.1:18080 --metrics-url http://127.0.0.1:19090 \
    --login eli.sorensen@vikstrand.kommune.no:demo-passord-2026 --workplace 1 "$@" 2>&1 |
    grep -v '^  \(Go heap\|goroutine stacks\|goroutines\)'
  echo
}
date -u
run --participants 2000 --notes 1 --rate 100 --bare --repeat 3 --history-db "$DB" --history-notes 1000000 --history-participants 100000
date -u
run --participants 10000 --notes 1 --writers 256 --bare
run --participants 100 --notes 90 --writers 100 --rate 3200 --bare --repeat 3
run --participants 100 --notes 90 --writers 100 --repeat 3
run --participants 2000 --notes 2 --writers 100 --bare --repeat 3
date -u
pkill -f "$LV serve"

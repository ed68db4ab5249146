#!/bin/bash
# usage: series.sh sqlite|postgres  — the whole measurement series on one engine
ENGINE=$1
LV=/tmp/lv
if [ "$ENGINE" = postgres ]; then /tmp/lt/pg.sh >/dev/null; DB="postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable"; else /tmp/lt/sq.sh >/dev/null; DB=/tmp/lt/sq.db; fi
run() { echo "### $*"; timeout 1500 $LV loadtest --url http://127.0.0.1:18080 --metrics-url http://127.0.0.1:19090 --login eli.sorensen@vikstrand.kommune.no:demo-passord-2026 --workplace 1 "$@" 2>&1 | grep -v '^  \(Go heap\|goroutine stacks\|goroutines\)' ; echo; }
date -u
run --participants 2000 --notes 1 --rate 100 --bare --repeat 3 --history-db "$DB" --history-notes 1000000 --history-participants 100000
date -u
run --participants 10000 --notes 1 --writers 256 --bare
run --participants 100 --notes 90 --writers 100 --rate 3200 --bare --repeat 3
run --participants 100 --notes 90 --writers 100 --repeat 3
run --participants 2000 --notes 2 --writers 100 --bare --repeat 3
date -u

#!/usr/bin/env bash
# Two builds of learnstats compared on a machine whose speed drifts: rounds of `psql \copy` of the
# inbox's attendance (bench.sh's figure (1)) followed by one full night of each jar, each on a fresh
# store and an empty output folder, so that every jar meets the machine's fast and slow minutes alike.
#
#   jobs/bench/alternate.sh WORK OLD_JAR NEW_JAR [ROUNDS]
#
# WORK is a bench.sh work folder with a one-year inbox and its \copy script (from
# `jobs/bench/bench.sh --shape small-units --scale 1 --one-year`, or `--generate-only` followed by
# one run; the \copy script is logs/baseline-1y-attendance.sql). ROUNDS defaults to 2. Each night
# starts as cron starts it (jobs/learnstats, -Xmx512m, the jar's own class-data archive made first)
# as of the inbox's last day. Prints one line per \copy and per night: wall seconds, CPU seconds,
# peak RSS, and the refresh, charts and packs from the night's log; the ratio a night / the mean
# \copy is the small-units figure of issue 11 (≤ 3×).
# Databases: learnstats_alt_copy, learnstats_alt_old, learnstats_alt_new (created, emptied, kept).
set -euo pipefail

if [ $# -lt 3 ]; then
	sed -n '2,16p' "$0"
	exit 2
fi
work=$(realpath "$1")
old=$(realpath "$2")
new=$(realpath "$3")
rounds=${4:-2}
root=$(cd "$(dirname "$0")/../.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
copy_script="$work/logs/baseline-1y-attendance.sql"
[ -f "$copy_script" ] || { echo "alternate: $copy_script missing: run bench.sh on $work first" >&2; exit 2; }
asof=$(grep -o 'as-of [0-9-]*' "$work/logs/2-learnstats-run-1y.log" 2>/dev/null | head -1 | cut -d' ' -f2 || true)
asof=${asof:-2025-12-31}

fresh() { # DB
	psql -X -q -d postgres -c "CREATE DATABASE $1" 2>/dev/null || true
	psql -X -q -d "$1" -c "DROP SCHEMA IF EXISTS public CASCADE" -c "CREATE SCHEMA public" 2>/dev/null
}

for tag in old new; do
	jar=$old
	[ "$tag" = new ] && jar=$new
	LEARNSTATS_JAR="$jar" LEARNSTATS_CACHE="$work/.alt-cache-$tag" "$root/jobs/learnstats" -Xmx512m prepare > /dev/null 2>&1
done

for round in $(seq 1 "$rounds"); do
	fresh learnstats_alt_copy
	psql -X -q -d learnstats_alt_copy -f "$root/jobs/bench/baseline-schema.sql" > /dev/null 2>&1
	start=$(date +%s.%N)
	psql -X -q -v ON_ERROR_STOP=1 -d learnstats_alt_copy -f "$copy_script"
	echo "round $round: psql \\copy $(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f') s"
	for tag in old new; do
		jar=$old
		[ "$tag" = new ] && jar=$new
		fresh "learnstats_alt_$tag"
		out="$work/alt-out-$tag"
		rm -rf "$out" "$work"/.alt-out-"$tag".*
		log="$work/logs/alt-$round-$tag.log"
		/usr/bin/time -f "%e s wall, %U s user, %S s system, %M KB peak RSS" env LEARNSTATS_JAR="$jar" \
			LEARNSTATS_CACHE="$work/.alt-cache-$tag" "$root/jobs/learnstats" -Xmx512m run --inbox "$work/inbox-1y" \
			--out "$out" --as-of "$asof" "--spring.datasource.url=jdbc:postgresql://$PGHOST:$PGPORT/learnstats_alt_$tag" \
			"--spring.datasource.username=$PGUSER" > "$log" 2>&1 || true
		parts=$(grep -o 'rows in [0-9]* ms\|ChartsPart written in [0-9]* ms\|PackPart written in [0-9]* ms' "$log" \
			| sed 's/rows in/refresh/; s/ChartsPart written in/charts/; s/PackPart written in/packs/' | tr '\n' ' ')
		echo "round $round: $tag $(tail -1 "$log"); $parts"
	done
done

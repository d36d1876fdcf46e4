#!/usr/bin/env bash
# Issue 14's speed check: the same 100,000 attendance rows as CSV and as an .xlsx sheet, each
# ingested by the packaged jar into a fresh H2 store at -Xmx512m. Prints wall time, the scan and
# ingest steps (from run.json) and peak RSS (GNU time) of both runs.
#
#   ./mvnw -q -DskipTests package && jobs/bench/excel-bench.sh [ROWS] [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-100000}
WORK=${2:-/tmp/learnstats-excel-bench}
rm -rf "$WORK" && mkdir -p "$WORK"
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >/dev/null
java -cp "$(cat "$WORK/cp.txt")" jobs/bench/ExcelBench.java "$WORK/inbox" "$ROWS" 2>/dev/null
ls -l "$WORK/inbox/csv" "$WORK/inbox/xlsx"
for kind in csv xlsx; do
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$WORK/$kind.time" java -Xmx512m -jar target/learnstats.jar run \
    --inbox "$WORK/inbox/$kind" --out "$WORK/out-$kind" --as-of 2026-11-20 \
    --spring.datasource.url="jdbc:h2:file:$WORK/store-$kind/store" >"$WORK/$kind.log" 2>&1 || true
  end=$(date +%s.%N)
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$WORK/$kind.time")
  steps=$(python3 - "$WORK/out-$kind/run.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
def find(o, out):
    if isinstance(o, dict):
        name = o.get("step") or o.get("name")
        ms = o.get("duration_ms") or o.get("millis")
        if name in ("scanInbox", "ingestUnits", "ingestAttendance") and ms is not None:
            out[name] = ms
        for v in o.values():
            find(v, out)
    elif isinstance(o, list):
        for v in o:
            find(v, out)
    return out
steps = find(r, {})
read = sum(f.get("rows_read", 0) for f in r.get("files", []) if f.get("kind") == "attendance")
print(" ".join(f"{k}={v}ms" for k, v in steps.items()), f"attendance_rows_read={read}")
PY
)
  printf '%-5s wall %.1f s, peak RSS %d MB, %s\n' "$kind" "$(echo "$end - $start" | bc)" $((rss / 1024)) "$steps"
done

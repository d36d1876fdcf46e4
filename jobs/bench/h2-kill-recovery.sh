#!/usr/bin/env bash
# Whether an H2 version recovers whole transactions after kill -9 (why learnstats works on a copy
# of an embedded H2 store, README "Running against PostgreSQL"). Each cycle starts H2KillWriter,
# kills it after 0.8-3.3 s, then opens the store and checks every delivery is whole (all its rows,
# no row without it) and that the writer could go on from it (a row H2 kept in an index but not in
# its table makes the next insert of its key fail). A broken store is counted and started afresh.
#
#   jobs/bench/h2-kill-recovery.sh [H2_VERSION] [CYCLES] [WORK_DIR]
set -uo pipefail
cd "$(dirname "$0")/../.."
VERSION=${1:-project}
CYCLES=${2:-100}
WORK=${3:-/tmp/learnstats-h2-kill}
rm -rf "$WORK" && mkdir -p "$WORK"
if [ "$VERSION" = project ]; then
  ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >/dev/null
  JAR=$(tr ':' '\n' <"$WORK/cp.txt" | grep '/h2-[0-9.]*\.jar$')
  VERSION=$(basename "$JAR" .jar | sed 's/^h2-//')
else
  JAR=~/.m2/repository/com/h2database/h2/$VERSION/h2-$VERSION.jar
  [ -f "$JAR" ] || ./mvnw -q dependency:get -Dartifact=com.h2database:h2:"$VERSION" >/dev/null
fi
torn=0; failed=0
for i in $(seq 1 "$CYCLES"); do
  if grep -q "WRITER FAILED" "$WORK/writer.log" 2>/dev/null; then rm -rf "$WORK"/store*; fi
  java -cp "$JAR" jobs/bench/H2KillWriter.java run "$WORK/store" >"$WORK/writer.log" 2>&1 &
  pid=$!
  sleep "$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.2f", 0.8 + rand() * 2.5 }')"
  kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  if grep -q "WRITER FAILED" "$WORK/writer.log"; then
    # the store the previous kill left refused the writer: that kill broke it
    failed=$((failed + 1)); echo "cycle $((i - 1)): the next writer could not go on: $(grep 'WRITER FAILED' "$WORK/writer.log" | head -1 | cut -c1-150)"
  fi
  if ! out=$(java -cp "$JAR" jobs/bench/H2KillWriter.java check "$WORK/store" 2>&1); then
    torn=$((torn + 1)); echo "cycle $i: $(echo "$out" | tail -1 | cut -c1-200)"
    rm -rf "$WORK"/store*
  fi
done
echo "H2 $VERSION: $CYCLES kills, $torn left a torn store, $failed a store the next writer could not go on from"

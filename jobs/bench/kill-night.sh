#!/usr/bin/env bash
# kill -9 at random moments of a night on an embedded H2 store: the store must stay byte for byte
# as the night before (the night works on a copy, README "Running against PostgreSQL") and the
# night run again must end whole. Night A reads 60 attendance files of 300 rows; each cycle starts
# night B (60 more) from A's store, kills it after 0.5-9.5 s, compares the store's sha256, runs B
# again and counts attendance (36,000).
#
#   ./mvnw -q -DskipTests package && jobs/bench/kill-night.sh [CYCLES] [WORK_DIR]
set -uo pipefail
cd "$(dirname "$0")/../.."
CYCLES=${1:-20}
W=${2:-/tmp/learnstats-kill-night}
JAR=$PWD/target/learnstats.jar
rm -rf "$W" && mkdir -p "$W"
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$W/cp.txt" -Dmdep.includeScope=runtime >/dev/null
H2=$(tr ':' '\n' <"$W/cp.txt" | grep '/h2-[0-9.]*\.jar$')
inbox() { # DIR FILES
  python3 - "$1" "$2" <<'PY'
import os, sys, datetime
d, n = sys.argv[1], int(sys.argv[2])
os.makedirs(d + "/att", exist_ok=True)
with open(d + "/units.csv", "w") as f:
    f.write("unit_code,unit_name,parent_code,unit_type\nROOT,省委某部,,党委\n")
    f.writelines("B%02d,第%d党支部,ROOT,党支部\n" % (u, u) for u in range(1, 21))
with open(d + "/people.csv", "w") as f:
    f.write("person_id,name,unit_code,rank,education,birth_date\n")
    f.writelines("P%03d,干部%d,B%02d,%s,bachelor,1980-01-01\n" % (p, p, 1 + p % 20, "division" if p % 3 == 0 else "section")
                 for p in range(1, 401))
start = datetime.date(2026, 1, 1)
for i in range(n):
    with open(d + "/att/f%03d.csv" % i, "w") as f:
        f.write("unit_code,session_id,session_date,session_type,duration_hours,person_id,status\n")
        f.writelines("B%02d,S%03d-%02d,%s,branch_study,2,P%03d,%s\n" % (1 + i % 20, i, r // 25,
                     start + datetime.timedelta(days=i + r // 25), 1 + r % 400, "absent" if r % 7 == 0 else "present")
                     for r in range(300))
PY
}
night() { # INBOX AS_OF LOG (in the foreground; "&" after it gives java's own pid)
  exec java -Xmx512m -jar "$JAR" run --inbox "$1" --out "$W/out" --as-of "$2" \
    --spring.datasource.url="jdbc:h2:file:$W/store/learnstats;USER=sa" >"$3" 2>&1
}
inbox "$W/in-a" 60; inbox "$W/in-b" 120
(night "$W/in-a" 2026-11-19 "$W/a.log"); echo "night A: exit $?"
cp -a "$W/store" "$W/store-a"
killed=0; kept=0; whole=0; finished=0
for i in $(seq 1 "$CYCLES"); do
  rm -rf "$W/store" && cp -a "$W/store-a" "$W/store"
  before=$(sha256sum "$W/store/learnstats.mv.db" | cut -d' ' -f1)
  delay=$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.2f", 0.5 + rand() * 9 }')
  (night "$W/in-b" 2026-11-20 "$W/b.log") & pid=$!
  sleep "$delay"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rc=$?
  after=$(sha256sum "$W/store/learnstats.mv.db" | cut -d' ' -f1)
  (night "$W/in-b" 2026-11-20 "$W/c.log"); rerun=$?
  rows=$(java -cp "$H2" org.h2.tools.Shell -url "jdbc:h2:file:$W/store/learnstats" -user sa \
    -sql "SELECT COUNT(*) FROM attendance" 2>&1 | grep -a -E '^[0-9]+ *$' | tr -d ' ')
  step=$(grep -a -o 'Step [a-zA-Z]*' "$W/b.log" | tail -1); step=${step:-start-up}
  if [ "$rc" -eq 137 ]; then
    killed=$((killed + 1)); [ "$before" = "$after" ] && kept=$((kept + 1))
    what="killed in ${step#Step }, store $([ "$before" = "$after" ] && echo unchanged || echo CHANGED)"
  else
    finished=$((finished + 1)); what="finished before the kill (exit $rc)"
  fi
  [ "$rows" = 36000 ] && [ "$rerun" -le 3 ] && whole=$((whole + 1))
  echo "cycle $i: after ${delay} s: $what; run again: exit $rerun, attendance $rows"
done
echo "$CYCLES cycles: $killed killed mid-night, $kept of them left the store unchanged; $finished finished first; $whole reruns ended whole"

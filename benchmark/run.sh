#!/usr/bin/env bash
# govsite beside Hugo at province scale: the same reports, whole processes, paired runs, medians.
#
# From a fresh clone:
#   mvn -B -q install -DskipTests        # the plugin (and its parent POM) into the local repository
#   benchmark/run.sh                     # 2,000 and 20,000 reports, 3 runs each
#   benchmark/run.sh --reports 2000 --runs 5 --results my-results.txt
#   benchmark/run.sh --reports 2000 --profile    # one generate under JFR, then its hot methods
#
# Per corpus size it measures, with /usr/bin/time -v (wall time and peak RSS of the whole process):
#   - mvn govsite:generate from an empty target/, alternating with hugo on the same content (public/ removed);
#   - mvn govsite:check alone;
#   - mvn validate on an empty project: what Maven itself costs to start;
#   - a one-report rebuild: generate again, with the previous output in place, after one number of one report
#     changed (govsite's incremental generate: it says in its log what it rendered again), and hugo on the same
#     change.
# Then it prints the medians and the ratios, with the machine's cores, memory and load, and writes them to the
# results file. Nothing here is a test: the figures depend on the machine and on what else it is doing.
#
# Needs: Java 17, Maven, /usr/bin/time (Debian: apt-get install -y time). Hugo is optional
# (Debian: apt-get install -y hugo); without it the Hugo runs are skipped and said to be.
# Maven runs offline (-o): the install above resolves everything the plugin needs.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
REPORTS=2000,20000
RUNS=3
WORK=${TMPDIR:-/tmp}/govsite-bench
RESULTS=
PROFILE=false
FRESH=false
SKIP=
PDF=false

usage() {
  sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'
  cat <<EOF

Options:
  --reports N[,N…]   corpus sizes (reports; agencies = N / 4 years 2021–2024)   [$REPORTS]
  --runs R           timed runs of each command                                  [$RUNS]
  --work DIR         where corpora and outputs go (kept, reused if present)      [$WORK]
  --results FILE     the results file                      [WORK/results-<UTC time>.txt]
  --fresh            regenerate the corpora even if present
  --skip WHAT[,WHAT] leave out check, rebuild, start (Maven's start) and/or hugo when time is short
  --profile          instead of timing: one generate per size under JFR, and its hot methods
  --pdf              make each report's PDF too (off by default: Hugo makes none, so the
                     comparison is page for page; PDFs cost about 0.13 CPU-seconds a report)
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --reports) REPORTS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --results) RESULTS=$2; shift 2 ;;
    --fresh) FRESH=true; shift ;;
    --skip) SKIP=,$2,; shift 2 ;;
    --profile) PROFILE=true; shift ;;
    --pdf) PDF=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

die() { echo "run.sh: $*" >&2; exit 1; }
wanted() { case "$SKIP" in *",$1,"*) return 1 ;; *) return 0 ;; esac; }

# ---- prerequisites -------------------------------------------------------------------------------------------
command -v java >/dev/null || die "java not found (Java 17 is needed)"
command -v mvn >/dev/null || die "mvn not found"
[ -x /usr/bin/time ] || die "/usr/bin/time not found: install it (Debian: apt-get install -y time)"
HUGO=$(command -v hugo || true)
if wanted hugo; then
  [ -n "$HUGO" ] || echo "hugo not found: the Hugo runs are skipped (Debian: apt-get install -y hugo)" >&2
else
  HUGO=
  echo "--skip hugo: the Hugo runs are skipped" >&2
fi

VERSION=$(sed -n '/<artifactId>govsite-parent<\/artifactId>/,/<\/version>/s:.*<version>\(.*\)</version>.*:\1:p' \
  "$ROOT/pom.xml" | head -1)
REPO=${MAVEN_REPO:-$HOME/.m2/repository}
INSTALLED=$REPO/org/govsite/govsite-maven-plugin/$VERSION/govsite-maven-plugin-$VERSION.jar
[ -f "$INSTALLED" ] || die "the plugin $VERSION is not in $REPO: run 'mvn -B -q install -DskipTests' first"
BUILT=$ROOT/plugin/target/govsite-maven-plugin-$VERSION.jar
if [ -f "$BUILT" ] && ! cmp -s "$BUILT" "$INSTALLED"; then
  echo "warning: the installed plugin differs from this clone's plugin/target jar; measuring the installed one" >&2
fi
PLUGIN_SHA=$(sha256sum "$INSTALLED" | cut -c1-12)

CLASSES=$ROOT/benchmark/target/classes
if [ ! -f "$CLASSES/org/govsite/bench/CorpusGenerator.class" ]; then
  (cd "$ROOT" && mvn -B -q -o -pl benchmark compile) || die "could not compile the benchmark module"
fi

mkdir -p "$WORK"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=${RESULTS:-$WORK/results-$STAMP.txt}
RAW=$WORK/raw-$STAMP
mkdir -p "$RAW"

MVN=(mvn -B -q -o -Dgovsite.pdf=$PDF)

# ---- helpers ---------------------------------------------------------------------------------------------------
# measure NAME DIR CMD…: runs CMD in DIR under /usr/bin/time -v, appends "wall-seconds peak-RSS-KiB CPU-seconds"
# (user + system, of the process and its children) to RAW/NAME.samples
measure() {
  local name=$1 dir=$2; shift 2
  local n=1
  [ -f "$RAW/$name.samples" ] && n=$(( $(wc -l <"$RAW/$name.samples") + 1 ))
  local log=$RAW/$name-$n
  if ! (cd "$dir" && /usr/bin/time -v -o "$log.time" "$@" >"$log.out" 2>&1); then
    tail -20 "$log.out" >&2
    die "failed: $* (in $dir; log $log.out)"
  fi
  awk -F': ' '
    /Elapsed \(wall clock\) time/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
    /Maximum resident set size/ { k = $2 }
    /User time \(seconds\)|System time \(seconds\)/ { cpu += $2 }
    END { printf "%.2f %d %.2f\n", s, k, cpu }' "$log.time" >>"$RAW/$name.samples"
}

# median NAME COLUMN: the median of a column of RAW/NAME.samples (1 = wall seconds, 2 = KiB, 3 = CPU seconds)
median() {
  [ -f "$RAW/$1.samples" ] || { echo ""; return; }
  awk -v c="$2" '{ print $c }' "$RAW/$1.samples" | sort -g | awk '
    { v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

secs() { [ -n "$1" ] && printf '%.2f s' "$1" || printf '—'; }
mib() { [ -n "$1" ] && printf '%d MiB' $(( ${1%.*} / 1024 )) || printf '—'; }
ratio() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }' || printf '—'; }

# corpus N: generates WORK/N (unless present) and checks it is valid: 0 errors, 0 warnings
corpus() {
  local n=$1 dir=$WORK/$1
  if $FRESH || ! grep -q "^reports=$n\$" "$dir/corpus.properties" 2>/dev/null; then
    rm -rf "$dir"
    echo "generating $n reports in $dir …"
    java -cp "$CLASSES" org.govsite.bench.CorpusGenerator --reports "$n" --plugin-version "$VERSION" --out "$dir"
  fi
  rm -rf "$dir/govsite/target"
  echo "checking the corpus (and warming the disk cache) …"
  local summary
  # timed too: the first check of a corpus (disk cache cold for it), listed in the samples as first-check-N
  measure "first-check-$n" "$dir/govsite" mvn -B -o govsite:check
  summary=$(grep '共检查' "$RAW/first-check-$n-1.out" || true)
  case "$summary" in
    *"错误 0 个，警告 0 个"*) ;;
    *) die "the generated corpus is not clean: ${summary:-no summary; run mvn -B -o govsite:check in $dir/govsite}" ;;
  esac
}

machine() {
  echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine:  $(uname -n), $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)),"\
    "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory"
  echo "java:     $(java -version 2>&1 | head -1)"
  echo "pdf:      $PDF (--pdf makes each report's PDF too)"
  echo "maven:    $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')${MAVEN_OPTS:+, MAVEN_OPTS=$MAVEN_OPTS}"
  if [ -n "$HUGO" ]; then echo "hugo:     $("$HUGO" version)"; else echo "hugo:     not installed"; fi
  echo "govsite:  $VERSION (installed jar sha256 $PLUGIN_SHA), clone at $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (uncommitted changes)')"
}

# ---- profile mode ----------------------------------------------------------------------------------------------
if $PROFILE; then
  for n in ${REPORTS//,/ }; do
    corpus "$n"
    jfr=$WORK/generate-$n-$STAMP.jfr
    echo "profiling one generate of $n reports → $jfr"
    (cd "$WORK/$n/govsite" && rm -rf target &&
      MAVEN_OPTS="${MAVEN_OPTS:-} -XX:StartFlightRecording=filename=$jfr,settings=profile" \
        /usr/bin/time -v -o "$RAW/profile-$n.time" "${MVN[@]}" govsite:generate >"$RAW/profile-$n.out" 2>&1) ||
      die "generate failed under JFR; see $RAW/profile-$n.out"
    {
      machine
      echo "load:     $(uptime | sed 's/.*load average/load average/')"
      echo "command:  MAVEN_OPTS='-XX:StartFlightRecording=filename=…,settings=profile' mvn -B -q -o govsite:generate ($n reports)"
      grep -E 'Elapsed|Maximum resident|User time|System time' "$RAW/profile-$n.time" | sed 's/^[[:space:]]*/          /'
      java -cp "$CLASSES" org.govsite.bench.JfrHotMethods "$jfr" 30
    } | tee "${RESULTS%.txt}-profile-$n.txt"
  done
  exit 0
fi

# ---- timed runs ------------------------------------------------------------------------------------------------
LOAD_BEFORE=$(uptime | sed 's/.*load average/load average/')
echo "runs: $RUNS of each, reports: $REPORTS; raw logs in $RAW"

# Maven's own start is measured with the first size, on the empty project beside its corpus
first=${REPORTS%%,*}
for n in ${REPORTS//,/ }; do
  corpus "$n"
  dir=$WORK/$n
  for r in $(seq "$RUNS"); do
    echo "[$n] run $r/$RUNS: generate, hugo, check, empty Maven (unless skipped)"
    rm -rf "$dir/govsite/target"
    measure "generate-$n" "$dir/govsite" "${MVN[@]}" govsite:generate
    if [ -n "$HUGO" ]; then
      rm -rf "$dir/hugo-public" "$dir/hugo-cache"
      measure "hugo-$n" "$dir/hugo" "$HUGO" --quiet --cacheDir "$dir/hugo-cache" -d "$dir/hugo-public"
    fi
    if wanted check; then
      measure "check-$n" "$dir/govsite" "${MVN[@]}" govsite:check
    fi
    if [ "$n" = "$first" ] && wanted start; then
      measure maven-start "$dir/empty" "${MVN[@]}" validate
    fi
  done
  # one changed number, with the previous output in place (govsite: target/govsite, Hugo: public/)
  for r in $(seq "$RUNS"); do
    wanted rebuild || break
    echo "[$n] rebuild $r/$RUNS: one number of one report changed"
    java -cp "$CLASSES" org.govsite.bench.CorpusGenerator --change "$dir" >>"$RAW/changes.txt"
    measure "rebuild-$n" "$dir/govsite" mvn -B -o -Dgovsite.pdf=$PDF govsite:generate
    grep -o 'govsite: [0-9]* files (.*); open' "$RAW/rebuild-$n-$r.out" >>"$RAW/rebuild-notes-$n.txt" || true
    if [ -n "$HUGO" ]; then
      measure "hugo-rebuild-$n" "$dir/hugo" "$HUGO" --quiet --cacheDir "$dir/hugo-cache" -d "$dir/hugo-public"
    fi
  done
  # target/govsite is a link to the published site folder: follow it
  files=$(find "$dir/govsite/target/govsite/" -type f | wc -l)
  size=$(du -sm "$dir/govsite/target/govsite/" | cut -f1)
  echo "$files $size" >"$RAW/output-$n.txt"
  if [ -n "$HUGO" ]; then
    echo "$(find "$dir/hugo-public" -type f | wc -l) $(du -sm "$dir/hugo-public" | cut -f1)" >"$RAW/hugo-output-$n.txt"
  fi
done
LOAD_AFTER=$(uptime | sed 's/.*load average/load average/')

# ---- results ---------------------------------------------------------------------------------------------------
{
  echo "govsite beside Hugo: $RUNS runs each, medians, whole process (/usr/bin/time -v)"
  machine
  echo "load:     before $LOAD_BEFORE; after $LOAD_AFTER (2 cores: a load above 2 means other work competed)"
  echo "command:  benchmark/run.sh --reports $REPORTS --runs $RUNS${SKIP:+ --skip ${SKIP:1:-1}}"
  echo
  start=$(median maven-start 1)
  echo "Maven start, empty project (mvn validate): $(secs "$start"), CPU $(secs "$(median maven-start 3)"), $(mib "$(median maven-start 2)")"
  echo
  echo "Maven start is included in every govsite figure. CPU = user + system seconds (all cores): less disturbed than"
  echo "wall time when other work shares the machine."
  echo
  echo "| reports | govsite generate | Hugo | govsite ÷ Hugo | CPU govsite / Hugo | peak RSS govsite / Hugo | govsite:check | one-report rebuild govsite / Hugo | files written govsite / Hugo |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for n in ${REPORTS//,/ }; do
    read -r gfiles gsize <"$RAW/output-$n.txt"
    hout="—"
    if [ -f "$RAW/hugo-output-$n.txt" ]; then
      read -r hfiles hsize <"$RAW/hugo-output-$n.txt"
      hout="$hfiles, $hsize MB"
    fi
    printf '| %s | %s | %s | %s | %s / %s | %s / %s | %s | %s / %s | %s, %s MB / %s |\n' "$n" \
      "$(secs "$(median "generate-$n" 1)")" "$(secs "$(median "hugo-$n" 1)")" \
      "$(ratio "$(median "generate-$n" 1)" "$(median "hugo-$n" 1)")" \
      "$(secs "$(median "generate-$n" 3)")" "$(secs "$(median "hugo-$n" 3)")" \
      "$(mib "$(median "generate-$n" 2)")" "$(mib "$(median "hugo-$n" 2)")" \
      "$(secs "$(median "check-$n" 1)")" \
      "$(secs "$(median "rebuild-$n" 1)")" "$(secs "$(median "hugo-rebuild-$n" 1)")" \
      "$gfiles" "$gsize" "$hout"
  done
  echo
  echo "Against the targets of issue 12:"
  for n in ${REPORTS//,/ }; do
    g=$(median "generate-$n" 1); h=$(median "hugo-$n" 1)
    if [ -n "$h" ]; then
      awk -v n="$n" -v g="$g" -v h="$h" -v s="$start" \
          -v cg="$(median "generate-$n" 3)" -v ch="$(median "hugo-$n" 3)" 'BEGIN {
        printf "  %6d reports: govsite takes %.2f× Hugo'"'"'s wall time and %.2f× its CPU time", n, g / h, cg / ch
        if (n >= 20000) printf "; target ≤ 0.50× (twice Hugo'"'"'s speed)\n"
        else printf "; target ≤ Hugo + Maven start = %.2f s, reached %.2f s (%+.2f s)\n", h + s, g, g - h - s }'
    fi
    awk -v n="$n" -v c="$(median "check-$n" 1)" -v m="$(median "generate-$n" 2)" 'BEGIN {
      printf "  %6d reports: ", n
      if (c != "") printf "govsite:check %.2f s (target at 20,000: < 10 s), ", c
      printf "generate peak RSS %d MiB (target < 1024 MiB)\n", m / 1024 }'
    rb=$(median "rebuild-$n" 1)
    if [ -n "$rb" ]; then
      awk -v n="$n" -v r="$rb" -v c="$(median "rebuild-$n" 3)" -v s="$start" -v note="$(tail -1 "$RAW/rebuild-notes-$n.txt" 2>/dev/null)" 'BEGIN {
        printf "  %6d reports: one-report incremental generate %.2f s wall, %.2f s CPU", n, r, c
        if (s != "") printf "; minus Maven'"'"'s start: %.2f s of plugin time (target < 1 s at 20,000)", r - s
        printf "\n          (%s)\n", note }'
    fi
  done
  echo
  echo "Samples (wall seconds, peak RSS KiB, CPU seconds), in run order:"
  for f in "$RAW"/*.samples; do
    printf '  %-22s %s\n' "$(basename "$f" .samples)" "$(tr '\n' ';' <"$f" | sed 's/;$//; s/;/; /g')"
  done
} | tee "$RESULTS"
echo
echo "results written to $RESULTS"

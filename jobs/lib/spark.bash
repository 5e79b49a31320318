# Sourced by jobs/local-cluster, jobs/test-resume and jobs/bench-sweep (not run on its own).
# Builds the app jar and a Spark-only classpath, runs SweepCheck, and starts and stops background
# processes strictly by PID, with bounded waits.
# Expects the caller to have set `set -euo pipefail` and `root` (the project folder).

target="$root/target"
app_jar="$target/sigprop-0.1.0.jar"
# Spark and its dependencies only (Maven's provided scope): what a Spark distribution's jars/
# folder holds, so the app jar has to bring everything else itself, as on a real cluster.
spark_cp_file="$target/spark-classpath.txt"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Spark's own JVM options on Java 17, kept in one place: the pom's spark.jvm.options property.
read -r -a spark_jvm_opts <<<"$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' \
  "$root/pom.xml")"
((${#spark_jvm_opts[@]} > 0)) || { echo "spark.jvm.options not found in pom.xml" >&2; exit 1; }

# jobs/sigprop's sweeps write to log files here: no progress bar redrawn in them.
export SIGPROP_JAVA_OPTS="${SIGPROP_JAVA_OPTS:-} -Dspark.ui.showConsoleProgress=false"

log() { echo "$(date +%H:%M:%S) ${0##*/}: $*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# Maven's output only when it fails. Offline first (fast, no network); online when the local
# repository lacks something, e.g. on a fresh CI machine.
quiet_mvn() {
  local out
  out=$(mvn -B -q -o -Dstyle.color=never "$@" 2>&1) && return 0
  out=$(mvn -B -q -Dstyle.color=never "$@" 2>&1) || { echo "$out" >&2; return 1; }
}

# Packages the app jar (and the test classes, for SweepCheck) unless it is newer than every
# source, so a CI step that packaged just before costs nothing here; lists Spark's classpath
# unless listed since the pom last changed.
build_app() {
  if [[ ! -f "$app_jar" || ! -d "$target/test-classes" \
        || -n "$(find "$root/src" "$root/pom.xml" -newer "$app_jar" -print -quit)" ]]; then
    log "building the app jar (mvn package -DskipTests)"
    (cd "$root" && quiet_mvn package -DskipTests)
  fi
  if [[ ! -f "$spark_cp_file" || "$root/pom.xml" -nt "$spark_cp_file" ]]; then
    (cd "$root" && quiet_mvn dependency:build-classpath -DincludeScope=provided \
      -Dmdep.outputFile="$spark_cp_file")
  fi
}

# Runs SweepCheck (src/test/java/sigprop/spark) on Spark's classpath plus the app jar.
sweep_check() {
  "$java_bin" "${spark_jvm_opts[@]}" -Xmx2g \
    -Dlog4j2.configurationFile="$root/conf/log4j2.properties" \
    -cp "$target/test-classes:$app_jar:$(cat "$spark_cp_file")" sigprop.spark.SweepCheck "$@" \
    2> >(grep -v --line-buffered '^WARNING: Using incubator modules' >&2)
}

# Waits until FILE matches REGEX; fails when PID exits first or after TIMEOUT seconds.
wait_for_line() {
  local file=$1 regex=$2 pid=$3 timeout=$4 waited=0
  until grep -qE "$regex" "$file" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || die "process $pid exited before '$regex' appeared in $file"
    ((waited++ < timeout * 5)) || die "no '$regex' in $file after ${timeout}s"
    sleep 0.2
  done
}

# Stops PID: SIGTERM, up to TIMEOUT seconds for it to go, then SIGKILL, then waits until the
# PID is really gone (a half-dead worker keeps being offered executors by the master).
stop_pid() {
  local pid=$1 timeout=${2:-20} waited=0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited++ == timeout * 5)); then
      log "process $pid ignored SIGTERM for ${timeout}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    ((waited < (timeout + 10) * 5)) || { log "process $pid survives SIGKILL"; return 1; }
    sleep 0.2
  done
  wait "$pid" 2>/dev/null || true   # reap it when it is our child
}

# Prints the last lines of each log file given, for a failure report.
show_tails() {
  local f
  for f in "$@"; do
    [[ -s "$f" ]] || continue
    echo "----- ${f#"$root/"} (last 25 lines) -----" >&2
    tail -n 25 "$f" >&2
  done
}

# Every process a script starts in the background, in start order; stop_started stops them.
# When pid_file is set (jobs/local-cluster), run_logged also appends each PID to it.
started=()
pid_file=''

# Runs a command (not a shell function: its PID must be the process itself) in the background
# with its output in LOG, and waits at most TIMEOUT seconds for it; while it runs it is in
# `started`, so a failure or Ctrl-C stops it. Returns the command's exit code.
run_logged() {
  local timeout=$1 logfile=$2 pid waited=0 code=0
  shift 2
  "$@" >"$logfile" 2>&1 &
  pid=$!
  started+=("$pid")
  [[ -z $pid_file ]] || echo "$pid" >>"$pid_file"
  while kill -0 "$pid" 2>/dev/null; do
    ((waited++ < timeout * 5)) || die "${1##*/} still running after ${timeout}s (log: $logfile)"
    sleep 0.2
  done
  wait "$pid" || code=$?
  forget_pid "$pid"   # gone: its number may soon belong to someone else's process
  return "$code"
}

# Removes PID from `started`.
forget_pid() {
  local keep=() p
  for p in "${started[@]}"; do
    [[ $p == "$1" ]] || keep+=("$p")
  done
  started=("${keep[@]}")
}

# Stops everything in `started`, newest first, each process's children (a worker's executors)
# before the process itself. Returns non-zero when something would not die.
stop_started() {
  local i pid child ok=0
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do
    pid=${started[i]}
    for child in $(pgrep -P "$pid" 2>/dev/null || true); do
      stop_pid "$child" || ok=1
    done
    stop_pid "$pid" || ok=1
  done
  started=()
  return $ok
}

# Waits until FILE exists; fails when PID exits first or after TIMEOUT seconds. Polls often so
# that a caller reacting to the file (a kill) acts within a tenth of a second.
wait_for_file() {
  local file=$1 pid=$2 timeout=$3 waited=0
  until [[ -e "$file" ]]; do
    kill -0 "$pid" 2>/dev/null || die "process $pid exited before $file appeared"
    ((waited++ < timeout * 10)) || die "no $file after ${timeout}s"
    sleep 0.1
  done
}

# The PID of the sigprop JVM (main class sigprop.cli.Main) that LAUNCHER is or started: the
# launcher itself when it exec'd java, else one of its descendants. Waits at most TIMEOUT
# seconds for it (the launcher may be compiling first); fails when the launcher exits first.
sigprop_jvm() {
  local launcher=$1 timeout=$2 waited=0 pid
  while true; do
    for pid in "$launcher" $(pgrep -P "$launcher" 2>/dev/null || true); do
      if tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q ' sigprop\.cli\.Main '; then
        echo "$pid"
        return 0
      fi
    done
    kill -0 "$launcher" 2>/dev/null || die "launcher $launcher exited before its JVM started"
    ((waited++ < timeout * 10)) || die "no sigprop JVM under process $launcher after ${timeout}s"
    sleep 0.1
  done
}

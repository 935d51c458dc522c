#!/usr/bin/env bash
# Median wall time of creating a seeded environment, this tool against python -m venv and (when
# installed) real virtualenv, all measured in this run on the same interpreter. Each tool first
# runs once untimed so its cache is warm; every timed run creates a fresh environment.
#
# usage: bench/benchmark.sh [-n RUNS] [-p PYTHON] [-t TOOL] [-V VIRTUALENV]
#   RUNS        timed runs per command (default 10; stops early after about 2 minutes per command)
#   PYTHON      target interpreter (default /usr/bin/python3)
#   TOOL        this tool (default target/virtualenv next to this script)
#   VIRTUALENV  real virtualenv command (default: `virtualenv` on PATH, skipped when absent)
# Uses hyperfine when it is installed, else its own loop. Commands run with a clean environment
# (no PIP_*, PYTHON*, VIRTUALENV_* from the caller) and a temporary HOME, so caches start empty.
set -euo pipefail

runs=10
python=/usr/bin/python3
here=$(cd "$(dirname "$0")" && pwd)
tool="$here/../target/virtualenv"
real_virtualenv=$(command -v virtualenv || true)
while getopts "n:p:t:V:h" opt; do
    case $opt in
        n) runs=$OPTARG ;;
        p) python=$OPTARG ;;
        t) tool=$OPTARG ;;
        V) real_virtualenv=$OPTARG ;;
        *) sed -n '2,13p' "$0"; exit 2 ;;
    esac
done
[ -x "$tool" ] || { echo "benchmark: $tool not found: build it with mvn -q -DskipTests package" >&2; exit 1; }
[ -x "$python" ] || { echo "benchmark: $python is not an executable interpreter" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/jvirtualenv-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"
clean_env=(env -i "PATH=/usr/local/bin:/usr/bin:/bin" "HOME=$work/home" "LANG=C.UTF-8"
           "XDG_CACHE_HOME=$work/home/.cache" "XDG_CONFIG_HOME=$work/home/.config" "XDG_DATA_HOME=$work/home/.local/share"
           "PIP_DISABLE_PIP_VERSION_CHECK=1")
[ -n "${JAVA_HOME:-}" ] && clean_env+=("JAVA_HOME=$JAVA_HOME")

names=()
commands=()
add() { names+=("$1"); commands+=("$2"); }
q() { printf '%q' "$1"; }
add "jvirtualenv (seeded)" "$(q "$tool") -q -p $(q "$python") $(q "$work/env")"
add "jvirtualenv --no-seed" "$(q "$tool") -q --no-seed -p $(q "$python") $(q "$work/env")"
add "venv (with pip)" "$(q "$python") -m venv $(q "$work/env")"
add "venv --without-pip" "$(q "$python") -m venv --without-pip $(q "$work/env")"
if [ -n "$real_virtualenv" ]; then
    add "virtualenv (seeded)" "$(q "$real_virtualenv") -q -p $(q "$python") $(q "$work/env")"
    add "virtualenv --no-seed" "$(q "$real_virtualenv") -q --no-seed -p $(q "$python") $(q "$work/env")"
else
    echo "benchmark: real virtualenv not found (apt-get install python3-virtualenv, or -V PATH): skipped" >&2
fi

now_ms() { date +%s%N | cut -c1-13; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%d\n", (a[NR/2]+a[NR/2+1])/2}'; }

declare -A result
# Warm-up: one untimed run of each (fills each tool's cache), then the timed runs interleaved
# round-robin, so a change in machine load during the run affects every command alike. Before each
# timed run the previous environment is deleted and the deletion synced to disk: otherwise the
# next command, whichever it is, pays for writing back the last one's removal.
for i in "${!names[@]}"; do
    rm -rf "$work/env"
    "${clean_env[@]}" bash -c "${commands[$i]}" >/dev/null 2>&1 || { echo "benchmark: '${names[$i]}' failed: ${commands[$i]}" >&2; exit 1; }
    : > "$work/times.$i"
done
if command -v hyperfine >/dev/null; then
    for i in "${!names[@]}"; do
        "${clean_env[@]}" "$(command -v hyperfine)" -N --style none --runs "$runs" --prepare "sh -c $(q "rm -rf $(q "$work/env") && sync")" \
            --export-json "$work/h.json" "bash -c $(q "${commands[$i]}")" >/dev/null 2>&1
        result[$i]=$("$python" -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$work/h.json")
    done
else
    start_all=$(now_ms)
    for ((r = 0; r < runs; r++)); do
        for i in "${!names[@]}"; do
            rm -rf "$work/env"; sync
            t0=$(now_ms)
            "${clean_env[@]}" bash -c "${commands[$i]}" >/dev/null 2>&1
            t1=$(now_ms)
            echo $((t1 - t0)) >> "$work/times.$i"
        done
        [ $(($(now_ms) - start_all)) -gt $((120000 * ${#names[@]})) ] && break
    done
    for i in "${!names[@]}"; do result[$i]=$(median < "$work/times.$i"); done
fi

base_label="venv (with pip)"
ref=""
for i in "${!names[@]}"; do [ "${names[$i]}" = "virtualenv (seeded)" ] && ref=$i; done
printf '%s runs each, target %s (%s)\n' "$runs" "$python" "$("$python" -c 'import sys; print(sys.version.split()[0])')"
printf '%-24s %10s %14s %14s\n' "command" "median ms" "vs venv+pip" "vs virtualenv"
for i in "${!names[@]}"; do
    vs_venv=$(awk -v a="${result[$i]}" -v b="${result[2]}" 'BEGIN {printf "%.2f", a / b}')
    if [ -n "$ref" ]; then
        vs_ve=$(awk -v a="${result[$i]}" -v b="${result[$ref]}" 'BEGIN {printf "%.2f", a / b}')
    else
        vs_ve="-"
    fi
    printf '%-24s %10s %14s %14s\n' "${names[$i]}" "${result[$i]}" "$vs_venv" "$vs_ve"
done

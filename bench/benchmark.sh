#!/usr/bin/env bash
# Paired benchmark of this tool against virtualenv 21.14.1 (issue 13's targets), with Debian's
# virtualenv 20.17.1 and `python -m venv` as further references. See bench/README.md.
#
# usage: bench/benchmark.sh [-n RUNS] [-p PYTHON] [-t TOOL] [-V VIRTUALENV21] [-w WORKDIR]
#                           [-c CASES] [-b OTHER_TOOL] [--no-hyperfine] [--delete-between]
#                           [--breakdown] [--warm]
#   -n RUNS         timed runs per command (default 10), alternated round by round
#   -p PYTHON       the explicit 3.11 interpreter (default: the highest pyenv 3.11.x, else
#                   /usr/bin/python3.11)
#   -t TOOL         this tool (default target/virtualenv of this checkout)
#   -V VIRTUALENV21 an installed virtualenv 21.14.1 command (default: installed by this script
#                   into WORKDIR/cache from the configured package index)
#   -w WORKDIR      where the cache (virtualenv 21, Java floor) and each run's scratch go
#                   (default bench/.work)
#   -c CASES        a comma-separated subset of a,b,c,d,e (default all)
#   -b OTHER_TOOL   another build of this tool (e.g. a copy of target/virtualenv from before a
#                   change), timed in the same rounds as a reference row of every case
#   --no-hyperfine  use the script's own interleaved loop even when hyperfine is installed
#   --delete-between  delete each environment before the next timed run, as this script did until
#                   it was found to charge every run for the runs before it (see bench/README.md);
#                   by default they are set aside and deleted at the end
#   --breakdown     instead of the comparison, show where this tool's time goes
#   --warm          instead of the comparison, time creations repeated inside one JVM: what a
#                   process kept running between commands could reach (see bench/README.md)
# Cases and targets (ratio of medians, this tool / the baseline):
#   (a) seeded creation, -p PYTHON                       <= 0.30 x virtualenv 21
#   (b) --no-seed, -p PYTHON                             <= 0.30 x virtualenv 21 --no-seed
#   (c) `virtualenv ENV`, no -p, pyenv shims first on PATH  <= 0.30 x virtualenv 21
#   (d) seeded creation, then the first ENV/bin/pip --version  <= 0.35 x virtualenv 21
#   (e) --version                                        <= 2 x a Java hello world (same java, flags, CDS)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
runs=10
python=""
tool="$here/../target/virtualenv"
ve21=""
work="$here/.work"
cases="a,b,c,d,e"
other=""
hyperfine=$(command -v hyperfine || true)
mode=compare
delete_between=""
VE21_VERSION=21.14.1

die() { echo "benchmark: $*" >&2; exit 1; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
    case $1 in
        -n) runs=$2; shift 2 ;;
        -p) python=$2; shift 2 ;;
        -t) tool=$2; shift 2 ;;
        -V) ve21=$2; shift 2 ;;
        -w) work=$2; shift 2 ;;
        -c) cases=$2; shift 2 ;;
        -b) other=$2; shift 2 ;;
        --no-hyperfine) hyperfine=""; shift ;;
        --delete-between) delete_between=1; shift ;;
        --breakdown) mode=breakdown; shift ;;
        --warm) mode=warm; shift ;;
        -h|--help) usage 0 ;;
        *) echo "benchmark: unknown argument '$1'" >&2; usage 2 ;;
    esac
done
case $runs in ''|*[!0-9]*|0) die "-n wants a positive number of runs, not '$runs'" ;; esac
wants() { case ",$cases," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

# --- what is measured -----------------------------------------------------------------------
[ -x "$tool" ] || die "$tool not found: build it with 'mvn -q -DskipTests package' (or pass -t)"
tool=$(cd "$(dirname "$tool")" && pwd)/$(basename "$tool")
if [ -n "$other" ]; then
    [ -x "$other" ] || die "-b $other is not executable"
    other=$(cd "$(dirname "$other")" && pwd)/$(basename "$other")
fi
# pyenv's root by pyenv's own rule (PYENV_ROOT, else ~/.pyenv); empty when there is none.
pyenv_root=${PYENV_ROOT:-$HOME/.pyenv}
pyenv_root=${pyenv_root%/}
[ -d "$pyenv_root/versions" ] || pyenv_root=""
if [ -z "$python" ]; then
    if [ -n "$pyenv_root" ]; then
        python=$(ls -d "$pyenv_root"/versions/3.11.*/bin/python3.11 2>/dev/null | sort -V | tail -n 1)
    fi
    [ -n "$python" ] || python=/usr/bin/python3.11
fi
[ -x "$python" ] || die "$python is not an executable interpreter (pass -p with a CPython 3.11)"
python_version=$("$python" -c 'import sys; print(sys.version.split()[0])') || die "$python does not run"

mkdir -p "$work/cache"
work=$(cd "$work" && pwd)
# A run ends by deleting every environment it made (see "between runs" below). On an ext4 without
# a journal the kernel then makes every inode allocated in the next minute step over those freed
# ones, which would slow the next run's creations, virtualenv 21's about four times as much as
# ours. So a run started within that minute waits until it is over.
last_deletion="$work/cache/last-deletion"
if [ -f "$last_deletion" ]; then
    deleted_at=$(cat "$last_deletion" 2>/dev/null)
    case $deleted_at in ''|*[!0-9]*) deleted_at=0 ;; esac
    pause=$((deleted_at + 65 - $(date +%s)))
    if [ "$pause" -gt 0 ] && [ "$pause" -le 65 ]; then
        echo "benchmark: waiting ${pause}s: the last run deleted its environments less than a minute ago" >&2
        sleep "$pause"
    fi
fi
run=$(mktemp -d "$work/run.XXXXXX")
trap 'rm -rf "$run"; sync; date +%s > "$last_deletion"' EXIT
env_dir="$run/env"
aside="$run/set-aside"
mkdir "$aside"

q() { printf '%q' "$1"; }
# The environment of every timed process: nothing from the caller (no PIP_*, VIRTUALENV_*,
# PYTHON*, JAVA_TOOL_OPTIONS...) except JAVA_HOME, which picks the JVM the launcher runs. Each
# tool gets its own HOME (and so its own caches) inside this run's scratch folder.
base_path=/usr/local/bin:/usr/bin:/bin
clean_env() { # HOME-NAME [PATH]
    local home="$run/home-$1"
    mkdir -p "$home"
    printf 'env -i PATH=%s HOME=%s LANG=C.UTF-8 XDG_CACHE_HOME=%s XDG_CONFIG_HOME=%s XDG_DATA_HOME=%s' \
        "$(q "${2:-$base_path}")" "$(q "$home")" "$(q "$home/.cache")" "$(q "$home/.config")" "$(q "$home/.local/share")"
    if [ -n "${JAVA_HOME:-}" ]; then printf ' JAVA_HOME=%s' "$(q "$JAVA_HOME")"; fi
}

# --- between runs --------------------------------------------------------------------------------
# Every run needs ENV absent. Deleting the last one frees its inodes, and on an ext4 without a
# journal (the build VM's root) the kernel, for every inode it then allocates, steps over each one
# freed in the last minute: a run would pay for the deletions of the runs before it, in proportion
# to the inodes it makes itself (virtualenv 21 makes about four times as many as this tool). So
# by default the last environment is renamed aside, which frees nothing, and all of them are
# deleted at the end; `sync` still runs before each timed run, so that none pays for writing back
# the one before. bench/README.md has the numbers.
between_note=""
set_between() {
    if [ -n "$delete_between" ]; then
        clear_env="rm -rf $(q "$env_dir") && sync"
    else
        clear_env="if [ -e $(q "$env_dir") ]; then mv $(q "$env_dir") \"\$(mktemp -d $(q "$aside")/env.XXXXXX)\"; fi && sync"
    fi
}
clear_env_now() { sh -c "$clear_env"; }
# Called once the commands are known: about 30 MB an environment at most (python -m venv with pip),
# so when the set-aside environments would not fit, they are deleted between runs after all.
plan_space() {
    [ -z "$delete_between" ] || { between_note="deleted before each run (--delete-between)"; return; }
    local need_kb avail_kb
    need_kb=$(((runs + 2) * ${#names[@]} * 32 * 1024))
    avail_kb=$(df -Pk "$run" | awk 'NR == 2 { print $4 }')
    if [ -n "$avail_kb" ] && [ "$avail_kb" -lt "$need_kb" ]; then
        delete_between=1
        set_between
        between_note="deleted before each run: setting them aside needs about $((need_kb / 1024)) MB, $((avail_kb / 1024)) MB are free"
    else
        between_note="set aside, deleted at the end"
    fi
}
set_between

# --- virtualenv 21.14.1, the baseline ----------------------------------------------------------
# Installed once into the cache, in a venv of the benchmark's own interpreter (so its default
# interpreter in case (c) is the same one). pip runs with the caller's environment and pip
# configuration, which is what points it at a local index on an offline machine.
ensure_ve21() {
    if [ -n "$ve21" ]; then
        [ -x "$ve21" ] || die "-V $ve21 is not executable"
    else
        local key dir log
        key=$(printf '%s' "$python" | cksum | cut -d' ' -f1)
        dir="$work/cache/virtualenv-$VE21_VERSION-py$python_version-$key"
        ve21="$dir/bin/virtualenv"
        # .complete is written last: a half-made install (interrupted, failed) is made again.
        if [ ! -f "$dir/.complete" ]; then
            echo "benchmark: installing virtualenv $VE21_VERSION into $dir (once)" >&2
            rm -rf "$dir"
            log="$work/cache/virtualenv-install.log"
            if ! { "$python" -m venv "$dir" && "$dir/bin/python" -m pip install --retries 0 \
                    --disable-pip-version-check "virtualenv==$VE21_VERSION"; } >"$log" 2>&1; then
                rm -rf "$dir"
                die "cannot install virtualenv $VE21_VERSION, the baseline of every target, with
  $python -m venv DIR && DIR/bin/python -m pip install virtualenv==$VE21_VERSION
  pip's last words (full log: $log):
$(grep -v '^ *$' "$log" | tail -n 3 | sed 's/^/    /')
  Point pip at an index that has it (pip.conf, PIP_INDEX_URL), or pass -V with an installed
  virtualenv $VE21_VERSION."
            fi
            touch "$dir/.complete"
        fi
    fi
    local version
    version=$($(clean_env ve21) "$ve21" --version 2>&1 | head -n 1 | cut -d' ' -f2)
    [ "$version" = "$VE21_VERSION" ] || die "$ve21 is virtualenv '$version', not $VE21_VERSION (pass -V)"
}

# --- the Java floor for (e) -----------------------------------------------------------------
# A hello world run with the JVM and the flags the launcher uses, and with its own class-data
# archive made the way the launcher makes ours. The flags are not copied from launcher.sh: the
# launcher is run once with a recording stand-in for java (through JAVA_HOME, which it honours),
# so the floor follows whatever the launcher does.
real_java=""
java_cmd=""
java_flags=""
floor_cmd=""
# Prints the options that map a class-data archive for JAR, made the way the launcher makes the
# tool's for this JDK: from JDK 25 an AOT cache, before that a static archive; either from one
# training run of `java -jar JAR ARGS...`. Needs real_java and java_flags (build_floor sets them).
archive_flags() { # JAR BASE [ARGS...] -> options; BASE.aot or BASE.jsa is written
    local jar=$1 base=$2 feature
    shift 2
    feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$(dirname "$(dirname "$real_java")")/release" 2>/dev/null)
    if [ "${feature:-0}" -ge 25 ]; then
        # shellcheck disable=SC2086 # the flags are one word each, as the launcher passes them
        "$real_java" $java_flags -Xlog:disable -XX:AOTMode=record -XX:AOTConfiguration="$base.aotconf" \
            -jar "$jar" "$@" >/dev/null
        # shellcheck disable=SC2086
        "$real_java" $java_flags -XX:AOTMode=create -XX:AOTConfiguration="$base.aotconf" \
            -XX:AOTCache="$base.aot" -cp "$jar" >/dev/null 2>&1 || die "could not make the AOT cache of $jar"
        printf '%s' "-XX:AOTCache=$(q "$base.aot") -Xlog:aot=off"
    else
        # shellcheck disable=SC2086
        "$real_java" $java_flags -XX:DumpLoadedClassList="$base.classes" -jar "$jar" "$@" >/dev/null
        "$real_java" -Xshare:dump -XX:SharedClassListFile="$base.classes" -XX:SharedArchiveFile="$base.jsa" \
            -XX:+UseSerialGC -cp "$jar" >/dev/null 2>&1 || die "could not dump the CDS archive of $jar"
        printf '%s' "-XX:SharedArchiveFile=$(q "$base.jsa")"
    fi
}

build_floor() {
    local fake floor_archive
    [ -z "$floor_cmd" ] || return 0
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
        real_java="$JAVA_HOME/bin/java"
    else
        real_java=$(PATH=$base_path command -v java) || die "no java on $base_path (set JAVA_HOME)"
    fi
    real_java=$(readlink -f "$real_java")
    fake="$run/fake-jdk"
    mkdir -p "$fake/bin"
    printf '#!/bin/sh\nfor a in "$@"; do printf "%%s\\n" "$a"; done > "%s"\n' "$run/java-args" > "$fake/bin/java"
    chmod +x "$fake/bin/java"
    env -i PATH="$base_path" HOME="$run/home-flags" JAVA_HOME="$fake" "$tool" --version >/dev/null 2>&1 || true
    [ -s "$run/java-args" ] || die "could not learn the launcher's JVM flags (running $tool with JAVA_HOME=$fake)"
    # Everything before -jar, minus the class-list/archive options, which the floor sets itself.
    java_flags=$(sed -e '/^-jar$/,$d' -e '/^-XX:DumpLoadedClassList=/d' -e '/^-XX:SharedArchiveFile=/d' \
        -e '/^-XX:AOTCache=/d' -e '/^-Xshare:/d' -e '/^-Xlog:cds/d' -e '/^-Xlog:aot/d' "$run/java-args" | tr '\n' ' ')
    java_flags=${java_flags% }

    local floor="$run/floor" javac jar
    javac="$(dirname "$real_java")/javac"
    jar="$(dirname "$real_java")/jar"
    [ -x "$javac" ] && [ -x "$jar" ] || die "no javac/jar next to $real_java: (e) needs a JDK"
    mkdir -p "$floor/src/floor"
    cat > "$floor/src/floor/Hello.java" <<'EOF'
package floor;

/** The least a JVM-based command can do: start, print one line, exit. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello from the JVM floor");
    }
}
EOF
    "$javac" -d "$floor/classes" "$floor/src/floor/Hello.java"
    "$jar" --create --file "$floor/hello.jar" --main-class floor.Hello -C "$floor/classes" .
    floor_archive=$(archive_flags "$floor/hello.jar" "$floor/hello")
    java_cmd=$real_java
    floor_cmd="$(q "$real_java") $java_flags $floor_archive -Xlog:cds=off -jar $(q "$floor/hello.jar")"
}

# --- a bare program for (b) ----------------------------------------------------------------------
# bench/BareNoSeed.java writes the files of a --no-seed environment and does nothing else, with the
# same java, flags and kind of class-data archive as the floor: a lower bound for (b) that no
# implementation doing the rest of the tool's work can beat. After build_floor.
bare_cmd=""
BARE_ROW="bare Java: --no-seed's files only"
build_bare() {
    local bare="$run/bare" version archive
    version=$("$python" -c 'import platform; print(platform.python_version())') || die "$python does not run"
    mkdir -p "$bare/classes/bare/templates" "$bare/train"
    cp "$here/../scripts-templates/activate" "$here"/../scripts-templates/activate.* \
        "$here/../scripts-templates/activate_this.py" "$bare/classes/bare/templates/"
    rm -f "$bare/classes/bare/templates/activate.bat"
    # Concatenation compiled inline, as the tool's build does (no method-handle bootstrap per '+').
    "$(dirname "$real_java")/javac" -XDstringConcat=inline -d "$bare/classes" "$here/BareNoSeed.java"
    "$(dirname "$real_java")/jar" --create --file "$bare/bare.jar" --main-class bare.BareNoSeed -C "$bare/classes" .
    archive=$(archive_flags "$bare/bare.jar" "$bare/bare" "$python" "$version" "$bare/train/env")
    bare_cmd="$(q "$real_java") $java_flags $archive -Xlog:cds=off -jar $(q "$bare/bare.jar") $(q "$python") $version"
}

# --- pyenv for (c) ----------------------------------------------------------------------------
# Both tools run with pyenv's shims first on PATH, and PYENV_VERSION naming the interpreter of
# the other cases, so that the shim picks the same one. virtualenv's own default is the
# interpreter it is installed in (the same one, see ensure_ve21); this tool's is `python3` on PATH.
shim_path=""
shim_env=""
shim_note=""
setup_shims() {
    [ -n "$pyenv_root" ] && [ -x "$pyenv_root/shims/python3" ] || { shim_note="no pyenv shims (PYENV_ROOT or ~/.pyenv)"; return; }
    case $python in
        "$pyenv_root"/versions/*/bin/*) ;;
        *) shim_note="-p $python is not a pyenv interpreter, so a shim cannot pick it"; return ;;
    esac
    local version=${python#"$pyenv_root"/versions/}
    version=${version%%/*}
    local pyenv_bin
    pyenv_bin=$(dirname "$(readlink -f "$(command -v pyenv || echo "$pyenv_root/bin/pyenv")")")
    shim_path="$pyenv_root/shims:$pyenv_bin:$base_path"
    shim_env="PYENV_ROOT=$(q "$pyenv_root") PYENV_VERSION=$(q "$version")"
}

# --- commands ------------------------------------------------------------------------------------
# Each command is one line of shell words (no operators): hyperfine -N and the own loop both run
# it without a shell. A command that needs `&&` says `sh -c` itself.
names=()
commands=()
case_of=()
add() { case_of+=("$1"); names+=("$2"); commands+=("$3"); }
# Per case: the index of this tool's command, of the baseline, and the target ratio.
declare -A jv_index base_index target title

time_ms() { # seconds as printed by hyperfine -> milliseconds
    awk -v s="$1" 'BEGIN { printf "%.1f\n", s * 1000 }'
}
now() { if [ -n "${EPOCHREALTIME:-}" ]; then echo "${EPOCHREALTIME/,/.}"; else date +%s.%N; fi; }

# This tool's class-data archive is recorded by its first creation run, and holds the classes that
# run loaded: it must be a seeded creation (as a user's first run would be), and come before any
# timed --version run, which would otherwise time an unarchived JVM.
prewarm_jv() {
    local cmd build
    for build in "$tool" ${other:+"$other"}; do
        cmd="$(clean_env jv) $(q "$build") -q -p $(q "$python") $(q "$env_dir")"
        clear_env_now
        (cd "$run" && eval "$cmd") >"$run/prewarm.log" 2>&1 || die "jvirtualenv cannot create an environment: $cmd
$(tail -n 5 "$run/prewarm.log")"
    done
}

# Runs every command once untimed, so each tool's caches are warm (our app-data images and CDS
# archive; virtualenv's app-data and py_info), and stops on the first that fails.
warm_up() {
    local i
    for i in "${!names[@]}"; do
        clear_env_now
        (cd "$run" && eval "${commands[$i]}") >"$run/warmup.log" 2>&1 \
            || die "'${names[$i]}' failed: ${commands[$i]}
$(tail -n 5 "$run/warmup.log")"
        : > "$run/times.$i"
    done
}

# The timed runs: round by round, every command once per round, starting each round one command
# later, so load changes on a shared machine and position effects fall on every command alike.
# Before each timed run the previous environment is set aside (see "between runs").
measure() {
    local count=${#names[@]} r k i order
    for ((r = 0; r < runs; r++)); do
        order=()
        for ((k = 0; k < count; k++)); do order+=($(((r + k) % count))); done
        if [ -n "$hyperfine" ]; then
            local args=()
            for i in "${order[@]}"; do args+=("${commands[$i]}"); done
            (cd "$run" && "$hyperfine" -N --style none --runs 1 \
                --prepare "sh -c $(q "$clear_env")" \
                --export-json "$run/round.json" "${args[@]}") >"$run/hyperfine.log" 2>&1 \
                || die "hyperfine failed in round $((r + 1)): $(tail -n 3 "$run/hyperfine.log")"
            local k2=0
            while read -r seconds cpu; do
                time_ms "$seconds" >> "$run/times.${order[$k2]}"
                time_ms "$cpu" >> "$run/cpu.${order[$k2]}"
                k2=$((k2 + 1))
            done < <("$python" -c 'import json, sys
for r in json.load(open(sys.argv[1]))["results"]: print(r["times"][0], r["user"] + r["system"])' "$run/round.json")
        else
            for i in "${order[@]}"; do
                clear_env_now
                local t0 t1
                t0=$(now)
                (cd "$run" && eval "${commands[$i]}") >/dev/null 2>&1 || die "'${names[$i]}' failed in round $((r + 1))"
                t1=$(now)
                awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f\n", (b - a) * 1000 }' >> "$run/times.$i"
            done
        fi
        if [ -t 2 ]; then printf '\rbenchmark: round %d of %d' "$((r + 1))" "$runs" >&2; fi
    done
    if [ -t 2 ]; then echo >&2; fi
}
stats() { # file -> "median min max"
    sort -n "$1" | awk '{ a[NR] = $1 } END {
        m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
        printf "%.1f %.1f %.1f\n", m, a[1], a[NR] }'
}

# =================================================================================================
if [ "$mode" = breakdown ]; then
    # Where this tool's time goes, from what the tool and the JVM report. Medians over RUNS.
    build_floor
    jv_env=$(clean_env jv)
    seeded="$jv_env $(q "$tool") -vv -p $(q "$python") $(q "$env_dir")"
    add x "java hello world (floor)" "$floor_cmd"
    add x "jvirtualenv --version" "$jv_env $(q "$tool") --version"
    add x "jvirtualenv --no-seed" "$jv_env $(q "$tool") -q --no-seed -p $(q "$python") $(q "$env_dir")"
    build_bare
    add x "$BARE_ROW" "$jv_env $bare_cmd $(q "$env_dir")"
    add x "jvirtualenv seeded" "$jv_env $(q "$tool") -q -p $(q "$python") $(q "$env_dir")"
    setup_shims
    if [ -n "$shim_path" ]; then
        add x "jvirtualenv seeded, python3 = pyenv shim" "$(clean_env jv "$shim_path") $shim_env $(q "$tool") -q $(q "$env_dir")"
        add x "pyenv which python3 (alone)" "$(clean_env jv "$shim_path") $shim_env pyenv which python3"
    fi
    plan_space
    prewarm_jv
    warm_up
    measure
    echo "environments between runs: $between_note"
    # CPU time (user + system, all threads and child processes, as hyperfine reports it): on two
    # cores a run that keeps both busy is bounded by its CPU time, not by one thread's path.
    echo "wall time, median of $runs alternated runs [min .. max]; CPU time (user + system), median"
    for i in "${!names[@]}"; do
        read -r m lo hi < <(stats "$run/times.$i")
        cpu="(no hyperfine)"
        if [ -s "$run/cpu.$i" ]; then read -r c _ < <(stats "$run/cpu.$i"); cpu="$c ms"; fi
        printf '  %-44s %8s ms  [%s .. %s]  CPU %s\n' "${names[$i]}" "$m" "$lo" "$hi" "$cpu"
    done
    [ -z "$shim_note" ] || echo "  (no shim rows: $shim_note)"

    # What the tool says about itself with -vv, for a seeded and a --no-seed creation: its stage
    # timings (stderr lines "[TRACE] timing: STAGE N ms", any level in the brackets), every other
    # line that carries a duration in ms, and the JVM's own start-up (-Xlog:startuptime, passed
    # through JVIRTUALENV_JAVA_OPTS).
    report_vv() { # title command
        local title=$1 cmd=$2 r key
        : > "$run/reported"
        local t0 t1 wall total
        for ((r = 0; r < runs; r++)); do
            clear_env_now
            t0=$(now)
            (cd "$run" && eval "${cmd/env -i /env -i JVIRTUALENV_JAVA_OPTS=-Xlog:startuptime }") >"$run/vv.log" 2>&1 \
                || die "the -vv run failed: $(tail -n 3 "$run/vv.log")"
            t1=$(now)
            wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) * 1000 }')
            printf 'wall time of this -vv run\t%s\n' "$wall" >> "$run/reported"
            # The part of the wall time outside the tool's own stages: the launcher, the JVM's
            # start, reading the command line, and the exit.
            total=$(sed -n -E 's/^\[[A-Z]+\] timing: total ([0-9]+) ms$/\1/p' "$run/vv.log" | tail -n 1)
            if [ -n "$total" ]; then
                printf 'wall time minus stage total (launcher, JVM, command line, exit)\t%s\n' \
                    "$(awk -v w="$wall" -v t="$total" 'BEGIN { printf "%.1f", w - t }')" >> "$run/reported"
            fi
            sed -n -E -e 's/^.*\[startuptime\] (Create VM), ([0-9.]+) secs$/JVM: \1\t\2s/p' \
                -e '/\[startuptime\]/d' \
                -e 's/^\[[A-Z]+\] timing: ([A-Za-z0-9_-]+) ([0-9]+) ms$/stage: \1\t\2/p' \
                -e '/^\[[A-Z]+\] timing: /d' \
                -e 's/^(.*[^0-9.])([0-9]+(\.[0-9]+)?) ?ms\b(.*)$/\1#\4\t\2/p' "$run/vv.log" >> "$run/reported"
        done
        echo
        echo "$title: reported with -vv (stages, other lines with a duration, # = the number) and by the JVM, median of $runs"
        cut -f1 "$run/reported" | awk '!seen[$0]++' | while IFS= read -r key; do
            awk -F'\t' -v k="$key" '$1 == k { v = $2; if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; print v }' \
                "$run/reported" > "$run/values"
            read -r m lo hi < <(stats "$run/values")
            printf '  %-66s %8s ms  [%s .. %s]\n' "${key:0:66}" "$m" "$lo" "$hi"
        done
        if ! grep -q '^stage: ' "$run/reported"; then
            echo "  (no stage timings: this build prints no '[TRACE] timing: STAGE N ms' lines with -vv; only its"
            echo "   total since Virtualenv.create started, above. JVM start-up, launcher and command-line"
            echo "   parsing are the wall time minus that total; the --version and hello-world rows bound them)"
        fi
    }
    report_vv "seeded creation" "$seeded"
    report_vv "--no-seed creation" "$jv_env $(q "$tool") -vv --no-seed -p $(q "$python") $(q "$env_dir")"
    exit 0
fi

# =================================================================================================
if [ "$mode" = warm ]; then
    # 2 x RUNS creations (at least 20) of each kind in one JVM, with the launcher's java and flags
    # but no class-data archive (by the second half every method has run many times), through the
    # CLI's own entry point. The second half's median is the work itself, without the JVM's start
    # or first runs. (The launcher's -Djvirtualenv.cds.* properties are inert here: only main reads them.)
    build_floor
    warm_runs=$((runs < 10 ? 20 : 2 * runs))
    echo "creations repeated in one JVM ($java_cmd), median of the last $((warm_runs / 2)) of $warm_runs [min .. max]"
    for kind in seeded --no-seed; do
        local_work="$run/warm-${kind#--}"
        mkdir -p "$local_work"
        extra=()
        [ "$kind" = seeded ] || extra=(--no-seed)
        # shellcheck disable=SC2086 # the launcher's flags, one word each
        (cd "$run" && env -i PATH="$base_path" HOME="$run/home-warm" LANG=C.UTF-8 XDG_CACHE_HOME="$run/home-warm/.cache" \
            XDG_CONFIG_HOME="$run/home-warm/.config" XDG_DATA_HOME="$run/home-warm/.local/share" \
            "$java_cmd" $java_flags -cp "$tool" "$here/WarmCreations.java" "$local_work" "$warm_runs" \
            -q -p "$python" "${extra[@]}") > "$run/warm.times" || die "the repeated creations ($kind) failed"
        tail -n "$((warm_runs / 2))" "$run/warm.times" > "$run/warm.second-half"
        read -r m lo hi < <(stats "$run/warm.second-half")
        printf '  %-20s %8s ms  [%s .. %s]\n' "$kind" "$m" "$lo" "$hi"
    done
    exit 0
fi

# =================================================================================================
ensure_ve21
ve20=""
ve20_note=""
if [ -x /usr/bin/virtualenv ] && ve20_version=$(env -i PATH=$base_path HOME="$run" /usr/bin/virtualenv --version 2>/dev/null | cut -d' ' -f2) \
        && [ -n "$ve20_version" ]; then
    ve20=/usr/bin/virtualenv
else
    ve20_note="Debian's virtualenv (apt-get install python3-virtualenv) not installed: reference skipped"
fi
venv_note=""
"$python" -c 'import ensurepip, venv' 2>/dev/null || venv_note="$python has no venv/ensurepip: venv reference skipped"

jv_env=$(clean_env jv)
ve21_env=$(clean_env ve21)
ve20_env=$(clean_env ve20)
venv_env=$(clean_env venv)
P=$(q "$python")
E=$(q "$env_dir")
T=$(q "$tool")
V21=$(q "$ve21")
O=$(q "$other")
case_ref() { # case jv-name base-name target title
    jv_index[$1]=$(index_of "$2"); base_index[$1]=$(index_of "$3"); target[$1]=$4; title[$1]=$5
}
index_of() { local i; for i in "${!names[@]}"; do [ "${names[$i]}" = "$1" ] && echo "$i" && return; done; }
notes=()
[ -z "$ve20_note" ] || notes+=("$ve20_note")
[ -z "$venv_note" ] || notes+=("$venv_note")

if wants a; then
    add a "jvirtualenv" "$jv_env $T -q -p $P $E"
    [ -z "$other" ] || add a "jvirtualenv (-b build)" "$jv_env $O -q -p $P $E"
    add a "virtualenv $VE21_VERSION" "$ve21_env $V21 -q -p $P $E"
    [ -z "$ve20" ] || add a "virtualenv $ve20_version (Debian)" "$ve20_env $ve20 -q -p $P $E"
    [ -n "$venv_note" ] || add a "python -m venv (with pip)" "$venv_env $P -m venv $E"
fi
if wants b; then
    add b "jvirtualenv --no-seed" "$jv_env $T -q --no-seed -p $P $E"
    [ -z "$other" ] || add b "jvirtualenv --no-seed (-b build)" "$jv_env $O -q --no-seed -p $P $E"
    add b "virtualenv $VE21_VERSION --no-seed" "$ve21_env $V21 -q --no-seed -p $P $E"
    [ -z "$ve20" ] || add b "virtualenv $ve20_version --no-seed (Debian)" "$ve20_env $ve20 -q --no-seed -p $P $E"
    [ -n "$venv_note" ] || add b "python -m venv --without-pip" "$venv_env $P -m venv --without-pip $E"
    build_floor
    build_bare
    add b "$BARE_ROW" "$jv_env $bare_cmd $E"
fi
if wants c; then
    setup_shims
    if [ -n "$shim_path" ]; then
        add c "jvirtualenv ENV (shim python3)" "$(clean_env jv "$shim_path") $shim_env $T -q $E"
        [ -z "$other" ] || add c "jvirtualenv ENV (-b build)" "$(clean_env jv "$shim_path") $shim_env $O -q $E"
        add c "virtualenv $VE21_VERSION ENV (shims on PATH)" "$(clean_env ve21 "$shim_path") $shim_env $V21 -q $E"
    else
        notes+=("(c) skipped: $shim_note")
    fi
fi
if wants d; then
    pip_after() { echo "sh -c $(q "$1 && $env_dir/bin/pip --version")"; }
    add d "jvirtualenv + pip --version" "$jv_env $(pip_after "$T -q -p $P $E")"
    [ -z "$other" ] || add d "jvirtualenv + pip --version (-b build)" "$jv_env $(pip_after "$O -q -p $P $E")"
    add d "virtualenv $VE21_VERSION + pip --version" "$ve21_env $(pip_after "$V21 -q -p $P $E")"
    [ -z "$ve20" ] || add d "virtualenv $ve20_version + pip --version (Debian)" "$ve20_env $(pip_after "$ve20 -q -p $P $E")"
fi
if wants e; then
    build_floor
    add e "jvirtualenv --version" "$jv_env $T --version"
    [ -z "$other" ] || add e "jvirtualenv --version (-b build)" "$jv_env $O --version"
    add e "java hello world (floor)" "$floor_cmd"
    add e "virtualenv $VE21_VERSION --version" "$ve21_env $V21 --version"
fi
[ ${#names[@]} -gt 0 ] || die "no case selected (-c wants a subset of a,b,c,d,e)"
wants a && case_ref a "jvirtualenv" "virtualenv $VE21_VERSION" 0.30 "(a) seeded creation, -p $python"
wants b && case_ref b "jvirtualenv --no-seed" "virtualenv $VE21_VERSION --no-seed" 0.30 "(b) --no-seed, -p $python"
[ -n "$shim_path" ] && wants c && case_ref c "jvirtualenv ENV (shim python3)" "virtualenv $VE21_VERSION ENV (shims on PATH)" 0.30 \
    "(c) virtualenv ENV, no -p, pyenv shims first on PATH ($shim_env)"
wants d && case_ref d "jvirtualenv + pip --version" "virtualenv $VE21_VERSION + pip --version" 0.35 \
    "(d) seeded creation + first ENV/bin/pip --version"
wants e && case_ref e "jvirtualenv --version" "java hello world (floor)" 2.00 "(e) --version against the JVM floor"

plan_space
prewarm_jv
warm_up
measure

declare -A median
for i in "${!names[@]}"; do read -r median[$i] lo[$i] hi[$i] < <(stats "$run/times.$i"); done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "jvirtualenv benchmark: $runs alternated runs per command ($([ -n "$hyperfine" ] && "$hyperfine" --version || echo "own loop")), warm caches"
echo "  interpreter   $python (Python $python_version)"
echo "  jvirtualenv   $tool"
echo "  baseline      virtualenv $VE21_VERSION at $ve21"
[ -z "$other" ] || echo "  -b build      $other"
[ -z "${java_cmd}" ] || echo "  java          $java_cmd $java_flags"
echo "  environments  $between_note"
echo "  load average  $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') (at the end, on $(nproc 2>/dev/null || echo '?') cores)"
summary=()
met=0
total=0
for c in a b c d e; do
    [ -n "${jv_index[$c]:-}" ] || continue
    echo
    echo "${title[$c]}"
    for i in "${!names[@]}"; do
        [ "${case_of[$i]}" = "$c" ] || continue
        extra=""
        if [ "${names[$i]}" = "$BARE_ROW" ]; then
            extra="  (lower bound: $(ratio "${median[$i]}" "${median[${base_index[$c]}]}")x of ${names[${base_index[$c]}]})"
        elif [ "$i" != "${jv_index[$c]}" ] && [ "$i" != "${base_index[$c]}" ]; then
            extra="  (reference; jvirtualenv takes $(ratio "${median[${jv_index[$c]}]}" "${median[$i]}")x of it)"
        fi
        printf '  %-46s %8s ms  [%s .. %s]%s\n' "${names[$i]}" "${median[$i]}" "${lo[$i]}" "${hi[$i]}" "$extra"
    done
    r=$(ratio "${median[${jv_index[$c]}]}" "${median[${base_index[$c]}]}")
    ok=$(awk -v r="$r" -v t="${target[$c]}" 'BEGIN { print (r <= t) ? "met" : "MISSED" }')
    total=$((total + 1))
    [ "$ok" = met ] && met=$((met + 1))
    printf '  ratio %s / %s = %s   target <= %s   %s\n' "${names[${jv_index[$c]}]}" "${names[${base_index[$c]}]}" "$r" "${target[$c]}" "$ok"
    summary+=("($c) $r/${target[$c]} $ok")
done
echo
for note in "${notes[@]}"; do echo "note: $note"; done
echo "summary: ${summary[*]}  --  $met of $total targets met"

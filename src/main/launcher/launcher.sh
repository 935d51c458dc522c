#!/bin/sh
# jvirtualenv launcher
# (That line tells install.sh this file is ours; keep it second, as it is.)
# Self-executing jar: this stub is followed by a zip archive that java reads from its end.
#
# Every path ends in `exec java`: the process a shell, a supervisor or proc.terminate() started is
# the JVM itself, so killing it stops the tool. Whatever outlives the JVM's start (recording and
# dumping the class-data archive) is done by the Java half of this launcher,
# org.jvirtualenv.launcher.ClassDataArchive, which names the -Djvirtualenv.cds.* properties
# passed below and decides, knowing the resolved app-data cache, whether anything is written.

# Arguments reach Java decoded as UTF-8 (see the locale below). Bytes that are not UTF-8 would be
# decoded as U+FFFD and name a different file, so such an argument is refused; the message shows
# it with each byte outside printable ASCII as '?'. Only arguments with such a byte are looked at,
# and only where iconv exists.
for arg in "$@"; do
    case $arg in
        *[!\ -~]*)
            if command -v iconv >/dev/null 2>&1 && ! printf '%s' "$arg" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1; then
                shown=$(printf '%s' "$arg" | LC_ALL=C tr -c ' -~' '?')
                printf "virtualenv: error: argument '%s' is not valid UTF-8 (give file names and options as UTF-8 text)\n" "$shown" >&2
                exit 2
            fi ;;
    esac
done

# Java 17 takes the encoding of file names and arguments (sun.jnu.encoding) from the locale and
# ignores -Dsun.jnu.encoding; under LANG=C, as in most containers, it could not name "env-é". When
# the caller's character type is not UTF-8, the JVM (and the interpreters it runs) get C.UTF-8's,
# if the system has that locale; the language of messages is left alone.
case ${LC_ALL:-${LC_CTYPE:-$LANG}} in
    *[Uu][Tt][Ff]-8* | *[Uu][Tt][Ff]8*) ;;
    *)
        if [ -d /usr/lib/locale/C.utf8 ] || [ -d /usr/lib/locale/C.UTF-8 ] \
                || locale -a 2>/dev/null | grep -qix 'c\.utf-\{0,1\}8'; then
            if [ -n "$LC_ALL" ]; then LC_ALL=C.UTF-8; export LC_ALL; else LC_CTYPE=C.UTF-8; export LC_CTYPE; fi
        fi ;;
esac

if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA=$JAVA_HOME/bin/java; else JAVA=java; fi

# The first java on PATH, without starting a subshell.
find_jvm() {
    JVM=
    case $JAVA in */*) JVM=$JAVA; return 0 ;; esac
    saved_ifs=$IFS
    IFS=:
    for dir in $PATH; do
        if [ -f "${dir:-.}/java" ] && [ -x "${dir:-.}/java" ]; then JVM=${dir:-.}/java; break; fi
    done
    IFS=$saved_ifs
    [ -n "$JVM" ]
}
# Sets JVM, which the class-data archive's name also needs. Without a java the shell would only
# say "exec: java: not found". (With PATH unset, exec searches the shell's default path, which
# find_jvm does not know: it is left to try, without an archive.)
if ! find_jvm && [ -n "${PATH+set}" ]; then
    printf 'virtualenv: error: no java on PATH: install a JDK (17 or later), or set JAVA_HOME to one\n' >&2
    exit 127
fi

# -XX:-UsePerfData: no hsperfdata file in /tmp, which is outside ENV and the cache, and costs a few ms.
# -XX:CICompilerCount=1: one JIT thread, not two; a run is over before a second one pays, and on a
# two-core machine it competes with the tool's own threads (30 paired runs: --no-seed 113 -> 105 ms,
# seeded 172 -> 161 ms, medians).
# No core file, and the JVM's crash reports go to the cache (below) or nowhere: never into the
# caller's directory.
# (org.jvirtualenv.launcher.ArchiveDump starts its JVMs with the same collector and compilers: an
# AOT cache made under other settings may not map, and its profiles would be of another setup.)
OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xlog:cds=off -XX:-UsePerfData -XX:-CreateCoredumpOnCrash -Dfile.encoding=UTF-8"
CRASH_LOG=-XX:ErrorFile=/dev/null
CRASH_REPLAY=-XX:ReplayDataFile=/dev/null

# Class-data sharing (AppCDS): the JVM maps an archive of the tool's classes, already parsed and
# verified, from cds/ in the app-data cache; picocli among them, which the build compiles from its
# sources for that reason (the JVM verifies Java 5 class files, as picocli's jar has, at every
# start, archived or not). When there is none, this run records the classes it loads, and if it
# creates an environment the Java side dumps the archive before exiting (see ClassDataArchive). On
# JDK 25 and later the archive is the JDK's AOT cache (.aot, mapped with -XX:AOTCache), which also
# holds the classes linked and the methods' profiles; before that, a static archive (.jsa).
#
# An archive is named jvirtualenv-<this file's size-mtime-device-inode>-<the JVM's, alike>-<its own
# size-mtime>.jsa or .aot: a rebuilt tool or another JDK gets its own, and an archive that was truncated or
# changed since it was published is never mapped (a damaged one crashes the JVM). A copy of this
# file elsewhere (cp -p, or one release unpacked twice) has the same size and mtime but another
# inode: it gets its own archive, since the JVM refuses one made for a jar at another path, and two
# copies sharing a name would each throw the other's away and dump anew on every run. The cache root,
# cds/ and the archive must belong to this user and be writable by nobody else, and are never
# followed through a link. A crash report in cds/ means a JVM died, maybe on the archive: it is not
# mapped again until a new one is recorded. Nothing is written with --read-only-app-data, and
# JVIRTUALENV_NO_CDS=1 turns all of it off.
CACHE=
case $XDG_CACHE_HOME in
    /*) CACHE=$XDG_CACHE_HOME/jvirtualenv ;;
    *) [ -n "$HOME" ] && CACHE=$HOME/.cache/jvirtualenv ;;
esac
# The same order as the Java side (AppData.defaultFor, then the option's variable); Java writes
# nothing when its resolved cache differs from this guess (an ini file's app_data, for instance).
case $VIRTUALENV_OVERRIDE_APP_DATA in /*) CACHE=$VIRTUALENV_OVERRIDE_APP_DATA ;; esac
[ -n "$VIRTUALENV_APP_DATA" ] && CACHE=$VIRTUALENV_APP_DATA
case $VIRTUALENV_READ_ONLY_APP_DATA in
    "" | 0 | [Ff]alse | FALSE | [Nn]o | NO | [Oo]ff | OFF) WRITE=1 ;;
    *) WRITE= ;;
esac
# Long options may be shortened to a prefix no other option has, as virtualenv reads them (Java's
# config.Spellings): from --ap for --app-data and from --rea for --read-only-app-data
# (SpellingsTest holds these two to the option table).
prev=
for arg in "$@"; do
    case $prev in --ap*) case --app-data in "$prev"*) CACHE=$arg ;; esac ;; esac
    case $arg in
        --ap*=*) case --app-data in "${arg%%=*}"*) CACHE=${arg#*=} ;; esac ;;
        --rea*) case --read-only-app-data in "$arg"*) WRITE= ;; esac ;;
        --) break ;;
    esac
    prev=$arg
done

# Neither group nor others may write (an octal mode from stat).
private_mode() {
    case $1 in "" | *[!0-7]*) return 1 ;; esac
    [ $((0$1 & 022)) -eq 0 ]
}

# Sets MAP (an archive to map) or RECORD (a new, private file to record the loaded classes into).
# One stat, whose lines follow its operands: this file, the JVM, the cache root, cds/, then every
# archive in cds/ (normally one), each as size-mtime-device-inode and mode.
cds_probe() {
    cds=$CACHE/cds
    if [ -L "$CACHE" ] || [ -L "$cds" ]; then return; fi
    if [ ! -d "$cds" ]; then
        [ -n "$WRITE" ] || return
        # Nothing is made in a cache root that is not ours alone (the Java side does not use such a
        # cache either); a missing root is made private. One more stat, only while cds/ is missing.
        if [ -e "$CACHE" ]; then
            [ -d "$CACHE" ] && [ -O "$CACHE" ] || return
            root_mode=$(stat -c %a -- "$CACHE" 2>/dev/null || stat -f %Lp -- "$CACHE" 2>/dev/null) || return
            private_mode "$root_mode" || return
        fi
        (umask 077 && mkdir -p "$cds") 2>/dev/null || return
    fi
    [ -O "$CACHE" ] && [ -O "$cds" ] && [ -n "$JVM" ] || return
    set --
    for archive in "$cds"/jvirtualenv-*.jsa "$cds"/jvirtualenv-*.aot; do
        [ -e "$archive" ] && set -- "$@" "$archive"
    done
    facts=$(stat -L -c '%s-%Y-%d-%i %a' -- "$0" "$JVM" "$CACHE" "$cds" "$@" 2>/dev/null) ||
        facts=$(stat -L -f '%z-%m-%d-%i %Lp' -- "$0" "$JVM" "$CACHE" "$cds" "$@" 2>/dev/null) || return
    set -- $facts
    [ $# -ge 8 ] && private_mode "$6" && private_mode "$8" || return
    case $1-$3 in *[!0-9-]*) return ;; esac
    prefix=$cds/jvirtualenv-$1-$3
    shift 8
    case $cds in
        *%*) ;;
        *) CRASH_LOG=-XX:ErrorFile=$cds/crash-%p.log CRASH_REPLAY=-XX:ReplayDataFile=$cds/crash-%p.replay ;;
    esac
    crashed=
    for log in "$cds"/crash-*; do [ -e "$log" ] && crashed=1; break; done
    # The same patterns again give the archives in the same order as their lines.
    for archive in "$cds"/jvirtualenv-*.jsa "$cds"/jvirtualenv-*.aot; do
        [ -e "$archive" ] || continue
        [ $# -ge 2 ] || break
        # An archive's name holds its size-mtime only (see ClassDataArchive's CdsDirectory).
        if [ -z "$crashed" ] && [ "$archive" = "$prefix-${1%-*-*}.${archive##*.}" ] && private_mode "$2" \
                && [ -f "$archive" ] && [ ! -L "$archive" ] && [ -O "$archive" ]; then
            MAP=$archive
            return
        fi
        shift 2
    done
    [ -n "$WRITE" ] || return
    RECORD=$(mktemp "$cds/.classes.XXXXXX" 2>/dev/null) || RECORD=
}

MAP=
RECORD=
if [ -z "$JVIRTUALENV_NO_CDS" ] && [ -n "$CACHE" ]; then cds_probe; fi
case $MAP in
    # The JDK's own messages about a cache it cannot use are silenced, as for a static archive.
    *.aot) exec "$JAVA" $OPTS -Xlog:aot=off "$CRASH_LOG" "$CRASH_REPLAY" "-XX:AOTCache=$MAP" "-Djvirtualenv.cds.mapped=$MAP" \
        $JVIRTUALENV_JAVA_OPTS -jar "$0" "$@" ;;
    ?*) exec "$JAVA" $OPTS -Xshare:auto "$CRASH_LOG" "$CRASH_REPLAY" "-XX:SharedArchiveFile=$MAP" "-Djvirtualenv.cds.mapped=$MAP" \
        $JVIRTUALENV_JAVA_OPTS -jar "$0" "$@" ;;
esac
if [ -n "$RECORD" ]; then
    exec "$JAVA" $OPTS "$CRASH_LOG" "$CRASH_REPLAY" "-XX:DumpLoadedClassList=$RECORD" \
        "-Djvirtualenv.cds.record=$RECORD" "-Djvirtualenv.cds.archive=$prefix" $JVIRTUALENV_JAVA_OPTS -jar "$0" "$@"
fi
exec "$JAVA" $OPTS "$CRASH_LOG" "$CRASH_REPLAY" $JVIRTUALENV_JAVA_OPTS -jar "$0" "$@"
exit 1

#!/bin/sh
# jvirtualenv launcher
# (That line tells install.sh this file is ours; keep it second, as it is.)
# Self-executing jar: this stub is followed by a zip archive that java reads from its end.
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
# -XX:-UsePerfData: no hsperfdata file in /tmp, which is outside ENV and the cache, and costs a few ms.
OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -XX:-UsePerfData"
# Class-data sharing (AppCDS): the first run that creates an environment records the classes it
# loads, then a static archive of them is dumped into the app-data cache (cds/); later runs map it
# instead of parsing and verifying those classes again. A static archive (unlike JDK 17's dynamic
# one) also holds picocli, whose old (Java 5) class files JDK 17 still verifies at run time but no
# longer has to parse. The archive is named after this file's and the JVM's size and mtime, so a
# rebuilt tool or another JDK gets a new one (and the JVM validates it and ignores one that does
# not fit). Nothing is written when the cache cannot be written, is a symlink, or
# --read-only-app-data is given; JVIRTUALENV_NO_CDS=1 turns it off.
CDS_DIR=""
CDS_WRITE=1
# Kept out of OPTS (which is split on spaces) so a cache path with spaces stays one argument.
CDS_USE=""
case "$XDG_CACHE_HOME" in
    /*) CDS_DIR="$XDG_CACHE_HOME/jvirtualenv" ;;
    *) [ -n "$HOME" ] && CDS_DIR="$HOME/.cache/jvirtualenv" ;;
esac
prev=""
for arg in "$@"; do
    case "$prev" in --app-data) CDS_DIR="$arg" ;; esac
    case "$arg" in
        --app-data=*) CDS_DIR="${arg#--app-data=}" ;;
        --read-only-app-data) CDS_WRITE="" ;;
        --) break ;;
    esac
    prev="$arg"
done
if [ -z "$JVIRTUALENV_NO_CDS" ] && [ -n "$CDS_DIR" ]; then
    JVM=$(command -v "$JAVA" 2>/dev/null)
    ID=$( { stat -L -c '%s-%Y' "$0" "$JVM" 2>/dev/null || stat -L -f '%z-%m' "$0" "$JVM" 2>/dev/null; } | tr '\n' '-')
    JSA="$CDS_DIR/cds/jvirtualenv-${ID}static.jsa"
    if [ -n "$ID" ] && [ -f "$JSA" ] && [ ! -L "$JSA" ] && [ ! -L "$CDS_DIR/cds" ]; then
        CDS_USE="-XX:SharedArchiveFile=$JSA"
        OPTS="$OPTS -Xlog:cds=off"
    elif [ -n "$ID" ] && [ -n "$CDS_WRITE" ] && [ ! -L "$CDS_DIR" ] && [ ! -L "$CDS_DIR/cds" ] \
            && (umask 077 && mkdir -p "$CDS_DIR/cds") 2>/dev/null && [ -w "$CDS_DIR/cds" ]; then
        TMP="$CDS_DIR/cds/.tmp-$$"
        "$JAVA" $OPTS -XX:DumpLoadedClassList="$TMP.classes" $JVIRTUALENV_JAVA_OPTS -jar "$0" "$@"
        STATUS=$?
        # Only a run that created an environment shows which classes matter; after --help, --version
        # or an error the list is dropped and the next run records again.
        if [ "$STATUS" -eq 0 ] && grep -q -e '^org/jvirtualenv/create/PlanExecutor$' -e '^org/jvirtualenv/create/PlanExecutor ' "$TMP.classes" 2>/dev/null; then
            "$JAVA" -Xshare:dump -XX:SharedClassListFile="$TMP.classes" -XX:SharedArchiveFile="$TMP.jsa" \
                -XX:+UseSerialGC -cp "$0" >/dev/null 2>&1 && mv -f "$TMP.jsa" "$JSA" 2>/dev/null
        fi
        rm -f "$TMP.classes" "$TMP.jsa"
        exit $STATUS
    fi
fi
exec "$JAVA" $OPTS ${CDS_USE:+"$CDS_USE"} $JVIRTUALENV_JAVA_OPTS -jar "$0" "$@"
exit 1

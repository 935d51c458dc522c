#!/bin/sh
# Self-executing jar: this stub is followed by a zip archive that java reads from its end.
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"
# Class-data sharing (AppCDS): the first run dumps the classes it loaded into an archive in the
# app-data cache (cds/), later runs map it instead of parsing and verifying those classes again.
# The archive is named after this file's and the JVM's size and mtime, so a rebuilt tool or another
# JDK gets a new one (the JVM also validates it and ignores one that does not fit). Nothing is
# written when the cache cannot be written, is a symlink, or --read-only-app-data is given;
# JVIRTUALENV_NO_CDS=1 turns it off.
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
    JSA="$CDS_DIR/cds/jvirtualenv-${ID}jsa"
    if [ -n "$ID" ] && [ -f "$JSA" ] && [ ! -L "$JSA" ] && [ ! -L "$CDS_DIR/cds" ]; then
        CDS_USE="-XX:SharedArchiveFile=$JSA"
        OPTS="$OPTS -Xlog:cds=off -Xlog:cds+dynamic=off"
    elif [ -n "$ID" ] && [ -n "$CDS_WRITE" ] && [ ! -L "$CDS_DIR" ] && [ ! -L "$CDS_DIR/cds" ] \
            && (umask 077 && mkdir -p "$CDS_DIR/cds") 2>/dev/null && [ -w "$CDS_DIR/cds" ]; then
        TMP="$CDS_DIR/cds/.tmp-$$.jsa"
        "$JAVA" $OPTS -XX:ArchiveClassesAtExit="$TMP" -Xlog:cds=off -Xlog:cds+dynamic=off \
            $JVIRTUALENV_JAVA_OPTS -jar "$0" "$@"
        STATUS=$?
        if [ -f "$TMP" ]; then mv -f "$TMP" "$JSA" 2>/dev/null || rm -f "$TMP"; fi
        exit $STATUS
    fi
fi
exec "$JAVA" $OPTS ${CDS_USE:+"$CDS_USE"} $JVIRTUALENV_JAVA_OPTS -jar "$0" "$@"
exit 1

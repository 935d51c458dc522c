#!/bin/sh
# Self-executing jar: this stub is followed by a zip archive that java reads from its end.
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
exec "$JAVA" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto $JVIRTUALENV_JAVA_OPTS -jar "$0" "$@"
exit 1

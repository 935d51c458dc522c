package org.jvirtualenv.seed;

/**
 * The first line(s) of a generated script. The kernel reads at most ~127 bytes of a shebang and
 * splits it at white space, so longer paths and paths with spaces get a /bin/sh trampoline that
 * is also a valid Python string statement: sh runs the exec line, Python sees a string literal.
 * The interpreter path is quoted for sh without backslashes or three quotes in a row, so neither
 * sh (no expansion inside single quotes) nor Python (no escape sequences, no early end of the
 * string) can read it as anything but the path.
 */
public final class Shebang {
    static final int MAX_DIRECT = 127;

    private Shebang() {
    }

    public static String forInterpreter(String python) {
        if (needsTrampoline(python)) {
            return "#!/bin/sh\n'''exec' " + quoteForShAndPython(python) + " \"$0\" \"$@\"\n' '''\n";
        }
        return "#!" + python + "\n";
    }

    /**
     * A trampoline that runs {@code name} from the script's own directory, so the script keeps
     * working after its environment is moved (used by --relocatable). The script's own path is
     * resolved first, so a symlink to it from elsewhere still finds the right interpreter.
     */
    public static String relative(String name) {
        return "#!/bin/sh\n'''exec' \"$(dirname -- \"$(realpath -- \"$0\" 2>/dev/null || echo \"$0\")\")\"/"
                + quoteForShAndPython(name) + " \"$0\" \"$@\"\n' '''\n";
    }

    public static boolean needsTrampoline(String python) {
        if (("#!" + python).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_DIRECT) {
            return true;
        }
        for (int i = 0; i < python.length(); i++) {
            char c = python.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Single-quoted runs for ordinary characters; a quote becomes {@code "'"} and a backslash
     * {@code "\\"} (double quotes in sh keep exactly one backslash; Python sees the valid escape).
     */
    static String quoteForShAndPython(String value) {
        StringBuilder out = new StringBuilder();
        boolean open = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'' || c == '\\') {
                if (open) {
                    out.append('\'');
                    open = false;
                }
                out.append(c == '\'' ? "\"'\"" : "\"\\\\\"");
            } else {
                if (!open) {
                    out.append('\'');
                    open = true;
                }
                out.append(c);
            }
        }
        if (open) {
            out.append('\'');
        }
        return out.length() == 0 ? "''" : out.toString();
    }
}

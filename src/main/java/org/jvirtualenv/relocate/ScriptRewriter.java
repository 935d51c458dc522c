package org.jvirtualenv.relocate;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jvirtualenv.seed.Shebang;

/**
 * Turns a script whose interpreter is the environment's own python (a direct shebang, our
 * trampoline, or pip's) into one that finds that interpreter next to itself, wherever the
 * environment has moved. Anything else is not ours to change.
 */
final class ScriptRewriter {
    private static final String EXEC = "'''exec' ";
    private static final String CLOSE = "' '''";

    private final String binDir;

    /** @param binDir the absolute bin directory of the environment, as scripts name it */
    ScriptRewriter(String binDir) {
        this.binDir = binDir;
    }

    /** The rewritten script, or empty when it does not run the env's python (or already is relative). */
    Optional<byte[]> rewrite(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        int firstEnd = text.indexOf('\n');
        if (!text.startsWith("#!") || firstEnd < 0) {
            return Optional.empty();
        }
        String first = text.substring(2, firstEnd).strip();
        String interpreter;
        String body;
        if (first.equals("/bin/sh")) {
            // A trampoline: line 2 execs the interpreter, line 3 closes Python's string.
            int secondEnd = text.indexOf('\n', firstEnd + 1);
            int thirdEnd = secondEnd < 0 ? -1 : text.indexOf('\n', secondEnd + 1);
            if (thirdEnd < 0 || !text.substring(secondEnd + 1, thirdEnd).equals(CLOSE)) {
                return Optional.empty();
            }
            String exec = text.substring(firstEnd + 1, secondEnd);
            interpreter = interpreterIn(exec);
            if (interpreter == null) {
                interpreter = literalInterpreterIn(exec);
            }
            body = text.substring(thirdEnd + 1);
        } else {
            interpreter = first;
            body = text.substring(firstEnd + 1);
        }
        if (interpreter == null || !interpreter.startsWith(binDir + "/")) {
            return Optional.empty();
        }
        String name = interpreter.substring(binDir.length() + 1);
        if (name.contains("/") || !(name.startsWith("python") || name.startsWith("pypy"))) {
            return Optional.empty();
        }
        return Optional.of((Shebang.relative(name) + body).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * pip double-quotes the interpreter path without escaping it, so a path holding {@code $(...)}
     * is not a literal sh word; but it is still the env's own path, text for text. Recognising it
     * as text lets --relocatable replace such a script with one that is safe to run.
     */
    private String literalInterpreterIn(String execLine) {
        String start = EXEC + "\"" + binDir + "/";
        if (!execLine.startsWith(start)) {
            return null;
        }
        int close = execLine.indexOf('"', start.length());
        return close < 0 ? null : binDir + "/" + execLine.substring(start.length(), close);
    }

    /**
     * The first word after the exec marker, read as sh would read it (single quotes, double
     * quotes with their backslash escapes, bare characters) — read, never evaluated.
     */
    static String interpreterIn(String execLine) {
        if (!execLine.startsWith(EXEC)) {
            return null;
        }
        StringBuilder word = new StringBuilder();
        int i = EXEC.length();
        while (i < execLine.length() && execLine.charAt(i) != ' ') {
            char c = execLine.charAt(i);
            if (c == '\'') {
                int end = execLine.indexOf('\'', i + 1);
                if (end < 0) {
                    return null;
                }
                word.append(execLine, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (i < execLine.length() && execLine.charAt(i) != '"') {
                    char d = execLine.charAt(i);
                    if (d == '\\' && i + 1 < execLine.length() && "\\\"$`".indexOf(execLine.charAt(i + 1)) >= 0) {
                        word.append(execLine.charAt(i + 1));
                        i += 2;
                    } else if (d == '$' || d == '`') {
                        return null; // an expansion, not a literal path: leave the script alone
                    } else {
                        word.append(d);
                        i++;
                    }
                }
                if (i >= execLine.length()) {
                    return null;
                }
                i++;
            } else {
                word.append(c);
                i++;
            }
        }
        return word.toString();
    }
}

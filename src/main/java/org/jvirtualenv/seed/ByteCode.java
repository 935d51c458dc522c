package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.util.Processes;

/**
 * The byte code of an app-data image, compiled once by the target itself (so the first run of pip
 * in a new environment does not compile it) and then checked: an image is published only when
 * every module has its {@code .pyc} where the target will look for it. The check is what keeps a
 * program that only claims to be a Python (it answers the introspection, then compiles nothing)
 * from leaving an image without byte code under the key every real interpreter of that version
 * uses.
 *
 * <p>One kind of module may lack byte code: one the target reported it cannot compile because of
 * its syntax (a wheel for several versions may hold code for newer ones only, which is never
 * imported on older ones). Anything else the target left uncompiled (a write that failed, a
 * compiler that did not run) makes the image incomplete.
 */
final class ByteCode {
    /** compileall names a file it failed on: "*** Error compiling '/x/y.py'..." (3.x), "Compiling /x/y.py ..." (2.7). */
    private static final Pattern FAILED_FILE =
            Pattern.compile("^(?:\\*\\*\\* Error compiling (['\"])(.*)\\1\\.\\.\\.|Compiling (.*) \\.\\.\\.)$");
    /** The last line of a compile error that the source's syntax caused (not the target's machine). */
    private static final Pattern SYNTAX_ERROR = Pattern.compile("^(?:SyntaxError|IndentationError|TabError)\\b.*");
    private static final long TIMEOUT_SECONDS = 300;

    /**
     * What compiling gave.
     *
     * @param problem null when the image is complete; else why it is not, for the debug log
     * @param notCompilable modules (relative to site) the target reported it cannot compile for their syntax
     */
    record Outcome(String problem, List<String> notCompilable) {
        boolean complete() {
            return problem == null;
        }
    }

    private final PythonInfo target;

    ByteCode(PythonInfo target) {
        this.target = target;
    }

    /** Compiles every module under {@code site} with the target, then checks what it left. */
    Outcome compile(Path site) {
        List<String> command = new ArrayList<>(List.of(target.executable(), "-E", "-s", "-m", "compileall", "-q"));
        if (target.version().atLeast(3, 5)) {
            command.add("-j0");
        }
        command.add(site.toString());
        Map<String, String> env = new HashMap<>();
        // Both would change what is written: hash-checked .pyc on 3.7+, or none at all.
        env.put("SOURCE_DATE_EPOCH", null);
        env.put("PYTHONDONTWRITEBYTECODE", null);
        Processes.Result result;
        try {
            result = Processes.run(command, site, env, TIMEOUT_SECONDS);
        } catch (IOException e) {
            return new Outcome("could not run " + target.executable() + " -m compileall: " + e.getMessage(), List.of());
        }
        List<Path> modules;
        try (Stream<Path> walk = Files.walk(site)) {
            modules = walk.filter(p -> p.getFileName().toString().endsWith(".py")
                    && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            return new Outcome("cannot list " + site + ": " + e.getMessage(), List.of());
        }
        return check(site, modules, result);
    }

    private Outcome check(Path site, List<Path> modules, Processes.Result result) {
        Set<String> syntaxErrors = result.ok() ? Set.of() : syntaxErrors(result.stdout() + "\n" + result.stderr());
        List<String> notCompilable = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path module : modules) {
            if (hasByteCode(module)) {
                continue;
            }
            String relative = site.relativize(module).toString();
            if (syntaxErrors.contains(module.toString())) {
                notCompilable.add(relative);
            } else {
                missing.add(relative);
            }
        }
        if (!missing.isEmpty()) {
            String why = result.ok() ? "" : " (compileall exited " + result.exitCode() + ": " + result.firstErrorLine() + ")";
            return new Outcome(missing.size() + " of " + modules.size() + " modules have no byte code for "
                    + describeTag() + ", " + missing.get(0) + " the first" + why, notCompilable);
        }
        if (!modules.isEmpty() && notCompilable.size() == modules.size()) {
            return new Outcome(target.executable() + " compiled none of the " + modules.size() + " modules", notCompilable);
        }
        if (!result.ok() && notCompilable.isEmpty()) {
            return new Outcome("compileall exited " + result.exitCode() + ": " + result.firstErrorLine(), List.of());
        }
        return new Outcome(null, notCompilable);
    }

    /** The absolute paths of the files compileall reported it could not compile for their syntax. */
    static Set<String> syntaxErrors(String output) {
        Set<String> files = new HashSet<>();
        String current = null;
        for (String line : output.split("\r?\n")) {
            Matcher header = FAILED_FILE.matcher(line);
            if (header.matches()) {
                current = header.group(2) != null ? header.group(2) : header.group(3);
            } else if (current != null && SYNTAX_ERROR.matcher(line).matches()) {
                files.add(current);
                current = null;
            }
        }
        return files;
    }

    /**
     * Whether the module has a non-empty .pyc where the target imports it from: beside it on
     * Python 2, else in __pycache__ under the implementation's cache tag (PEP 3147).
     */
    boolean hasByteCode(Path module) {
        String name = module.getFileName().toString();
        String stem = name.substring(0, name.length() - ".py".length());
        if (target.version().major() < 3) {
            return nonEmpty(module.resolveSibling(name + "c"));
        }
        Path cache = module.resolveSibling("__pycache__");
        String tag = cacheTag();
        if (tag != null) {
            return nonEmpty(cache.resolve(stem + "." + tag + ".pyc"));
        }
        // An implementation whose tag we do not know: any tag will do.
        try (Stream<Path> files = Files.list(cache)) {
            return files.anyMatch(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(stem + ".") && n.endsWith(".pyc") && n.indexOf('.', stem.length() + 1) == n.length() - 4
                        && nonEmpty(p);
            });
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code sys.implementation.cache_tag}: "cpython-311", "pypy310"; null when unknown. */
    String cacheTag() {
        String xy = "" + target.version().major() + target.version().minor();
        return switch (target.implementation().toLowerCase(Locale.ROOT)) {
            case "cpython" -> "cpython-" + xy;
            case "pypy" -> "pypy" + xy;
            default -> null;
        };
    }

    private String describeTag() {
        if (target.version().major() < 3) {
            return "Python " + target.version().majorMinor();
        }
        String tag = cacheTag();
        return tag == null ? target.implementation() + " " + target.version().majorMinor() : tag;
    }

    private static boolean nonEmpty(Path file) {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}

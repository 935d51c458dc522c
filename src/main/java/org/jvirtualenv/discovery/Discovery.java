package org.jvirtualenv.discovery;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.util.Processes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the interpreter an environment is made from. Each spec is tried in turn and the first
 * that resolves wins. For one spec:
 * <ol>
 *   <li>a file path is used as it is;</li>
 *   <li>else each {@code --try-first-with} interpreter that satisfies the spec;</li>
 *   <li>else, when the spec is a command name ({@code python3.12}, {@code pypy3}), the first
 *       file of exactly that name on PATH that satisfies it (pyenv shims resolved to what they
 *       would run);</li>
 *   <li>else every {@code python*}/{@code pypy*} on PATH and every interpreter under
 *       {@code $(pyenv root)/versions} is considered, and the highest version that satisfies the
 *       spec wins (ties: the one found first).</li>
 * </ol>
 * An interpreter inside a venv/virtualenv resolves to its base. Interpreter facts come from the
 * {@link PyInfoCache}, so a known interpreter costs no process.
 *
 * <p>Over 300 lines because the search order above is one algorithm, kept in one place as
 * virtualenv's own discovery is; the spec grammar, shims and caching live in their own classes.
 */
public final class Discovery {
    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);
    private static final Pattern INTERPRETER_NAME = Pattern.compile("(python|pypy)(\\d+(\\.\\d+)?t?)?");
    private static final Pattern COMMAND_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._+-]*");
    private static final String DEFAULT_SPEC = "python3";

    private final PyInfoCache cache;
    private final Map<String, String> environment;
    private final Path workDir;

    public Discovery(PyInfoCache cache, Map<String, String> environment, Path workDir) {
        this.cache = cache;
        this.environment = environment;
        this.workDir = workDir;
    }

    /** The specs to try: the command line's, then those of VIRTUALENV_PYTHON (comma or newline separated). */
    public static List<String> specsFrom(List<String> commandLine, Map<String, String> environment) {
        List<String> specs = new ArrayList<>(commandLine);
        String fromEnv = environment.get("VIRTUALENV_PYTHON");
        if (fromEnv != null) {
            for (String part : fromEnv.split("[,\n]")) {
                if (!part.isBlank() && !specs.contains(part.strip())) {
                    specs.add(part.strip());
                }
            }
        }
        return specs;
    }

    public PythonInfo find(List<String> specs, List<String> tryFirstWith) {
        List<String> wanted = specs.isEmpty() ? List.of(DEFAULT_SPEC) : specs;
        List<String> problems = new ArrayList<>();
        for (String text : wanted) {
            Attempt attempt = new Attempt(text, tryFirstWith);
            PythonInfo found = attempt.run();
            if (found != null) {
                LOG.debug("spec '{}' resolved to {} ({})", text, found.baseExecutable(), found.displayName());
                return found;
            }
            problems.add(attempt.explain());
        }
        throw new VirtualenvException("failed to find a Python interpreter: " + String.join("; ", problems)
                + " (give one with -p/--python: a path, a name like python3.11, or a spec like 3.11 or '>=3.10')");
    }

    /** The search for one spec, remembering where it looked for the error message. */
    private final class Attempt {
        private final String text;
        private final PythonSpec spec;
        private final List<String> tryFirstWith;
        private final Set<String> places = new LinkedHashSet<>();
        private final Map<String, String> seen = new LinkedHashMap<>();
        private final List<String> failures = new ArrayList<>();
        private final Set<Path> considered = new LinkedHashSet<>();

        Attempt(String text, List<String> tryFirstWith) {
            this.text = text.strip();
            this.spec = PythonSpec.parse(text);
            this.tryFirstWith = tryFirstWith;
        }

        PythonInfo run() {
            if (spec.isFilePath()) {
                Path file = workDir.resolve(spec.path()).toAbsolutePath().normalize();
                places.add(file.toString());
                if (!Files.exists(file)) {
                    failures.add(file + " does not exist");
                    return null;
                }
                return describe(file, true);
            }
            for (String first : tryFirstWith) {
                Path file = workDir.resolve(first).toAbsolutePath().normalize();
                places.add("--try-first-with " + file);
                PythonInfo info = describe(file, false);
                if (info != null && spec.satisfiedBy(info)) {
                    return info;
                }
            }
            List<Path> path = pathDirectories();
            if (COMMAND_NAME.matcher(text).matches()) {
                for (Path dir : path) {
                    places.add(dir.toString());
                    Path file = dir.resolve(text);
                    if (isExecutableFile(file)) {
                        PythonInfo info = describe(file, false);
                        if (info != null && spec.satisfiedBy(info)) {
                            return info;
                        }
                    }
                }
            }
            if (spec.isPathOrName()) {
                return null; // a name we cannot read as a spec matches only a file of that name
            }
            return best(candidates(path));
        }

        private PythonInfo best(List<Path> candidates) {
            PythonInfo best = null;
            for (Path candidate : candidates) {
                PythonInfo info = describe(candidate, false);
                if (info != null && spec.satisfiedBy(info)
                        && (best == null || info.version().compareTo(best.version()) > 0)) {
                    best = info;
                }
            }
            return best;
        }

        /** PATH's interpreters (shims excluded: pyenv's own versions are listed next), then pyenv's. */
        private List<Path> candidates(List<Path> path) {
            List<Path> found = new ArrayList<>();
            for (Path dir : path) {
                places.add(dir.toString());
                if (isShimDir(dir)) {
                    continue;
                }
                found.addAll(interpretersIn(dir).stream().filter(f -> spec.couldBeNamed(f.getFileName().toString())).toList());
            }
            Path pyenvRoot = pyenvRoot();
            if (pyenvRoot != null) {
                Path versions = pyenvRoot.resolve("versions");
                places.add(versions.toString());
                try (Stream<Path> dirs = Files.list(versions)) {
                    for (Path version : dirs.sorted().toList()) {
                        List<Path> exes = interpretersIn(version.resolve("bin"));
                        // The most specific name (python3.11 over python3 over python) is the interpreter itself.
                        exes.stream().max(Comparator.comparingInt(p -> p.getFileName().toString().length()))
                                .filter(f -> spec.couldBeNamed(f.getFileName().toString()))
                                .ifPresent(found::add);
                    }
                } catch (IOException e) {
                    LOG.debug("cannot list {}: {}", versions, e.getMessage());
                }
            }
            return found;
        }

        private List<Path> interpretersIn(Path dir) {
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> {
                    String name = f.getFileName().toString();
                    return INTERPRETER_NAME.matcher(name).matches() && isExecutableFile(f);
                }).sorted().toList();
            } catch (IOException e) {
                LOG.debug("cannot list {}: {}", dir, e.getMessage());
                return List.of();
            }
        }

        /** The base interpreter's facts, or null (with the reason noted) when this file is not usable. */
        private PythonInfo describe(Path file, boolean explicit) {
            try {
                Path target = file;
                boolean runThrough = false;
                if (isShim(file)) {
                    ShimTarget shim = resolveShim(file);
                    if (shim.kind() == ShimTarget.Kind.RUNS_NOTHING) {
                        failures.add(file + " is a shim that runs no installed interpreter here");
                        return null;
                    }
                    // Undecided: the shim itself is introspected, never cached (what it runs can
                    // change without it changing), and known by its own path, not its link target
                    // (mise's shims, say, are all links to the one mise binary).
                    runThrough = shim.kind() == ShimTarget.Kind.UNDECIDED;
                    target = runThrough ? file : shim.executable();
                }
                Path key = runThrough ? file.toAbsolutePath().normalize() : target.toRealPath();
                if (!explicit && !considered.add(key)) {
                    return null;
                }
                PythonInfo info = runThrough ? cache.describeUncached(file, environment, workDir) : cache.describe(target);
                if (info.inVenv() && info.baseExecutable() != null && !info.baseExecutable().equals(info.executable())) {
                    LOG.debug("{} is inside an environment; using its base {}", file, info.baseExecutable());
                    info = cache.describe(Path.of(info.baseExecutable()));
                }
                seen.putIfAbsent(info.baseExecutable(), info.implementation() + " " + info.version().dotted()
                        + (info.freeThreaded() ? "t" : ""));
                return info;
            } catch (IOException e) {
                failures.add(file + ": " + e.getMessage());
                return null;
            } catch (VirtualenvException e) {
                failures.add(e.getMessage());
                return null;
            }
        }

        String explain() {
            StringBuilder out = new StringBuilder();
            if (spec.isFilePath()) {
                out.append(failures.isEmpty() ? "'" + text + "' is not usable" : String.join(", ", failures));
                return out.toString();
            }
            out.append("nothing matches '").append(text).append("'");
            if (places.isEmpty() && !pathDirectories().isEmpty()) {
                // "!!": no spec, and no name a command could have, so no place was looked at.
                return out.append(" (it is neither a path, nor a command name, nor a spec)").toString();
            }
            out.append(" (looked in: ").append(places.isEmpty() ? "nowhere: PATH is empty" : String.join(", ", places));
            if (!seen.isEmpty()) {
                List<String> list = new ArrayList<>();
                seen.forEach((exe, what) -> list.add(what + " at " + exe));
                out.append("; found only: ").append(String.join(", ", list));
            }
            if (!failures.isEmpty()) {
                out.append("; unusable: ").append(String.join(", ", failures));
            }
            return out.append(')').toString();
        }
    }

    private List<Path> pathDirectories() {
        List<Path> dirs = new ArrayList<>();
        for (String dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = workDir.resolve(dir).toAbsolutePath().normalize();
                if (!dirs.contains(p)) {
                    dirs.add(p);
                }
            }
        }
        return dirs;
    }

    private static boolean isExecutableFile(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }

    /**
     * pyenv, asdf and mise put small programs that pick a version at run time into a "shims"
     * folder: scripts (pyenv, asdf) or links to the manager's binary (mise). A native binary that
     * is no link is an interpreter that merely lives in such a folder.
     */
    static boolean isShimDir(Path dir) {
        Path name = dir.getFileName();
        return name != null && name.toString().equals("shims");
    }

    static boolean isShim(Path file) {
        return file.getParent() != null && isShimDir(file.getParent())
                && (Files.isSymbolicLink(file) || !PyInfoCache.isNativeBinary(file));
    }

    /** The most a shim's text can be and still be read to find out what it runs. */
    private static final int SHIM_TEXT_LIMIT = 64 * 1024;

    /**
     * What a shim runs. pyenv's and (simple cases of) asdf's are worked out with the manager's
     * own rules, without running it (see {@link PyenvShims}, {@link AsdfShims}); where those
     * rules cannot decide, a pyenv shim is resolved by asking pyenv (with this request's
     * environment and working directory). mise is always asked ({@link MiseShims}). Any other
     * shim, and one neither manager can answer for, is left UNDECIDED: the caller runs it
     * through, and introspection reports the real executable.
     */
    private ShimTarget resolveShim(Path shim) throws IOException {
        ShimTarget target;
        Path mise = MiseShims.miseBinary(shim);
        // A mise shim links to its binary, which is not read as a shim's text.
        String content = mise != null || Files.size(shim) > SHIM_TEXT_LIMIT ? ""
                : Files.readString(shim, StandardCharsets.ISO_8859_1);
        if (mise != null) {
            target = new MiseShims(environment, workDir).resolve(shim, mise);
            if (target.kind() == ShimTarget.Kind.UNDECIDED) {
                LOG.debug("mise does not decide {}: {}; running it", shim, target.reason());
                return target;
            }
        } else if (PyenvShims.isPyenvShim(content)) {
            target = new PyenvShims(environment, workDir).resolve(shim, content);
            if (target.kind() == ShimTarget.Kind.UNDECIDED) {
                LOG.debug("pyenv's rules do not decide {}: {}; asking pyenv", shim, target.reason());
                return pyenvWhich(shim, content);
            }
        } else if (AsdfShims.isAsdfShim(content)) {
            target = new AsdfShims(environment, workDir).resolve(shim, content);
            if (target.kind() == ShimTarget.Kind.UNDECIDED) {
                LOG.debug("asdf's rules do not decide {}: {}; running it", shim, target.reason());
                return target;
            }
        } else {
            return ShimTarget.undecided("not a pyenv, asdf or mise shim");
        }
        LOG.debug("shim {}: {}", shim, target.reason());
        return usable(target);
    }

    /** Asks the shim's pyenv, with the PYENV_ROOT the shim itself would export. */
    private ShimTarget pyenvWhich(Path shim, String content) throws IOException {
        Map<String, String> env = new LinkedHashMap<>(environment);
        String root = PyenvShims.exportedRoot(content);
        if (root != null) {
            env.put("PYENV_ROOT", root);
        }
        Processes.Result result = Processes.runExactly(
                List.of(PyenvShims.pyenvProgram(content), "which", shim.getFileName().toString()), workDir, env, 30);
        if (!result.ok()) {
            LOG.debug("pyenv which {}: {}", shim.getFileName(), result.firstErrorLine());
            return ShimTarget.runsNothing("pyenv which: " + result.firstErrorLine());
        }
        String out = result.stdout().strip();
        return usable(out.isEmpty() ? ShimTarget.runsNothing("pyenv which printed nothing")
                : ShimTarget.runs(Path.of(out), "pyenv which"));
    }

    /** A shim's target counts only if it is an executable file and not itself a shim. */
    private static ShimTarget usable(ShimTarget target) {
        if (target.kind() != ShimTarget.Kind.RUNS) {
            return target;
        }
        Path exe = target.executable();
        return isExecutableFile(exe) && !isShim(exe) ? target
                : ShimTarget.runsNothing(exe + " is not an interpreter (" + target.reason() + ")");
    }

    /**
     * `pyenv root`, by pyenv's own rule (no process): PYENV_ROOT without a trailing slash, else
     * ~/.pyenv; null when that has no versions folder.
     */
    private Path pyenvRoot() {
        String value = environment.get("PYENV_ROOT");
        if (value == null || value.isEmpty()) {
            String home = environment.get("HOME");
            if (home == null || home.isBlank()) {
                return null;
            }
            value = home + "/.pyenv";
        } else if (value.endsWith("/") && value.length() > 1) {
            value = value.substring(0, value.length() - 1);
        }
        Path root = workDir.resolve(value);
        return Files.isDirectory(root.resolve("versions")) ? root : null;
    }
}

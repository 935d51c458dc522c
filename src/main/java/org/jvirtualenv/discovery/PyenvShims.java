package org.jvirtualenv.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a pyenv shim runs, worked out with pyenv's own rules instead of running pyenv (about twenty
 * bash processes, some 50 ms). A shim runs {@code pyenv exec COMMAND}, which does this:
 * <ol>
 *   <li>The selected versions: {@code PYENV_VERSION}; else the first {@code .python-version} file
 *       from {@code PYENV_DIR} (default: the working directory) up to {@code /}, then from the
 *       working directory up; else {@code $PYENV_ROOT/version}. A file gives the first word of
 *       each line, skipping blank lines and {@code #} comments; a file that exists but names
 *       nothing means {@code system}, as does no file at all. Versions are separated by colons
 *       only (a space is part of a name).</li>
 *   <li>Each name that is not a folder of {@code $PYENV_ROOT/versions} loses a {@code python-}
 *       prefix; one that still is not is resolved by {@code pyenv latest} as a prefix
 *       ({@code 3.12} to the newest installed 3.12.x), or left as it is (not installed) when no
 *       installed version could match.</li>
 *   <li>The first of those versions, then {@code system}, that has the command wins: a version
 *       has it at {@code $PYENV_ROOT/versions/NAME/bin/COMMAND}; {@code system} is the first
 *       COMMAND on PATH once pyenv's shims folders are taken out of it.</li>
 * </ol>
 * {@code PYENV_ROOT} is the one the shim itself exports (pyenv writes it into every shim), else
 * the variable, else {@code ~/.pyenv}. Hook scripts ({@code pyenv.d/which/*.bash},
 * {@code pyenv.d/version-name/*.bash}) can change any of this; the only ones taken as harmless are
 * pyenv-virtualenv's {@code which} hooks, each of which acts only when no version has the
 * command (so then the answer is left to pyenv). Whenever these rules cannot decide (a prefix
 * pyenv resolves itself, an unknown hook, a name with a slash, an odd layout) the answer is
 * {@link ShimTarget.Kind#UNDECIDED} and the caller runs {@code pyenv which}. {@code exec} hooks
 * (pyenv's pip-rehash) change only what pip commands run, and are not looked at, as
 * {@code pyenv which} does not either.
 *
 * <p>Longer than our other classes on purpose: it follows pyenv's own scripts ({@code exec},
 * {@code version-name}, {@code version-file}, {@code which}) rule by rule, so that it can be read
 * side by side with them; split, the order in which the rules apply would no longer be visible.
 */
final class PyenvShims extends ShimRules {
    /** The line that makes a file a pyenv shim: {@code exec "/…/libexec/pyenv" exec "$program" "$@"}. */
    private static final Pattern EXEC_LINE = Pattern.compile("(?m)^exec \"([^\"$`\\\\]+/libexec/pyenv)\" exec ");
    private static final Pattern ROOT_LINE = Pattern.compile("(?m)^export PYENV_ROOT=\"([^\"$`\\\\]*)\"$");
    private static final String SYSTEM = "system";
    private static final List<String> SYSTEM_HOOK_DIRS =
            List.of("/usr/etc/pyenv.d", "/usr/local/etc/pyenv.d", "/etc/pyenv.d", "/usr/lib/pyenv/hooks");
    /** pyenv-virtualenv's which hooks: each body is one if-block guarded by "the command was not found". */
    private static final List<String> NOT_FOUND_ONLY_HOOKS =
            List.of("conda.bash", "python-config.bash", "system-site-packages.bash");
    private static final String NOT_FOUND_GUARD = "if [ ! -x \"${PYENV_COMMAND_PATH}\" ]";
    /** pyenv reads at most this many characters of a version file line at a time. */
    private static final int LINE_LIMIT = 1024;

    private final Map<String, String> environment;
    private final Path workDir;

    PyenvShims(Map<String, String> environment, Path workDir) {
        this.environment = environment;
        this.workDir = workDir;
    }

    static boolean isPyenvShim(String content) {
        return EXEC_LINE.matcher(content).find();
    }

    /** The pyenv program a shim runs, or null when content is not a pyenv shim. */
    static String pyenvProgram(String content) {
        Matcher m = EXEC_LINE.matcher(content);
        return m.find() ? m.group(1) : null;
    }

    /** The PYENV_ROOT a shim exports before running pyenv, or null when it sets none. */
    static String exportedRoot(String content) {
        Matcher m = ROOT_LINE.matcher(content);
        return m.find() ? m.group(1) : null;
    }

    @Override
    ShimTarget decide(Path shim, String content) throws Undecided {
        String command = shim.getFileName().toString();
        String program = pyenvProgram(content);
        if (program == null) {
            throw new Undecided(shim + " is not a pyenv shim");
        }
        Path root = root(content);
        Path prefix = installPrefix(program);
        boolean notFoundHooks = whichHooks(root, prefix);

        List<String> versions = normalized(root, selected(root));
        List<String> tried = new ArrayList<>(versions);
        tried.add(SYSTEM);
        for (String version : tried) {
            Path found = SYSTEM.equals(version) ? onSystemPath(shim, command, root, prefix)
                    : inVersion(root, version, command);
            if (found != null) {
                return ShimTarget.runs(found, "pyenv version " + version + " (of " + String.join(":", versions) + ")");
            }
        }
        if (notFoundHooks) {
            throw new Undecided("no selected version has " + command + " and pyenv-virtualenv's which hooks may find one");
        }
        return ShimTarget.runsNothing("no pyenv version of " + String.join(":", versions) + " nor the system has " + command);
    }

    /** The shim's own PYENV_ROOT, else PYENV_ROOT (without a trailing slash), else ~/.pyenv. */
    private Path root(String content) throws Undecided {
        String value = exportedRoot(content);
        if (value == null) {
            value = environment.get("PYENV_ROOT");
            if (value == null || value.isEmpty()) {
                String home = environment.get("HOME");
                if (home == null || home.isEmpty()) {
                    throw new Undecided("neither PYENV_ROOT nor HOME is set");
                }
                value = home + "/.pyenv";
            } else if (value.endsWith("/")) {
                value = value.substring(0, value.length() - 1);
            }
        }
        if (!value.startsWith("/")) {
            throw new Undecided("pyenv root '" + value + "' is not an absolute path");
        }
        return path(value);
    }

    /** The folder pyenv is installed in: its libexec/pyenv, links followed, two levels up. */
    private static Path installPrefix(String program) throws Undecided {
        try {
            Path real = Path.of(program).toRealPath();
            Path libexec = real.getParent();
            if (libexec == null || libexec.getParent() == null) {
                throw new Undecided("unexpected pyenv location " + real);
            }
            return libexec.getParent();
        } catch (IOException | InvalidPathException e) {
            throw new Undecided("cannot find pyenv at " + program);
        }
    }

    /**
     * Checks the hook scripts pyenv would source for `which` and `version-name`. Returns whether
     * there are (known) hooks that act only when nothing was found; any other hook means undecided.
     */
    private boolean whichHooks(Path root, Path prefix) throws Undecided {
        List<Path> dirs = new ArrayList<>();
        for (String entry : CommandSearch.entries(environment.get("PYENV_HOOK_PATH"))) {
            if (!entry.isEmpty()) {
                dirs.add(workDir.resolve(path(entry)));
            }
        }
        dirs.add(root.resolve("pyenv.d"));
        if (!prefix.toString().equals(root.toString())) {
            dirs.add(prefix.resolve("pyenv.d"));
        }
        for (String dir : SYSTEM_HOOK_DIRS) {
            dirs.add(Path.of(dir));
        }
        for (Path plugin : sortedEntries(root.resolve("plugins"))) {
            dirs.add(plugin.resolve("etc/pyenv.d"));
        }
        boolean notFoundOnly = false;
        for (Path dir : dirs) {
            List<Path> versionName = bashScripts(dir.resolve("version-name"));
            if (!versionName.isEmpty()) {
                throw new Undecided("pyenv version-name hook " + versionName.get(0));
            }
            for (Path hook : bashScripts(dir.resolve("which"))) {
                if (!actsOnlyWhenNotFound(hook)) {
                    throw new Undecided("pyenv which hook " + hook);
                }
                notFoundOnly = true;
            }
        }
        return notFoundOnly;
    }

    private static boolean actsOnlyWhenNotFound(Path hook) {
        if (!NOT_FOUND_ONLY_HOOKS.contains(hook.getFileName().toString())) {
            return false;
        }
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(hook, StandardCharsets.ISO_8859_1)) {
                String text = line.strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    lines.add(text);
                }
            }
            return !lines.isEmpty() && lines.get(0).startsWith(NOT_FOUND_GUARD) && lines.get(lines.size() - 1).equals("fi");
        } catch (IOException e) {
            return false;
        }
    }

    /** The raw version list: PYENV_VERSION, else the version file's names joined by colons. */
    private String selected(Path root) throws Undecided {
        String fromEnv = environment.get("PYENV_VERSION");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        return readVersionFile(versionFile(root));
    }

    private Path versionFile(Path root) throws Undecided {
        String pyenvDir = environment.get("PYENV_DIR");
        Path start = workDir;
        if (pyenvDir != null && !pyenvDir.isEmpty()) {
            start = workDir.resolve(path(pyenvDir));
            if (!Files.isDirectory(start)) {
                throw new Undecided("PYENV_DIR " + pyenvDir + " is not a folder");
            }
        }
        Path found = findUp(start);
        if (found == null && !start.equals(workDir)) {
            found = findUp(workDir);
        }
        return found != null ? found : root.resolve("version");
    }

    private static Path findUp(Path dir) {
        for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
            Path file = d.resolve(".python-version");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    /** The first word of each line, comments and blank lines skipped, joined by colons; "" for none. */
    private static String readVersionFile(Path file) throws Undecided {
        String text;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                return "";
            }
            if (Files.size(file) > 64 * 1024) {
                throw new Undecided("version file " + file + " is unusually large");
            }
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
        if (text.indexOf('\0') >= 0) {
            throw new Undecided("version file " + file + " is binary");
        }
        StringBuilder names = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.length() > LINE_LIMIT) {
                throw new Undecided("version file " + file + " has a line longer than pyenv reads at once");
            }
            String word = firstWord(line);
            if (word.isEmpty() || word.startsWith("#")) {
                continue;
            }
            if (word.equals("..") || word.contains("/")) {
                throw new Undecided("version '" + word + "' in " + file + " is a path pyenv checks itself");
            }
            if (names.length() > 0) {
                names.append(':');
            }
            names.append(word);
        }
        return names.toString();
    }

    /** The first field of a line split on blanks, tabs and carriage returns (bash's read with pyenv's IFS). */
    private static String firstWord(String line) {
        int start = 0;
        while (start < line.length() && isFieldSeparator(line.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < line.length() && !isFieldSeparator(line.charAt(end))) {
            end++;
        }
        return line.substring(start, end);
    }

    private static boolean isFieldSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    /** pyenv-version-name: colon-separated names, each made an installed version's name where pyenv would. */
    private List<String> normalized(Path root, String raw) throws Undecided {
        List<String> out = new ArrayList<>();
        if (raw.isEmpty() || raw.equals(SYSTEM)) {
            out.add(SYSTEM);
            return out;
        }
        List<String> names = CommandSearch.entries(raw);
        if (raw.endsWith(":")) {
            names.remove(names.size() - 1); // bash drops one trailing empty field
        }
        for (String name : names) {
            if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/")
                    || hasAny(name, " \t\n*?[")) {
                throw new Undecided("version name '" + name + "' is one pyenv treats specially");
            }
            if (name.equals(SYSTEM) || isInstalled(root, name)) {
                out.add(name);
                continue;
            }
            String bare = name.startsWith("python-") ? name.substring("python-".length()) : name;
            if (isInstalled(root, bare)) {
                out.add(bare);
            } else if (couldBePrefix(root, name) || couldBePrefix(root, bare)) {
                throw new Undecided("'" + name + "' is not an installed version; pyenv resolves it as a prefix");
            } else {
                out.add(bare); // not installed: pyenv skips it
            }
        }
        return out;
    }

    private static boolean hasAny(String text, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            if (text.indexOf(chars.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInstalled(Path root, String name) {
        return !name.isEmpty() && Files.isDirectory(root.resolve("versions").resolve(name));
    }

    /** Whether `pyenv latest` could map this name to an installed version (over-approximated). */
    private static boolean couldBePrefix(Path root, String name) {
        String prefix = name;
        if (prefix.length() > 1 && prefix.endsWith("t") && Character.isDigit(prefix.charAt(prefix.length() - 2))) {
            prefix = prefix.substring(0, prefix.length() - 1); // "3.13t": free-threaded builds of 3.13
        }
        for (Path version : sortedEntries(root.resolve("versions"))) {
            if (version.getFileName().toString().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static Path inVersion(Path root, String version, String command) {
        if (!isInstalled(root, version)) {
            return null;
        }
        Path exe = root.resolve("versions").resolve(version).resolve("bin").resolve(command);
        return Files.isExecutable(exe) ? exe : null;
    }

    /**
     * `system`: the command on PATH once pyenv's shims are out of it. pyenv removes
     * {@code $PYENV_ROOT/shims}, the shim's own folder and {@code _PYENV_SHIM_PATHS_<COMMAND>}
     * entries, and searches with its own libexec and plugin folders in front.
     */
    private Path onSystemPath(Path shim, String command, Path root, Path prefix) throws Undecided {
        List<Path> pyenvOwn = new ArrayList<>();
        pyenvOwn.add(prefix.resolve("libexec"));
        for (Path plugin : sortedEntries(prefix.resolve("plugins"))) {
            pyenvOwn.add(plugin.resolve("bin"));
        }
        for (Path plugin : sortedEntries(root.resolve("plugins"))) {
            pyenvOwn.add(plugin.resolve("bin"));
        }
        for (Path dir : pyenvOwn) {
            if (Files.isExecutable(dir.resolve(command))) {
                throw new Undecided("pyenv's own folder " + dir + " has a " + command);
            }
        }
        String home = environment.getOrDefault("HOME", "");
        List<String> removed = new ArrayList<>();
        removed.add(root + "/shims");
        String programKey = command.toUpperCase(Locale.ROOT).replace('-', '_').replaceAll("[^A-Z0-9_]", "_");
        removed.addAll(CommandSearch.entries(environment.get("_PYENV_SHIM_PATHS_" + programKey)));
        Path shimDir = shim.toAbsolutePath().normalize().getParent();
        List<String> search = new ArrayList<>();
        for (String entry : CommandSearch.entries(environment.get("PATH"))) {
            String expanded = entry.replace("~", home);
            if (removed.contains(expanded) || isDir(expanded, shimDir)) {
                continue;
            }
            search.add(expanded);
        }
        CommandSearch.Hit hit = CommandSearch.first(search, command, workDir);
        return hit == null ? null : hit.file();
    }

    private boolean isDir(String entry, Path dir) {
        try {
            return workDir.resolve(entry.isEmpty() ? "." : entry).toAbsolutePath().normalize().equals(dir);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static List<Path> bashScripts(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path file : sortedEntries(dir)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".bash") && !name.startsWith(".")) {
                out.add(file);
            }
        }
        return out;
    }

    private static List<Path> sortedEntries(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                out.add(entry);
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    private static Path path(String text) throws Undecided {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new Undecided("'" + text + "' is not a usable path");
        }
    }
}

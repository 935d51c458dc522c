package org.jvirtualenv.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an asdf shim runs, for the simple, documented cases on which asdf's shell (up to 0.15) and
 * Go (0.16 on) generations agree; everything else is {@link ShimTarget.Kind#UNDECIDED} and the
 * shim is run as it is. A shim lists the plugin versions that provide its command
 * ({@code # asdf-plugin: python 3.11.9}) and runs {@code asdf exec}, which:
 * <ol>
 *   <li>takes the python versions from {@code ASDF_PYTHON_VERSION} (space separated), else from the
 *       {@code python} line of the first {@code .tool-versions} file from the working directory
 *       up that has one ({@code #} starts a comment);</li>
 *   <li>runs {@code $ASDF_DATA_DIR/installs/python/VERSION/bin/COMMAND} (data dir default
 *       {@code ~/.asdf}) for an installed version listed in the shim, or for {@code system} the
 *       command on PATH without asdf's shims folder.</li>
 * </ol>
 * Decided here only: a single requested version that the shim lists, or {@code system} alone,
 * with the python plugin using the default {@code bin} folder (no {@code exec-path} or
 * {@code list-bin-paths} callback), no legacy version files ({@code legacy_version_file} in
 * .asdfrc) and the default {@code .tool-versions} name. Several versions are left to asdf: the two
 * generations order them differently.
 */
final class AsdfShims extends ShimRules {
    private static final Pattern EXEC_LINE = Pattern.compile("(?m)^exec \\S*asdf exec \"");
    private static final Pattern PLUGIN_LINE = Pattern.compile("(?m)^# asdf-plugin: (\\S+) (\\S+)");
    private static final String PLUGIN = "python";
    private static final String TOOL_VERSIONS = ".tool-versions";
    private static final String SYSTEM = "system";

    private final Map<String, String> environment;
    private final Path workDir;

    AsdfShims(Map<String, String> environment, Path workDir) {
        this.environment = environment;
        this.workDir = workDir;
    }

    static boolean isAsdfShim(String content) {
        return EXEC_LINE.matcher(content).find() && PLUGIN_LINE.matcher(content).find();
    }


    @Override
    ShimTarget decide(Path shim, String content) throws Undecided {
        String command = shim.getFileName().toString();
        List<String> listed = new ArrayList<>();
        Matcher m = PLUGIN_LINE.matcher(content);
        while (m.find()) {
            if (!PLUGIN.equals(m.group(1))) {
                throw new Undecided("the shim also runs plugin " + m.group(1));
            }
            listed.add(m.group(2));
        }
        Path data = dataDir();
        Path shims = data.resolve("shims");
        if (!shims.equals(shim.toAbsolutePath().normalize().getParent())) {
            throw new Undecided("the shim is not in " + shims);
        }
        Path plugin = data.resolve("plugins").resolve(PLUGIN);
        if (!Files.isDirectory(plugin)) {
            throw new Undecided("no python plugin in " + plugin.getParent());
        }
        if (Files.exists(plugin.resolve("bin/exec-path")) || Files.exists(plugin.resolve("bin/list-bin-paths"))) {
            throw new Undecided("the python plugin chooses its own executable paths");
        }
        String fileName = environment.get("ASDF_DEFAULT_TOOL_VERSIONS_FILENAME");
        if (fileName != null && !fileName.isEmpty() && !fileName.equals(TOOL_VERSIONS)) {
            throw new Undecided("ASDF_DEFAULT_TOOL_VERSIONS_FILENAME is set");
        }
        if (legacyVersionFiles()) {
            throw new Undecided("legacy version files are enabled");
        }

        List<String> requested = requested();
        if (requested.size() != 1) {
            throw new Undecided("python versions " + requested + " (asdf generations order several differently)");
        }
        String version = requested.get(0);
        if (SYSTEM.equals(version)) {
            return onSystemPath(command, shims);
        }
        if (version.indexOf(':') >= 0 || version.indexOf('/') >= 0 || version.equals("..") || version.equals(".")) {
            throw new Undecided("python version '" + version + "' is not a plain installed version");
        }
        if (!listed.contains(version)) {
            throw new Undecided("the shim does not list python " + version);
        }
        Path exe = data.resolve("installs").resolve(PLUGIN).resolve(version).resolve("bin").resolve(command);
        if (!Files.isExecutable(exe) || Files.isDirectory(exe)) {
            throw new Undecided(exe + " is not an executable");
        }
        return ShimTarget.runs(exe, "asdf python " + version);
    }

    private Path dataDir() throws Undecided {
        String value = environment.get("ASDF_DATA_DIR");
        if (value == null || value.isEmpty()) {
            String home = environment.get("HOME");
            if (home == null || home.isEmpty()) {
                throw new Undecided("neither ASDF_DATA_DIR nor HOME is set");
            }
            value = home + "/.asdf";
        }
        if (!value.startsWith("/")) {
            throw new Undecided("ASDF_DATA_DIR is not absolute");
        }
        return path(value).normalize();
    }

    /** Whether .asdfrc (ASDF_CONFIG_FILE, else ~/.asdfrc) says legacy_version_file = yes. */
    private boolean legacyVersionFiles() throws Undecided {
        String value = environment.get("ASDF_CONFIG_FILE");
        Path config;
        if (value != null && !value.isEmpty()) {
            config = workDir.resolve(path(value));
        } else {
            String home = environment.get("HOME");
            if (home == null || home.isEmpty()) {
                return false;
            }
            config = path(home).resolve(".asdfrc");
        }
        if (!Files.isRegularFile(config)) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(config, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(0, eq).strip().equals("legacy_version_file")
                        && line.substring(eq + 1).strip().startsWith("yes")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new Undecided("cannot read " + config);
        }
    }

    /** ASDF_PYTHON_VERSION's versions, else the python line of the nearest .tool-versions that has one. */
    private List<String> requested() throws Undecided {
        String fromEnv = environment.get("ASDF_PYTHON_VERSION");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            if (fromEnv.indexOf('\t') >= 0 || fromEnv.indexOf('\n') >= 0) {
                throw new Undecided("ASDF_PYTHON_VERSION separates with tabs or lines");
            }
            return words(fromEnv);
        }
        for (Path dir = workDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(TOOL_VERSIONS);
            if (Files.isRegularFile(file)) {
                List<String> versions = pythonLine(file);
                if (versions != null) {
                    return versions;
                }
            }
        }
        // The shell generation also reads ~/.tool-versions when home is not above the working
        // directory; the Go one does not. Either way, nothing found here is asdf's to report.
        throw new Undecided("no python version set in " + TOOL_VERSIONS + " files or ASDF_PYTHON_VERSION");
    }

    /** The versions of the python line, or null when the file has none. */
    private static List<String> pythonLine(Path file) throws Undecided {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Undecided("cannot read " + file);
        }
        List<String> found = null;
        for (String raw : lines) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.indexOf('\t') >= 0) {
                throw new Undecided(file + " separates with tabs");
            }
            List<String> tokens = words(line);
            if (!tokens.get(0).equals(PLUGIN)) {
                continue;
            }
            if (found != null) {
                throw new Undecided(file + " has more than one python line");
            }
            found = tokens.subList(1, tokens.size());
        }
        return found;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String word : text.split(" ")) {
            if (!word.isBlank()) {
                out.add(word.strip());
            }
        }
        return out;
    }

    private ShimTarget onSystemPath(String command, Path shims) throws Undecided {
        List<String> search = new ArrayList<>();
        for (String entry : CommandSearch.entries(environment.get("PATH"))) {
            try {
                if (!entry.isEmpty() && workDir.resolve(entry).toAbsolutePath().normalize().equals(shims)) {
                    continue;
                }
            } catch (InvalidPathException e) {
                continue;
            }
            search.add(entry);
        }
        CommandSearch.Hit hit = CommandSearch.first(search, command, workDir);
        if (hit == null || hit.fromRelativeEntry()) {
            throw new Undecided("system " + command + " is not on PATH, or only in a relative folder");
        }
        return ShimTarget.runs(hit.file(), "asdf python system");
    }

    private static Path path(String text) throws Undecided {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new Undecided("'" + text + "' is not a usable path");
        }
    }
}

package org.jvirtualenv.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.seed.LinkMode;
import org.jvirtualenv.seed.SeedOptions;
import org.jvirtualenv.create.CreatorChoice;
import org.jvirtualenv.create.VenvRedirect;
import org.jvirtualenv.seed.SeedChoice;
import org.jvirtualenv.seed.SeederKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirtualenv.config.CommandLineRequest;
import org.jvirtualenv.config.ConfigSources;
import org.jvirtualenv.config.Spellings;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The option table and its mapping to a {@link CreateRequest}, in process: every option is parsed
 * and its effect on the request asserted, so a dropped or mis-mapped option fails here. Nothing is
 * created: runs are expected to stop at a usage error, and should one get past it, it names a
 * destination in a temporary folder and an interpreter that does not exist.
 */
class CliOptionsTest {
    private static final Path WORK_DIR = Path.of("").toAbsolutePath();

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** No VIRTUALENV_* variables and no ini file: the command line alone. */
    private ConfigSources sources;

    @BeforeEach
    void noConfiguration() {
        sources = ConfigSources.of(Map.of("HOME", tmp.toString()));
    }

    private ParseResult parse(String... args) {
        return Main.commandLine(new PrintWriter(out), new PrintWriter(err), new Main.Verbosity(0, false), sources, WORK_DIR)
                .parseArgs(args);
    }

    private CreateRequest request(String... args) {
        return CommandLineRequest.request(parse(args), sources, WORK_DIR);
    }

    private int execute(String... args) {
        return Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), new Main.Verbosity(0, false),
                sources, WORK_DIR).execute(args);
    }

    /** Options for a run that must fail before it writes anything, whatever the table says. */
    private String[] failing(String... options) {
        List<String> args = new ArrayList<>(List.of("-p", tmp.resolve("no-python").toString()));
        args.addAll(List.of(options));
        args.add(tmp.resolve("env").toString());
        return args.toArray(String[]::new);
    }

    @Test
    void everyValueOptionReachesTheRequest() {
        CreateRequest request = request(
                "-p", "python3.11", "--python=pypy3",
                "--try-first-with", "/opt/py/bin/python3", "--try-first-with=/opt/other/python3",
                "--clear", "--system-site-packages", "--copies", "--prompt", "my env", "--no-vcs-ignore",
                "--pip", "24.0", "--setuptools=embed", "--wheel", "bundle",
                "--extra-search-dir", "wheels", "--extra-search-dir=/srv/wheels",
                "--seeder", "pip", "--download", "--reset-app-data", "--read-only-app-data", "--symlink-app-data",
                "--app-data", "cache", "--activators", "bash,fish", "--activators=python", "--relocatable",
                "dest");
        assertEquals(Path.of("dest"), request.destination());
        assertEquals(List.of("python3.11", "pypy3"), request.pythonSpecs());
        assertEquals(List.of("/opt/py/bin/python3", "/opt/other/python3"), request.tryFirstWith());
        assertTrue(request.clear());
        assertTrue(request.systemSitePackages());
        assertTrue(request.copies());
        assertEquals("my env", request.prompt());
        assertFalse(request.vcsIgnore());
        // Given twice, the last --activators counts, as in virtualenv 21 (-p and the other lists add up).
        assertEquals(List.of("python"), request.activators());
        assertTrue(request.relocatable());
        assertEquals(WORK_DIR, request.workDir());
        SeedOptions seed = request.seed();
        assertTrue(seed.enabled());
        assertEquals(Map.of("pip", "24.0", "setuptools", "embed", "wheel", "bundle"), seed.choices());
        assertEquals(List.of(WORK_DIR.resolve("wheels"), Path.of("/srv/wheels")), seed.extraSearchDirs());
        assertEquals(SeederKind.PIP, seed.seeder());
        assertTrue(seed.download());
        assertTrue(seed.resetAppData());
        assertTrue(seed.readOnlyAppData());
        assertEquals(LinkMode.SYMLINK, seed.linkMode());
        assertEquals(WORK_DIR.resolve("cache"), seed.appData());
    }

    @Test
    void nothingGivenMeansTheLibraryDefaults() {
        CreateRequest request = request("dest");
        CreateRequest library = CreateRequest.builder(Path.of("dest")).environment(sources.environment()).build();
        assertEquals(library.pythonSpecs(), request.pythonSpecs());
        assertEquals(library.tryFirstWith(), request.tryFirstWith());
        assertFalse(request.clear());
        assertFalse(request.systemSitePackages());
        assertFalse(request.copies());
        assertNull(request.prompt());
        assertTrue(request.vcsIgnore());
        assertNull(request.activators(), "null: all activators that fit the platform");
        assertFalse(request.relocatable());
        assertEquals(library.seed(), request.seed());
        assertEquals(SeederKind.APP_DATA, request.seed().seeder());
        assertEquals(AppData.defaultFor(sources.environment()).root(), request.seed().appData());
    }

    /** Each option alone gives exactly the request of its one builder call: nothing lost, nothing crossed. */
    @Test
    void eachOptionAloneIsItsOwnBuilderCall() {
        Map<List<String>, UnaryOperator<CreateRequest.Builder>> table = new LinkedHashMap<>();
        table.put(List.of("-p", "3.11"), b -> b.python("3.11"));
        table.put(List.of("--python", "pypy3"), b -> b.python("pypy3"));
        table.put(List.of("--try-first-with", "/opt/python3"), b -> b.tryFirstWith("/opt/python3"));
        table.put(List.of("--clear"), b -> b.clear(true));
        table.put(List.of("--system-site-packages"), b -> b.systemSitePackages(true));
        table.put(List.of("--symlinks"), b -> b.copies(false));
        table.put(List.of("--copies"), b -> b.copies(true));
        table.put(List.of("--always-copy"), b -> b.copies(true));
        table.put(List.of("--prompt", "p"), b -> b.prompt("p"));
        table.put(List.of("--no-vcs-ignore"), b -> b.vcsIgnore(false));
        table.put(List.of("--no-seed"), b -> b.seed(false));
        table.put(List.of("--without-pip"), b -> b.seed(false));
        table.put(List.of("--no-pip"), b -> b.seedChoice("pip", SeedChoice.parse("none")));
        table.put(List.of("--no-setuptools"), b -> b.seedChoice("setuptools", SeedChoice.parse("none")));
        table.put(List.of("--no-wheel"), b -> b.seedChoice("wheel", SeedChoice.parse("none")));
        table.put(List.of("--pip", "24.0"), b -> b.seedChoice("pip", SeedChoice.parse("24.0")));
        table.put(List.of("--setuptools", "embed"), b -> b.seedChoice("setuptools", SeedChoice.parse("embed")));
        table.put(List.of("--wheel", "0.42.0"), b -> b.seedChoice("wheel", SeedChoice.parse("0.42.0")));
        table.put(List.of("--extra-search-dir", "wheels"), b -> b.extraSearchDir(Path.of("wheels")));
        table.put(List.of("--seeder", "pip"), b -> b.seeder(SeederKind.PIP));
        table.put(List.of("--seeder", "app-data"), b -> b.seeder(SeederKind.APP_DATA));
        table.put(List.of("--download"), b -> b.download(true));
        table.put(List.of("--no-download"), b -> b.download(false));
        table.put(List.of("--never-download"), b -> b.download(false));
        table.put(List.of("--reset-app-data"), b -> b.resetAppData(true));
        table.put(List.of("--read-only-app-data"), b -> b.readOnlyAppData(true));
        table.put(List.of("--symlink-app-data"), b -> b.symlinkAppData(true));
        table.put(List.of("--link-mode", "copy"), b -> b.linkMode(LinkMode.COPY));
        table.put(List.of("--link-mode", "hardlink"), b -> b.linkMode(LinkMode.HARDLINK));
        table.put(List.of("--link-mode", "symlink"), b -> b.linkMode(LinkMode.SYMLINK));
        table.put(List.of("--app-data", "cache"), b -> b.appData(Path.of("cache")));
        table.put(List.of("--activators", "bash,fish"), b -> b.activators(List.of("bash", "fish")));
        table.put(List.of("--relocatable"), b -> b.relocatable(true));
        table.put(List.of("--allow-existing"), b -> b.allowExisting(true));
        table.put(List.of("--creator", "venv"), b -> b.creator(CreatorChoice.VENV));
        table.put(List.of("--creator", "cpython3-posix"), b -> b.creator(CreatorChoice.CPYTHON3_POSIX));
        table.put(List.of("--venv-redirect"), b -> b.venvRedirect(VenvRedirect.ALWAYS));
        table.put(List.of("--no-venv-redirect"), b -> b.venvRedirect(VenvRedirect.NEVER));
        // Accepted for virtualenv's sake; they change nothing in the request.
        table.put(List.of("--discovery", "builtin"), b -> b);
        table.put(List.of("--no-periodic-update"), b -> b);
        // Read by Main (logging) and when reporting, not part of the request.
        table.put(List.of("-v"), b -> b);
        table.put(List.of("-q"), b -> b);
        table.put(List.of("--with-traceback"), b -> b);
        table.forEach((args, call) -> {
            List<String> withDest = new ArrayList<>(args);
            withDest.add("d");
            assertEquals(call.apply(CreateRequest.builder(Path.of("d")).environment(sources.environment())).build(),
                    request(withDest.toArray(String[]::new)),
                    String.join(" ", args));
        });
    }

    @Test
    void noDistributionWinsOverAChosenVersion() {
        SeedOptions seed = request("--pip", "24.0", "--no-pip", "--no-setuptools", "--no-wheel", "--wheel=0.42.0", "d").seed();
        assertEquals(Map.of("pip", "none", "setuptools", "none", "wheel", "none"), seed.choices());
    }

    @Test
    void verbosityFlagsCountAndClusterAndTracebackIsAccepted() {
        ParseResult parsed = parse("-vv", "--verbose", "-q", "--quiet", "--with-traceback", "d");
        assertArrayEquals(new boolean[] {true, true, true}, parsed.matchedOptionValue("--verbose", new boolean[0]));
        assertArrayEquals(new boolean[] {true, true}, parsed.matchedOptionValue("-q", new boolean[0]));
        assertTrue(parsed.matchedOptionValue("--with-traceback", false));
        assertEquals(1, parse("-vq", "d").matchedOptionValue("-q", new boolean[0]).length);
    }

    @Test
    void helpListsEveryOptionInTableOrder() {
        assertEquals(0, execute(failing("--help")));
        String help = out.toString();
        assertTrue(help.startsWith("Usage: virtualenv "), help);
        assertTrue(help.contains("Create an isolated Python environment in DEST."), help);
        assertTrue(help.contains("Environment variables: PATH is searched for interpreters"), help);
        String[] table = {"[DEST]", "-p, --python=SPEC", "--try-first-with=PATH", "--discovery=NAME", "--creator=NAME",
            "--clear", "--system-site-packages", "--symlinks", "--copies, --always-copy", "--prompt=PROMPT",
            "--no-vcs-ignore", "--venv-redirect", "--no-venv-redirect", "--no-seed, --without-pip", "--seeder=SEEDER",
            "--pip=VERSION", "--setuptools=VERSION", "--wheel=VERSION", "--no-pip", "--no-setuptools", "--no-wheel",
            "--extra-search-dir=DIR", "--download", "--no-download, --never-download", "--no-periodic-update",
            "--upgrade-embed-wheels", "--reset-app-data", "--read-only-app-data", "--link-mode=MODE", "--symlink-app-data",
            "--app-data=DIR",
            "--activators=LIST[,LIST...]", "--relocatable", "-v, --verbose", "-q, --quiet", "--with-traceback",
            "--version", "-h, --help"};
        int from = help.indexOf("Create an isolated");
        for (String entry : table) {
            int at = help.indexOf("\n  " + (entry.startsWith("--") || entry.equals("[DEST]") ? "    " : "") + entry, from);
            assertTrue(at > from, entry + " after the previous entry in:\n" + help);
            from = at;
        }
        assertTrue(help.endsWith("\nconfig file " + tmp.resolve(".config/virtualenv/virtualenv.ini")
                + " missing (change via env var VIRTUALENV_CONFIG_FILE)\n"), help);
        assertEquals("", err.toString());
        assertEquals(0, execute(failing("-h")));
        CommandSpec spec = VirtualenvCommand.spec(sources);
        spec.args().forEach(arg -> assertTrue(arg.description().length == 1 && !arg.description()[0].isBlank(),
                (arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel()) + " has a description"));
    }

    @Test
    void versionNamesTheToolAndWhereItRunsFrom() {
        assertEquals(0, execute(failing("--version")));
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("virtualenv " + Virtualenv.version() + " from "), out.toString());
        assertTrue(lines.get(1).startsWith("jvirtualenv (virtualenv for the JVM) running on Java "), out.toString());
        assertEquals("", err.toString());
    }

    /** The verbosity is read before the option table exists, from the same shortened spellings. */
    @Test
    void theVerbosityScanTakesTheSamePrefixesAsTheParser() {
        CommandSpec spec = new CommandLine(CommandModel.spec()).getCommandSpec();
        assertEquals(Spellings.shortestPrefix(spec, "--verbose"), Main.VERBOSE_FROM);
        assertEquals(Spellings.shortestPrefix(spec, "--quiet"), Main.QUIET_FROM);
        assertEquals(Spellings.shortestPrefix(spec, "--with-traceback"), Main.TRACEBACK_FROM);
    }

    @Test
    void exclusiveGroupsAreUsageErrors() {
        assertEquals(VirtualenvException.USAGE, execute(failing("--symlinks", "--always-copy")));
        assertEquals(VirtualenvException.USAGE, execute(failing("--download", "--never-download")));
        // Named as typed: picocli would call --copies by its longest name, --always-copy.
        assertEquals(VirtualenvException.USAGE, execute(failing("--copies", "--prompt=x", "--symlinks")));
        assertEquals("virtualenv: error: --symlinks and --always-copy cannot be used together: give one of them"
                + " (see virtualenv --help)\n"
                + "virtualenv: error: --download and --never-download cannot be used together: give one of them"
                + " (see virtualenv --help)\n"
                + "virtualenv: error: --copies and --symlinks cannot be used together: give one of them"
                + " (see virtualenv --help)\n", err.toString());
    }

    @Test
    void badValuesAreOneLineUsageErrors() {
        assertEquals(VirtualenvException.USAGE, execute("-p", tmp.resolve("no-python").toString()));
        assertEquals(VirtualenvException.USAGE, execute(failing("--seeder", "bogus")));
        assertEquals(VirtualenvException.USAGE, execute(failing("--pip", "")));
        assertEquals(VirtualenvException.USAGE, execute(failing("--setuptools", "a b")));
        assertEquals(VirtualenvException.USAGE, execute(failing("--wheel=1;2")));
        assertEquals(VirtualenvException.USAGE, execute("-p", tmp.resolve("no-python").toString(), "--prompt"));
        assertEquals(String.join("\n",
                "virtualenv: error: missing DEST: give the directory to create the environment in",
                "virtualenv: error: --seeder 'bogus': expected app-data or pip",
                "virtualenv: error: --pip '': expected bundle, embed, none or a version such as 24.2",
                "virtualenv: error: --setuptools 'a b': expected bundle, embed, none or a version such as 24.2",
                "virtualenv: error: --wheel '1;2': expected bundle, embed, none or a version such as 24.2",
                "virtualenv: error: Missing required parameter for option '--prompt' (PROMPT) (see virtualenv --help)",
                ""), err.toString());
        assertEquals("", out.toString());
        assertEquals(List.of(), List.of(tmp.toFile().list()), "nothing written");
    }

    @Test
    void aBadSeederIsRefusedWhileMapping() {
        VirtualenvException e = assertThrows(VirtualenvException.class, () -> request("--seeder", "conda", "d"));
        assertEquals(VirtualenvException.USAGE, e.exitCode());
    }
}

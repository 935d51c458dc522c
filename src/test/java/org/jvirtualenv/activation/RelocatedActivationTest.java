package org.jvirtualenv.activation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.jvirtualenv.activation.ProbeShell.Family;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.ProcessRunner;
import org.jvirtualenv.testing.Shells;
import org.jvirtualenv.testing.Trees;

/**
 * Environments whose activators were written with {@code relocatable} set, then moved, copied or
 * packed and unpacked under a new name: every shell that can find its own script must activate
 * the new place, byte-exact; csh and tcsh, which cannot, must say so on one line and change
 * nothing. Without the flag the recorded path wins, as before.
 */
class RelocatedActivationTest {
    private static final String MARKER = ProbeCase.MARKER;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(
            Math.max(4, Runtime.getRuntime().availableProcessors() * 2), r -> {
                Thread t = new Thread(r, "relocated-probe");
                t.setDaemon(true);
                return t;
            });

    /** Where an environment ends up, as seen from where it was made. */
    enum Kind {
        /** Made relocatable and never moved: the recorded path is also the found one. */
        IN_PLACE(true),
        /** Files.move to a new name; the original path no longer exists. */
        MOVE(true),
        /** Recursive copy; the original stays where it was, so the recorded path still works. */
        COPY(true),
        /** tar, remove the original, untar under a new name. */
        TAR(true),
        /** Not relocatable, copied with the original kept: the recorded path is used, as before. */
        COPY_NOT_RELOCATABLE(false);

        final boolean relocatable;

        Kind(boolean relocatable) {
            this.relocatable = relocatable;
        }
    }

    /** An origin and a destination name; the last pair is hostile in both. */
    record Names(String label, String origin, String destination) {
    }

    static List<Names> names() {
        return List.of(
                new Names("spaces", "made here", "new place/with spaces"),
                new Names("unicode", "caf\u00e9", "\u65e5\u672c-\u00e9\u00e8-\u2603 dir"),
                new Names("hostile", "orig $(touch MARKER) 'q' bang!x",
                        "$(touch MARKER) 'single' \"double\" `touch MARKER` ;x & y"));
    }

    /** One environment after its move: where it was made and where it is now. */
    record Placed(Kind kind, Names names, Path origin, Path current) {
        /** Where every shell that can find its own script must say the environment is. */
        Path expected() {
            return kind.relocatable ? current : origin;
        }

        /** What csh sees: the recorded path, if it still exists. */
        boolean cshCanActivate() {
            return Files.exists(origin.resolve("pyvenv.cfg"));
        }
    }

    record Outcome(Path runDir, Path out, ProcessResult result) {
        String recorded(String name) {
            Path file = out.resolve(name);
            try {
                return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean markerCreated() {
            try (Stream<Path> walk = Files.walk(runDir)) {
                return walk.anyMatch(p -> p.getFileName().toString().equals(MARKER));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @TempDir
    Path scratch;

    @TestFactory
    Stream<DynamicNode> relocatedEnvironmentsActivateWhereTheyAre() throws IOException {
        Path root = scratch.toRealPath(); // so the expected paths have no symlinks to resolve
        boolean havePython = Shells.python3().isPresent();
        List<DynamicNode> perKind = new ArrayList<>();
        List<CompletableFuture<?>> all = new ArrayList<>();
        int n = 0;
        for (Kind kind : Kind.values()) {
            List<DynamicNode> perNames = new ArrayList<>();
            for (Names names : names()) {
                Path caseDir = Files.createDirectories(root.resolve("case-" + n++));
                Placed placed = havePython ? place(kind, names, caseDir) : null;
                List<DynamicTest> tests = new ArrayList<>();
                for (ProbeShell shell : ProbeShell.values()) {
                    CompletableFuture<Outcome> run = placed == null || shell.path().isEmpty()
                            ? CompletableFuture.completedFuture(null)
                            : CompletableFuture.supplyAsync(() -> runShell(shell, placed, caseDir), POOL);
                    all.add(run);
                    tests.add(DynamicTest.dynamicTest(shell.executable, () -> {
                        assumeTrue(havePython, "python3 not found on PATH: needed for bin/python");
                        assumeTrue(shell.path().isPresent(), shell.missingReason());
                        check(shell, placed, run.join());
                    }));
                }
                CompletableFuture<ProcessResult> python = placed == null
                        ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.supplyAsync(() -> runActivateThis(placed, caseDir), POOL);
                all.add(python);
                tests.add(DynamicTest.dynamicTest("activate_this.py", () -> {
                    assumeTrue(havePython, "python3 not found on PATH: needed to exec activate_this.py");
                    checkActivateThis(placed, python.join(), caseDir);
                }));
                perNames.add(DynamicContainer.dynamicContainer(names.label(), tests));
            }
            perKind.add(DynamicContainer.dynamicContainer(kind.name(), perNames));
        }
        perKind.add(DynamicTest.dynamicTest("no command from any name ran anywhere", () -> {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
            try (Stream<Path> walk = Files.walk(root)) {
                assertEquals(List.of(), walk.filter(p -> p.getFileName().toString().equals(MARKER)).toList());
            }
        }));
        return perKind.stream();
    }

    /** Makes an environment at the origin with every POSIX activator, then relocates it. */
    private static Placed place(Kind kind, Names names, Path caseDir) throws IOException {
        Path origin = caseDir.resolve("made").resolve(names.origin());
        Path bin = Files.createDirectories(origin.resolve("bin"));
        Files.createDirectories(origin.resolve("lib/python3/site-packages"));
        Files.writeString(origin.resolve("pyvenv.cfg"), "home = /usr/bin\nrelocatable = true\n");
        Files.createSymbolicLink(bin.resolve("python"), Shells.python3().orElseThrow());
        ActivationContext ctx = new ActivationContext(origin, "bin", "lib", "reloc", false,
                List.of("lib/python3/site-packages"), "3", kind.relocatable);
        for (String name : List.of("bash", "cshell", "fish", "nushell", "python", "xonsh")) {
            Activators.select(List.of(name)).get(0).generate(ctx);
        }
        Path current = caseDir.resolve("moved").resolve(names.destination());
        Files.createDirectories(current.getParent());
        switch (kind) {
            case IN_PLACE -> current = origin;
            case MOVE -> Files.move(origin, current);
            case COPY, COPY_NOT_RELOCATABLE -> copyTree(origin, current);
            case TAR -> {
                Path archive = caseDir.resolve("env.tar");
                tar(caseDir, "-cf", archive.toString(), "-C", origin.toString(), ".");
                Trees.deleteRecursively(origin);
                Files.createDirectories(current);
                tar(caseDir, "-xf", archive.toString(), "-C", current.toString());
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return new Placed(kind, names, origin, current);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                Files.copy(source, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void tar(Path workDir, String... args) {
        Path tar = Shells.find("tar").orElseThrow(() -> new AssertionError("tar not installed: needed for the TAR case"));
        List<String> command = new ArrayList<>(List.of(tar.toString()));
        command.addAll(List.of(args));
        ProcessResult r = ProcessRunner.run(command, Shells.cleanEnvironment(workDir), workDir);
        assertEquals(0, r.exitCode(), r.describe());
    }

    private static Outcome runShell(ProbeShell shell, Placed placed, Path caseDir) {
        try {
            Path runDir = Files.createDirectories(caseDir.resolve("run-" + shell.executable));
            Path out = Files.createDirectories(runDir.resolve("out"));
            Path home = Files.createDirectories(runDir.resolve("home"));
            String probe = "probe." + switch (shell.family) {
                case SH -> "sh";
                case CSH -> "csh";
                case FISH -> "fish";
                case NU -> "nu";
                case XONSH -> "xsh";
            };
            try (InputStream in = RelocatedActivationTest.class.getResourceAsStream("/probes/relocated/" + probe)) {
                Files.copy(in, runDir.resolve(probe));
            }
            Files.createSymbolicLink(runDir.resolve("e"), placed.current());
            Map<String, String> env = Shells.cleanEnvironment(home);
            env.put("PROBE_OUT", out.toString());
            env.put("PROBE_SHELL", shell.executable);
            env.put("ENV_DIR", placed.current().toString());
            return new Outcome(runDir, out, ProcessRunner.run(shell.command(probe), env, runDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(ProbeShell shell, Placed placed, Outcome outcome) {
        String context = shell.executable + " / " + placed.kind() + " / " + placed.names().label()
                + "\nmade at  " + placed.origin() + "\nnow at   " + placed.current()
                + "\n" + outcome.result().describe();
        assertEquals("yes", outcome.recorded("done"), "probe did not finish: " + context);
        assertFalse(outcome.markerCreated(), "a command from a name ran: " + context);
        String before = outcome.recorded("before.path");
        List<Executable> checks = new ArrayList<>();
        if (shell.family == Family.CSH && placed.kind().relocatable && !placed.cshCanActivate()) {
            String stderr = outcome.result().stderr();
            checks.add(() -> assertTrue(stderr.endsWith("\n") && stderr.indexOf('\n') == stderr.length() - 1,
                    "exactly one line on stderr: " + context));
            checks.add(() -> assertTrue(stderr.startsWith("activate.csh: this environment was moved or copied from "
                    + placed.origin() + " and csh cannot tell where it is now"), "the message: " + context));
            checks.add(() -> assertTrue(stderr.contains("NEW_PLACE/bin/activate"), "says what to do: " + context));
            checks.add(() -> assertEquals("", outcome.result().stdout(), context));
            checks.add(() -> assertEquals("<unset>", outcome.recorded("virtual_env"), "not activated: " + context));
            checks.add(() -> assertEquals(before, outcome.recorded("path"), "PATH unchanged: " + context));
            checks.add(() -> assertEquals("<unset>", outcome.recorded("pkg_config_path"),
                    "PKG_CONFIG_PATH unchanged: " + context));
            checks.add(() -> assertEquals("", outcome.recorded("alias"), "no deactivate alias: " + context));
        } else {
            // csh cannot tell a copy from its original: with the original still there it
            // activates the recorded path (documented in activate.csh).
            Path expected = shell.family == Family.CSH ? placed.origin() : placed.expected();
            String python = outcome.recorded("python");
            String found = shell.family == Family.CSH && python != null && python.endsWith("\n")
                    ? python.substring(0, python.length() - 1) : python;
            checks.add(() -> assertEquals(expected.toString(), outcome.recorded("virtual_env"), "VIRTUAL_ENV " + context));
            checks.add(() -> assertEquals(expected + "/bin:" + before, outcome.recorded("path"), "PATH " + context));
            checks.add(() -> assertEquals(expected + "/bin/python", found, "python found " + context));
            checks.add(() -> assertEquals(expected + "/lib/pkgconfig", outcome.recorded("pkg_config_path"),
                    "PKG_CONFIG_PATH " + context));
            checks.add(() -> assertEquals("", outcome.result().stderr(), "nothing on stderr " + context));
            if (shell.family == Family.SH) {
                checks.add(() -> assertEquals(expected.toString(), outcome.recorded("sub.virtual_env"),
                        "VIRTUAL_ENV when sourced in a subshell " + context));
                checks.add(() -> assertEquals(expected.toString(), outcome.recorded("rel.virtual_env"),
                        "VIRTUAL_ENV when sourced as ./activate from bin " + context));
            }
        }
        checks.add(() -> assertEquals(before, outcome.recorded("d.path"), "PATH after deactivate " + context));
        checks.add(() -> assertEquals("<unset>", outcome.recorded("d.virtual_env"), "VIRTUAL_ENV after deactivate " + context));
        checks.add(() -> assertEquals("<unset>", outcome.recorded("d.pkg_config_path"),
                "PKG_CONFIG_PATH after deactivate " + context));
        assertAll(checks);
    }

    /** Prints each observation as key=hex(UTF-8 bytes), so nothing depends on console encoding. */
    private static final String DRIVER = String.join("\n",
            "import os, sys, binascii",
            "def hexed(v):",
            "    if not isinstance(v, bytes):",
            "        v = v.encode('utf-8', 'surrogateescape')",
            "    return binascii.hexlify(v).decode('ascii')",
            "p = sys.argv[1]",
            "before_path = os.environ.get('PATH', '')",
            "exec(open(p).read(), {'__file__': p})",
            "seen = [('before_path', before_path), ('prefix', sys.prefix), ('exec_prefix', sys.exec_prefix),",
            "        ('virtual_env', os.environ['VIRTUAL_ENV']), ('path', os.environ['PATH']),",
            "        ('pkg_config_path', os.environ.get('PKG_CONFIG_PATH', '<unset>')), ('sys_path_0', sys.path[0])]",
            "for key, value in seen:",
            "    sys.stdout.write(key + '=' + hexed(value) + '\\n')",
            "");

    private static ProcessResult runActivateThis(Placed placed, Path caseDir) {
        try {
            Path runDir = Files.createDirectories(caseDir.resolve("run-python"));
            Path home = Files.createDirectories(runDir.resolve("home"));
            Path driver = runDir.resolve("driver.py");
            Files.writeString(driver, DRIVER, StandardCharsets.UTF_8);
            return ProcessRunner.run(List.of(Shells.python3().orElseThrow().toString(), driver.toString(),
                    placed.current().resolve("bin/activate_this.py").toString()), Shells.cleanEnvironment(home), runDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkActivateThis(Placed placed, ProcessResult r, Path caseDir) {
        String context = placed.kind() + " / " + placed.names().label() + "\n" + r.describe();
        assertEquals(0, r.exitCode(), context);
        Map<String, String> seen = new LinkedHashMap<>();
        for (String line : r.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                seen.put(line.substring(0, eq),
                        new String(HexFormat.of().parseHex(line.substring(eq + 1)), StandardCharsets.UTF_8));
            }
        }
        String expected = placed.expected().toString();
        assertAll(
                () -> assertFalse(Files.exists(caseDir.resolve("run-python").resolve(MARKER)), context),
                () -> assertEquals(expected, seen.get("prefix"), "sys.prefix " + context),
                () -> assertEquals(expected, seen.get("exec_prefix"), "sys.exec_prefix " + context),
                () -> assertEquals(expected, seen.get("virtual_env"), "VIRTUAL_ENV " + context),
                () -> assertEquals(expected + "/bin:" + seen.get("before_path"), seen.get("path"), "PATH " + context),
                () -> assertEquals(expected + "/lib/pkgconfig", seen.get("pkg_config_path"),
                        "PKG_CONFIG_PATH that was unset " + context),
                () -> assertEquals(expected + "/lib/python3/site-packages", seen.get("sys_path_0"),
                        "site-packages first " + context));
    }
}

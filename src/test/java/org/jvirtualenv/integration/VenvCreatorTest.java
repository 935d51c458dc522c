package org.jvirtualenv.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.jvirtualenv.testing.Scripts.executable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.CreateResult;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.create.CreatorChoice;
import org.jvirtualenv.create.PyvenvCfg;
import org.jvirtualenv.create.VenvRedirect;
import org.jvirtualenv.testing.FakeInterpreters;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.jvirtualenv.util.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --creator venv} and the concrete creator names through the Java API, on the real
 * interpreters of this machine: the target's venv module makes an environment that is its own
 * prefix, our seeder puts a working pip in it and our activators replace venv's; a target without
 * venv, or a native creator that does not fit, is refused before anything is written.
 */
class VenvCreatorTest {
    /** The targets venv mode must work on; each is skipped, saying so, when this machine lacks it. */
    private static final List<String> TARGETS = List.of("pyenv-3.7.", "pyenv-3.8.", "pyenv-3.9.", "pyenv-3.10.",
            "pyenv-3.11.", "pyenv-3.12.", "pyenv-3.13.", "debian-python3", "pypy3");

    @TempDir
    Path tmp;

    private Map<String, String> env() {
        return Run.cleanEnvironment(tmp.resolve("home"));
    }

    private CreateRequest.Builder request(Path dest, Path python) {
        return CreateRequest.builder(dest).python(python.toString()).environment(env()).workDir(tmp)
                .appData(tmp.resolve("app-data"));
    }

    private static Interpreters.Found required(String label) {
        Optional<Interpreters.Found> found = Interpreters.labelled(label);
        assumeTrue(found.isPresent(), "no interpreter labelled " + label + "* on this machine (pyenv root or /usr/bin/python3)");
        return found.get();
    }

    @TestFactory
    Stream<DynamicTest> venvModuleMakesTheEnvironmentThenWeSeedAndActivate() {
        return TARGETS.stream().map(label -> DynamicTest.dynamicTest(label, () -> {
            Interpreters.Found python = required(label);
            Path dest = tmp.resolve(label.replace(".", "") + "-env");
            CreateResult result = Virtualenv.create(request(dest, python.executable()).creator(CreatorChoice.VENV)
                    .venvRedirect(VenvRedirect.NEVER).build());
            assertEquals("Venv", result.creator());

            ProcessResult prefix = Run.command(env(), tmp, dest.resolve("bin/python").toString(), "-c",
                    "import sys; print(sys.prefix)");
            assertEquals(0, prefix.exitCode(), prefix.describe());
            assertEquals(dest.toString(), prefix.stdout().strip());

            ProcessResult pip = Run.command(env(), tmp, dest.resolve("bin/pip").toString(), "--version");
            assertEquals(0, pip.exitCode(), pip.describe());
            assertTrue(pip.stdout().contains(dest.resolve("lib").toString()), "pip runs from the environment: " + pip.stdout());
            assertTrue(result.seed().installed().stream().anyMatch(d -> d.pinned().startsWith("pip==")),
                    "pip was seeded: " + result.seed().installed());

            Path bin = dest.resolve("bin");
            assertFalse(Files.exists(bin.resolve("Activate.ps1")), "venv's PowerShell script is gone");
            assertTrue(Files.readString(bin.resolve("activate")).contains("Puts this virtual environment first on PATH"),
                    "bin/activate is ours");
            for (String script : List.of("activate.csh", "activate.fish", "activate.nu", "activate.ps1", "activate_this.py", "activate.xsh")) {
                assertTrue(Files.isRegularFile(bin.resolve(script)), script);
            }
            assertEquals(7, result.activators().size(), "the default activators: " + result.activators());

            Map<String, String> cfg = PyvenvCfg.parse(Files.readString(dest.resolve("pyvenv.cfg")));
            assertEquals(Virtualenv.version(), cfg.get("virtualenv"));
            assertEquals(result.python().implementation(), cfg.get("implementation"));
            assertEquals(result.python().version().full(), cfg.get("version_info"));
            assertEquals("false", cfg.get("include-system-site-packages"));
            assertEquals("# created by jvirtualenv automatically\n*\n", Files.readString(dest.resolve(".gitignore")));
            assertTrue(Files.isRegularFile(dest.resolve("CACHEDIR.TAG")));
        }));
    }

    @Test
    void copiesSystemSitePackagesPromptAndNoVcsIgnoreAreHonoured() throws IOException {
        Interpreters.Found python = newestPyenv3();
        Path dest = tmp.resolve("copies");
        Virtualenv.create(request(dest, python.executable()).creator(CreatorChoice.VENV).copies(true)
                .systemSitePackages(true).prompt("my project").seed(false).activators(List.of("bash")).vcsIgnore(false)
                .build());
        assertFalse(Files.isSymbolicLink(dest.resolve("bin/python")), "--copies reached venv");
        assertFalse(Files.exists(dest.resolve(".gitignore")), "--no-vcs-ignore: not ours, nor the one venv 3.13 writes");
        Map<String, String> cfg = PyvenvCfg.parse(Files.readString(dest.resolve("pyvenv.cfg")));
        assertEquals("true", cfg.get("include-system-site-packages"));
        assertEquals("my project", cfg.get("prompt"));
        // Only the activators asked for: none of venv's are left beside ours.
        try (Stream<Path> files = Files.list(dest.resolve("bin"))) {
            assertEquals(List.of("activate"), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.toLowerCase().startsWith("activate") || n.startsWith("deactivate")).sorted().toList());
        }
        ProcessResult visible = Run.command(env(), tmp, dest.resolve("bin/python").toString(), "-c",
                "import sys; print([p for p in sys.path if p.endswith('site-packages')])");
        assertEquals(0, visible.exitCode(), visible.describe());
        assertTrue(visible.stdout().contains(Path.of(python.executable().toString()).getParent().getParent().toString()),
                "the base's site-packages is on sys.path: " + visible.stdout());
    }

    /**
     * Our pyvenv.cfg in venv mode has the keys virtualenv 21.14.1 writes in that mode, in its
     * order, whether venv wrote executable and command itself (3.11+) or not.
     */
    @TestFactory
    Stream<DynamicTest> pyvenvCfgHasTheKeysOfVirtualenv21() {
        return Stream.of("pyenv-3.9.", "pyenv-3.13.").map(label -> DynamicTest.dynamicTest(label, () -> {
            Path reference = Path.of("/opt/ve21/bin/virtualenv");
            assumeTrue(Files.isExecutable(reference), "virtualenv 21.14.1 is not installed at " + reference);
            Interpreters.Found python = required(label);
            Path theirs = tmp.resolve("theirs" + label);
            ProcessResult ref = Run.command(env(), tmp, reference.toString(), "--no-seed", "--creator", "venv",
                    "--prompt", "p", "-p", python.executable().toString(), theirs.toString());
            assertEquals(0, ref.exitCode(), ref.describe());
            Path ours = tmp.resolve("ours" + label);
            Virtualenv.create(request(ours, python.executable()).creator(CreatorChoice.VENV).prompt("p").seed(false)
                    .build());
            Map<String, String> expected = PyvenvCfg.parse(Files.readString(theirs.resolve("pyvenv.cfg")));
            Map<String, String> actual = PyvenvCfg.parse(Files.readString(ours.resolve("pyvenv.cfg")));
            assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()));
            for (String key : List.of("home", "implementation", "python-version", "version_info", "version", "executable",
                    "include-system-site-packages")) {
                assertEquals(expected.get(key), actual.get(key), key);
            }
        }));
    }

    @Test
    void venvModeUpdatesAnEnvironmentInPlaceAndAfterClear() throws IOException {
        Interpreters.Found python = newestPyenv3();
        Path dest = tmp.resolve("again");
        Virtualenv.create(request(dest, python.executable()).seed(false).copies(true).build());
        Files.writeString(dest.resolve("kept.txt"), "user file");
        Virtualenv.create(request(dest, python.executable()).creator(CreatorChoice.VENV).seed(false).build());
        assertEquals("user file", Files.readString(dest.resolve("kept.txt")), "without --clear the folder is updated in place");
        assertEquals(Virtualenv.version(), PyvenvCfg.parse(Files.readString(dest.resolve("pyvenv.cfg"))).get("virtualenv"));
        Virtualenv.create(request(dest, python.executable()).creator(CreatorChoice.VENV).seed(false).clear(true).build());
        assertFalse(Files.exists(dest.resolve("kept.txt")), "--clear emptied it first");
        ProcessResult prefix = Run.command(env(), tmp, dest.resolve("bin/python").toString(), "-c",
                "import sys; print(sys.prefix)");
        assertEquals(dest.toString(), prefix.stdout().strip(), prefix.describe());
    }

    @Test
    void python27HasNoVenvAndIsRefusedNamingBuiltin() {
        Interpreters.Found python = required("pyenv-2.7");
        Path dest = tmp.resolve("new/env");
        VirtualenvException e = assertThrows(VirtualenvException.class,
                () -> Virtualenv.create(request(dest, python.executable()).creator(CreatorChoice.VENV).build()));
        assertEquals(VirtualenvException.USAGE, e.exitCode());
        assertEquals("creator venv needs the venv module, which CPython 2.7 does not have: use creator builtin",
                e.getMessage());
        assertFalse(Files.exists(tmp.resolve("new"), LinkOption.NOFOLLOW_LINKS), "nothing written");
    }

    @Test
    void aNativeCreatorThatDoesNotFitIsRefusedBeforeAnythingIsWritten() {
        Interpreters.Found python = newestPyenv3();
        Path dest = tmp.resolve("new/env");
        VirtualenvException e = assertThrows(VirtualenvException.class, () -> Virtualenv.create(
                request(dest, python.executable()).creator(CreatorChoice.CPYTHON2_POSIX).build()));
        assertEquals(VirtualenvException.USAGE, e.exitCode());
        assertEquals("creator cpython2-posix cannot create a CPython " + python.major() + "." + python.minor()
                + " environment on linux: use builtin, venv or cpython3-posix", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("new"), LinkOption.NOFOLLOW_LINKS), "nothing written");
    }

    @Test
    void aNativeCreatorThatFitsIsUsed() {
        Interpreters.Found python = newestPyenv3();
        Path dest = tmp.resolve("native");
        CreateResult result = Virtualenv.create(request(dest, python.executable()).creator(CreatorChoice.CPYTHON3_POSIX)
                .seed(false).build());
        assertEquals("CPython3Posix", result.creator());
        assertTrue(Files.isSymbolicLink(dest.resolve("bin/python")));
    }

    /**
     * An interpreter whose venv module fails after making part of the environment (a script that
     * answers the introspection as the real interpreter would): the failure is one line with
     * venv's own message, and nothing of the new environment is left.
     */
    @Test
    void aFailingVenvModuleLeavesNothingAndSaysWhy() throws IOException {
        Path fake = tmp.resolve("fake/bin/python3.11");
        Map<String, Object> description = FakeInterpreters.describe(fake.toString(), "CPython", 3, 11, 7, null);
        executable(fake, "#!/bin/sh\n"
                + "case \"$*\" in\n"
                + "  *'-m venv'*) for last; do :; done; mkdir -p \"$last/bin\"\n"
                + "      echo 'Error: [Errno 28] No space left on device' >&2; exit 1 ;;\n"
                + "  *'import venv'*) exit 0 ;;\n"
                + "esac\n"
                + "cat <<'JSON'\n" + Json.write(description) + "\nJSON\n");
        Path dest = tmp.resolve("new/env");
        VirtualenvException e = assertThrows(VirtualenvException.class,
                () -> Virtualenv.create(request(dest, fake).creator(CreatorChoice.VENV).seed(false).build()));
        assertEquals(VirtualenvException.FAILED, e.exitCode());
        assertEquals("the venv module of CPython 3.11 failed to create " + dest
                + ": Error: [Errno 28] No space left on device; creator builtin does not need it", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("new"), LinkOption.NOFOLLOW_LINKS), "the half-made environment was removed");
    }

    private static Interpreters.Found newestPyenv3() {
        Optional<Interpreters.Found> found = Interpreters.cpython3(7).stream().filter(f -> f.label().startsWith("pyenv"))
                .max(java.util.Comparator.comparingInt(Interpreters.Found::minor))
                .or(() -> Interpreters.labelled("debian-python3"));
        assumeTrue(found.isPresent(), "no CPython 3.7+ on this machine (pyenv root or /usr/bin/python3)");
        return found.get();
    }
}

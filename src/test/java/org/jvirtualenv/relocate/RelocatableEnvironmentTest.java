package org.jvirtualenv.relocate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.create.PyvenvCfg;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.Run;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.TestWheels;
import org.jvirtualenv.util.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An environment made relocatable keeps working after mv, cp -r and tar/untar to paths with
 * spaces and unicode, and the original keeps working on its own.
 */
class RelocatableEnvironmentTest {
    @TempDir
    Path tmp;

    private Map<String, String> env;
    private Path wheels;
    private Path original;

    @BeforeEach
    void createRelocatableEnvWithAPackage() throws IOException {
        env = Run.cleanEnvironment(tmp.resolve("home"));
        wheels = tmp.resolve("wheels");
        TestWheels.demo(wheels, "demo_pkg", "1.0", "demo-cli");
        TestWheels.demo(wheels, "second_pkg", "2.0", "second-cli");
        original = tmp.resolve("made here ü");
        Virtualenv.create(request(original).build());
        // The original's workflow: install packages, then run --relocatable on the env again.
        pip(original, "install", "--no-index", "--find-links", wheels.toString(), "demo_pkg");
        Path pth = sitePackages(original).resolve("extra_paths.pth");
        Files.createDirectories(original.resolve("extra/lib"));
        Files.writeString(original.resolve("extra/lib/extra_mod.py"), "WHERE = __file__\n");
        Files.writeString(pth, original.resolve("extra/lib") + "\nimport sys\n/usr/share/not-ours\n");
        Virtualenv.makeRelocatable(request(original).build());
    }

    private CreateRequest.Builder request(Path dest) {
        return CreateRequest.builder(dest).python(Interpreters.any3().executable().toString())
                .environment(env).workDir(tmp).relocatable(true).activators(java.util.List.of("bash", "fish", "nushell", "python"));
    }

    private static Path sitePackages(Path envDir) throws IOException {
        try (Stream<Path> libs = Files.list(envDir.resolve("lib"))) {
            return libs.map(p -> p.resolve("site-packages")).filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private ProcessResult pip(Path envDir, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = envDir.resolve("bin/pip").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessResult r = Run.command(env, tmp, command);
        assertEquals(0, r.exitCode(), r.describe());
        return r;
    }

    /** Everything a user of the moved environment relies on, checked at its new place. */
    private void assertWorksAt(Path place) throws IOException {
        ProcessResult prefix = Run.command(env, tmp, place.resolve("bin/python").toString(), "-c",
                "import sys, extra_mod; print(sys.prefix); print(extra_mod.WHERE)");
        assertEquals(0, prefix.exitCode(), prefix.describe());
        String[] lines = prefix.stdout().split("\n");
        assertEquals(place.toString(), lines[0]);
        assertTrue(lines[1].startsWith(place.resolve("extra/lib").toString()), "relative .pth line follows the env: " + lines[1]);
        assertTrue(pip(place, "--version").stdout().contains(sitePackages(place).toString()), "pip reports the new place");
        ProcessResult script = Run.command(env, tmp, place.resolve("bin/demo-cli").toString());
        assertEquals("demo_pkg 1.0 ran", script.stdout().strip(), script.describe());
        // The activators find the environment where it is now (checked before anything re-renders them).
        ProcessResult activated = Run.command(env, tmp, "bash", "-c",
                ". \"$1/bin/activate\" && printf '%s\\n' \"$VIRTUAL_ENV\" && command -v python", "bash", place.toString());
        assertEquals(place + "\n" + place.resolve("bin/python"), activated.stdout().strip(), activated.describe());
        ProcessResult activateThis = Run.command(env, tmp, Interpreters.any3().executable().toString(), "-c",
                "import sys; p = sys.argv[1]; exec(open(p).read(), {'__file__': p}); print(sys.prefix)",
                place.resolve("bin/activate_this.py").toString());
        assertEquals(place.toString(), activateThis.stdout().strip(), activateThis.describe());
        pip(place, "install", "--no-index", "--find-links", wheels.toString(), "second_pkg");
        // pip writes the new script for the current path (unsafely quoted when the path holds
        // "$(...)"); running --relocatable again, as documented, turns it into a safe relative one.
        Virtualenv.makeRelocatable(request(place).build());
        ProcessResult second = Run.command(env, tmp, place.resolve("bin/second-cli").toString());
        assertEquals("second_pkg 2.0 ran", second.stdout().strip(), second.describe());
    }

    @Test
    void recordsTheFlagAndRewritesScriptsAndPathFiles() throws IOException {
        assertEquals("true", PyvenvCfg.parse(Files.readString(original.resolve("pyvenv.cfg"))).get("relocatable"));
        String pipScript = Files.readString(original.resolve("bin/pip"));
        assertTrue(pipScript.startsWith("#!/bin/sh\n'''exec' \"$(dirname -- "), pipScript);
        assertTrue(Files.readString(original.resolve("bin/demo-cli")).startsWith("#!/bin/sh\n"), "installed later, rewritten too");
        assertEquals("../../../extra/lib\nimport sys\n/usr/share/not-ours\n",
                Files.readString(sitePackages(original).resolve("extra_paths.pth")));
    }

    @Test
    void keepsWorkingAfterMv() throws IOException {
        Path moved = tmp.resolve("moved with space/ünïcode env");
        Files.createDirectories(moved.getParent());
        Files.move(original, moved);
        assertWorksAt(moved);
    }

    /** The other shells' activators, on a real moved environment (nu is covered with rendered envs in activation tests). */
    @Test
    void shellsActivateTheMovedEnvironment() throws IOException {
        Path moved = tmp.resolve("moved again/naïve env");
        Files.createDirectories(moved.getParent());
        Files.move(original, moved);
        String expected = moved + "\n" + moved.resolve("bin/python");
        for (String shell : java.util.List.of("bash", "zsh", "dash")) {
            var exe = org.jvirtualenv.testing.Shells.find(shell);
            if (exe.isEmpty()) {
                System.err.println("[RelocatableEnvironmentTest] " + org.jvirtualenv.testing.Shells.notInstalled(shell, "apt-get install " + shell));
                continue;
            }
            ProcessResult r = Run.command(env, tmp, exe.get().toString(), "-c",
                    ". \"$1/bin/activate\" && printf '%s\\n' \"$VIRTUAL_ENV\" && command -v python", shell, moved.toString());
            assertEquals(expected, r.stdout().strip(), shell + ": " + r.describe());
        }
        var fish = org.jvirtualenv.testing.Shells.find("fish");
        if (fish.isPresent()) {
            ProcessResult r = Run.command(env, tmp, fish.get().toString(), "--no-config", "-c",
                    "source $argv[1]/bin/activate.fish; and printf '%s\\n' $VIRTUAL_ENV; and command -v python", moved.toString());
            assertEquals(expected, r.stdout().strip(), "fish: " + r.describe());
        } else {
            System.err.println("[RelocatableEnvironmentTest] " + org.jvirtualenv.testing.Shells.notInstalled("fish", "apt-get install fish"));
        }
    }

    @Test
    void bothCopiesWorkAfterCpR() throws IOException {
        Path copy = tmp.resolve("copied $(touch MARKER) 'q' env");
        ProcessResult cp = Run.command(env, tmp, "cp", "-a", original.toString(), copy.toString());
        assertEquals(0, cp.exitCode(), cp.describe());
        assertWorksAt(copy);
        assertWorksAt(original);
        try (Stream<Path> all = Files.walk(tmp)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().equals("MARKER")), "nothing in the path ran");
        }
    }

    @Test
    void worksAfterTarAndUntarUnderAnotherName() throws IOException {
        Path archive = tmp.resolve("env.tar");
        ProcessResult tar = Run.command(env, original.getParent(), "tar", "-cf", archive.toString(), original.getFileName().toString());
        assertEquals(0, tar.exitCode(), tar.describe());
        Path unpackDir = tmp.resolve("unpacked here");
        Files.createDirectories(unpackDir);
        ProcessResult untar = Run.command(env, unpackDir, "tar", "-xf", archive.toString());
        assertEquals(0, untar.exitCode(), untar.describe());
        Path renamed = unpackDir.resolve("renamed env");
        Files.move(unpackDir.resolve(original.getFileName().toString()), renamed);
        assertWorksAt(renamed);
    }

    @Test
    void filesItDoesNotUnderstandAreLeftAloneAndListedWithVerbose() throws IOException {
        Path foreign = original.resolve("bin/helper.sh");
        Files.writeString(foreign, "#!/bin/bash\necho not python\n");
        Path binary = original.resolve("bin/tool");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2});
        ProcessResult r = org.jvirtualenv.testing.Cli.run(env, tmp, "-v", "--relocatable", original.toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("left untouched") && r.stderr().contains(foreign.toString())
                && r.stderr().contains(binary.toString()), r.stderr());
        assertTrue(r.stdout().startsWith("made " + original + " relocatable: "), r.stdout());
        assertEquals("#!/bin/bash\necho not python\n", Files.readString(foreign));
        assertEquals(7, Files.size(binary));
        ProcessResult quiet = org.jvirtualenv.testing.Cli.run(env, tmp, "--relocatable", original.toString());
        assertEquals("", quiet.stderr(), "without -v the untouched files are only counted");
    }

    @Test
    void runningItAgainChangesNothing() throws IOException {
        Map<String, String> before = snapshot(original);
        Virtualenv.makeRelocatable(request(original).build());
        assertEquals(before, snapshot(original));
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    hashes.put(root.relativize(file).toString(), Sha256.hex(file));
                }
            }
        }
        return hashes;
    }
}

package org.jvirtualenv.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.testing.Bundle;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.jvirtualenv.testing.Shells;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release bundle as a user gets it: extracted into a directory whose path has a space,
 * installed with its install.sh (run from elsewhere) into a prefix with a space, used, then
 * uninstalled; and the refusal to replace a virtualenv that is not ours.
 */
class InstallBundleIT {
    private static final String FOREIGN = "#!/bin/sh\necho \"Python's virtualenv\"\n";

    @TempDir
    Path tmp;

    private Path bundle;
    private Path prefix;
    private Path elsewhere;
    private Map<String, String> env;

    @BeforeEach
    void extract() throws IOException {
        Path home = tmp.resolve("home");
        elsewhere = tmp.resolve("somewhere else");
        Path downloads = tmp.resolve("my downloads");
        for (Path dir : List.of(home, elsewhere, downloads)) {
            Files.createDirectories(dir);
        }
        env = Run.cleanEnvironment(home);
        // The JVM running the tests runs the tool too, whatever java PATH would give.
        env.put("JAVA_HOME", System.getProperty("java.home"));
        ProcessResult untar = Run.command(env, downloads, "tar", "-xzf", Bundle.tarball().toString());
        assertEquals(0, untar.exitCode(), untar.describe());
        bundle = downloads.resolve(Bundle.name());
        prefix = tmp.resolve("my prefix");
    }

    private ProcessResult install(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("sh", bundle.resolve("install.sh").toString()));
        command.addAll(List.of(args));
        return Run.command(env, elsewhere, command);
    }

    @Test
    void installsAWorkingVirtualenvAndUninstallsExactlyIt() throws IOException {
        ProcessResult installed = install("--prefix", prefix.toString());
        assertEquals(0, installed.exitCode(), installed.describe());
        Path virtualenv = prefix.resolve("bin/virtualenv");
        for (String file : List.of("bin/virtualenv", "share/man/man1/virtualenv.1",
                "share/bash-completion/completions/virtualenv", "share/zsh/site-functions/_virtualenv",
                "share/fish/vendor_completions.d/virtualenv.fish", "share/doc/jvirtualenv/LICENSE",
                "share/doc/jvirtualenv/README.md", "share/doc/jvirtualenv/support-wheels.md")) {
            assertTrue(Files.isRegularFile(prefix.resolve(file)), file + " installed");
        }
        assertTrue(Files.isExecutable(virtualenv));
        // PATH (the clean one) lacks PREFIX/bin: the user is told how to add it.
        assertTrue(installed.stdout().contains(prefix.resolve("bin") + " is not on your PATH"), installed.stdout());
        assertTrue(installed.stdout().contains("export PATH='" + prefix.resolve("bin") + "':\"$PATH\""), installed.stdout());

        ProcessResult version = Run.command(env, elsewhere, virtualenv.toString(), "--version");
        assertEquals(0, version.exitCode(), version.describe());
        assertEquals("virtualenv " + Virtualenv.version() + " from " + virtualenv.toRealPath(),
                version.stdout().lines().findFirst().orElse(""));

        Path dest = tmp.resolve("envs/seeded env");
        ProcessResult created = Run.command(env, elsewhere, virtualenv.toString(), "-q",
                "-p", Interpreters.any3().executable().toString(), dest.toString());
        assertEquals(0, created.exitCode(), created.describe());
        ProcessResult pip = Run.command(env, elsewhere, dest.resolve("bin/pip").toString(), "--version");
        assertEquals(0, pip.exitCode(), pip.describe());
        assertTrue(pip.stdout().startsWith("pip "), pip.stdout());

        assertCompletionsLoad();

        // Installing again over our own files is fine.
        assertEquals(0, install("--prefix", prefix.toString()).exitCode());

        // Something of the user's in a directory the install created keeps that directory.
        Files.writeString(prefix.resolve("bin/mine"), "keep me");
        ProcessResult removed = Run.command(env, elsewhere, "sh",
                prefix.resolve("share/jvirtualenv/install.sh").toString(), "--prefix", prefix.toString(), "--uninstall");
        assertEquals(0, removed.exitCode(), removed.describe());
        assertEquals(List.of("bin", "bin/mine"), tree(prefix));
    }

    /** Each shell finds the script where install.sh put it. */
    private void assertCompletionsLoad() {
        Shells.find("fish").ifPresent(fish -> {
            // fish reads vendor_completions.d under each of XDG_DATA_DIRS by itself (its own
            // start-up files set that up: no --no-config; HOME is a scratch directory).
            Map<String, String> fishEnv = Run.with(env, "XDG_DATA_DIRS", prefix.resolve("share") + ":/usr/share");
            ProcessResult r = Run.command(fishEnv, elsewhere, fish.toString(), "-c",
                    "complete -C 'virtualenv --sys'");
            assertEquals("--system-site-packages", r.stdout().split("\t")[0], r.describe());
        });
        Shells.find("zsh").ifPresent(zsh -> {
            ProcessResult r = Run.command(env, elsewhere, zsh.toString(), "-f", "-c",
                    "fpath=(\"$1\" $fpath); autoload -Uz compinit; compinit -u -D; print -r -- $_comps[virtualenv]",
                    "zsh", prefix.resolve("share/zsh/site-functions").toString());
            assertEquals("_virtualenv", r.stdout().strip(), r.describe());
        });
        Shells.find("bash").ifPresent(bash -> {
            ProcessResult r = Run.command(env, elsewhere, bash.toString(), "--norc", "-c",
                    "source \"$1\"; f=$(complete -p virtualenv); f=${f#*-F }; f=${f%% *}\n"
                            + "COMP_WORDS=(virtualenv --seeder ''); COMP_CWORD=2; \"$f\"; echo \"${COMPREPLY[*]}\"",
                    "bash", prefix.resolve("share/bash-completion/completions/virtualenv").toString());
            assertEquals("app-data pip", r.stdout().strip(), r.describe());
        });
        Shells.find("man").ifPresent(man -> {
            ProcessResult r = Run.command(env, elsewhere, man.toString(), "-l",
                    prefix.resolve("share/man/man1/virtualenv.1").toString());
            assertEquals(0, r.exitCode(), r.describe());
            assertTrue(r.stdout().contains("--system-site-packages"), r.stdout());
        });
    }

    @Test
    void refusesToReplaceAVirtualenvThatIsNotOursUnlessForced() throws IOException {
        Path virtualenv = prefix.resolve("bin/virtualenv");
        Files.createDirectories(virtualenv.getParent());
        Files.writeString(virtualenv, FOREIGN);

        ProcessResult refused = install("--prefix", prefix.toString());
        assertEquals(1, refused.exitCode(), refused.describe());
        assertTrue(refused.stderr().contains(virtualenv.toString()) && refused.stderr().contains("--force"), refused.stderr());
        assertEquals(FOREIGN, Files.readString(virtualenv));
        assertEquals(List.of("bin", "bin/virtualenv"), tree(prefix), "nothing written");

        ProcessResult forced = install("--prefix", prefix.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.describe());
        assertEquals("# jvirtualenv launcher", Files.readAllLines(virtualenv, java.nio.charset.StandardCharsets.ISO_8859_1).get(1));

        // Replaced by someone else since: uninstall leaves it and says so.
        Files.writeString(virtualenv, FOREIGN);
        ProcessResult removed = install("--prefix", prefix.toString(), "--uninstall");
        assertEquals(0, removed.exitCode(), removed.describe());
        assertTrue(removed.stderr().contains("left " + virtualenv + " alone"), removed.stderr());
        assertEquals(FOREIGN, Files.readString(virtualenv));
        assertEquals(List.of("bin", "bin/virtualenv"), tree(prefix));
    }

    @Test
    void aLinkInThePlaceOfTheCommandIsNotOurs() throws IOException {
        Path target = tmp.resolve("real virtualenv");
        Files.writeString(target, FOREIGN);
        Path link = prefix.resolve("bin/virtualenv");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, target);

        assertEquals(1, install("--prefix", prefix.toString()).exitCode());
        assertEquals(0, install("--prefix", prefix.toString(), "--force").exitCode());
        // The link was replaced, not written through.
        assertFalse(Files.isSymbolicLink(link));
        assertEquals(FOREIGN, Files.readString(target));
    }

    @Test
    void uninstallWithoutAnInstallSaysSo() {
        ProcessResult r = install("--prefix", prefix.toString(), "--uninstall");
        assertEquals(1, r.exitCode(), r.describe());
        assertTrue(r.stderr().startsWith("install.sh: error: nothing to uninstall"), r.stderr());
        assertFalse(Files.exists(prefix));
    }

    /** Paths under root, relative, sorted. */
    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}

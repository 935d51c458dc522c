package org.jvirtualenv.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.ProcessRunner;
import org.jvirtualenv.testing.Shells;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real mise (skipped without one on PATH; .ci/run installs it from npm), given two of this
 * machine's pyenv interpreters with {@code mise link}: discovery through mise's python3 shim finds
 * the interpreter the shim itself runs, in a folder with its own .tool-versions and elsewhere, and
 * caches its facts (a shim it had to run through would never be cached).
 */
class MiseShimsRealMiseTest {
    @TempDir
    Path tmp;

    private final Map<String, String> env = new HashMap<>();
    private Path shim;
    /** pyenv's folders of the two versions given to mise. */
    private Path globalVersion;
    private Path projectVersion;

    @BeforeEach
    void realMise() throws IOException {
        Optional<Path> found = Shells.find("mise");
        assumeTrue(found.isPresent(), Shells.notInstalled("mise", "npm install -g @jdxcode/mise"));
        Path mise = found.get();
        // mise links an install by its exact version: pyenv's CPython 3 folders are named that.
        List<Path> versions = Interpreters.cpython3(6).stream()
                .filter(f -> f.label().startsWith("pyenv-"))
                .map(f -> f.executable().getParent().getParent())
                .filter(dir -> !Files.isSymbolicLink(dir) && dir.getFileName().toString().matches("3\\.\\d+\\.\\d+")
                        && Files.isExecutable(dir.resolve("bin/python3")))
                .toList();
        assumeTrue(versions.size() >= 2, "pyenv has fewer than two CPython 3 versions: " + versions);
        globalVersion = versions.get(0);
        projectVersion = versions.get(versions.size() - 1);
        for (Path d = tmp.getParent(); d != null; d = d.getParent()) {
            assumeTrue(!Files.exists(d.resolve(".tool-versions")) && !Files.exists(d.resolve("mise.toml"))
                    && !Files.exists(d.resolve(".mise.toml")), "a mise configuration in " + d + " decides for this test");
        }
        Path home = tmp.resolve("home");
        env.putAll(Shells.cleanEnvironment(home));
        env.put("MISE_YES", "1");
        // The shims come first, as `mise activate --shims` puts them.
        Path shims = home.resolve(".local/share/mise/shims");
        env.put("PATH", shims + ":" + env.get("PATH"));
        Files.createDirectories(home);
        for (Path version : List.of(globalVersion, projectVersion)) {
            mise(home, mise.toString(), "link", "python@" + version.getFileName(), version.toString());
        }
        mise(home, mise.toString(), "use", "-g", "python@" + globalVersion.getFileName());
        mise(home, mise.toString(), "reshim");
        shim = shims.resolve("python3");
        assumeTrue(Files.isSymbolicLink(shim), "mise reshim made no python3 link in " + shims);
    }

    private void mise(Path workDir, String... command) {
        ProcessResult result = ProcessRunner.run(List.of(command), env, workDir);
        assertEquals(0, result.exitCode(), String.join(" ", command) + "\n" + result.stderr());
    }

    /** The real interpreter the shim runs from this folder, as the shim itself reports it. */
    private Path shimRuns(Path workDir) throws IOException {
        ProcessResult result = ProcessRunner.run(
                List.of(shim.toString(), "-c", "import os, sys; print(os.path.realpath(sys.executable))"), env, workDir);
        assertEquals(0, result.exitCode(), result.stderr());
        return Path.of(result.stdout().strip());
    }

    private PythonInfo discovered(Path workDir) {
        return new Discovery(new PyInfoCache(tmp.resolve("py-info"), new Introspector()), env, workDir)
                .find(List.of(), List.of());
    }

    @Test
    void findsWhatTheShimRunsInEachFolderAndCachesIt() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path project = Files.createDirectories(tmp.resolve("project/sub"));
        Files.writeString(tmp.resolve("project/.tool-versions"), "python " + projectVersion.getFileName() + "\n");

        PythonInfo global = discovered(elsewhere);
        assertEquals(globalVersion.getFileName().toString(), global.version().dotted());
        assertEquals(shimRuns(elsewhere), Path.of(global.executable()).toRealPath());

        PythonInfo local = discovered(project);
        assertEquals(projectVersion.getFileName().toString(), local.version().dotted());
        assertEquals(shimRuns(project), Path.of(local.executable()).toRealPath());

        try (Stream<Path> cached = Files.list(tmp.resolve("py-info"))) {
            assertEquals(2, cached.filter(f -> !f.getFileName().toString().startsWith(".")).count(),
                    "one cached description per interpreter mise named");
        }
        ShimTarget target = new MiseShims(env, project).resolve(shim, MiseShims.miseBinary(shim));
        assertEquals(ShimTarget.Kind.RUNS, target.kind(), target.reason());
        assertTrue(target.executable().startsWith(tmp.resolve("home")), "mise names its own install folder: " + target);
    }
}

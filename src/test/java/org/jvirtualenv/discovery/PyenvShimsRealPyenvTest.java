package org.jvirtualenv.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.ProcessRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On this machine's real pyenv (skipped without one): for several PYENV_VERSION and
 * .python-version setups, the Java resolution of a shim names the same file as
 * `pyenv which COMMAND` run in the same environment and folder.
 */
class PyenvShimsRealPyenvTest {
    @TempDir
    Path tmp;

    private Path root;
    private Path workDir;
    /** Installed versions that have a python3, oldest first by name; and one without (a Python 2), or null. */
    private final List<String> withPython3 = new ArrayList<>();
    private String withoutPython3;

    @BeforeEach
    void realPyenv() throws IOException {
        root = Interpreters.pyenvRootOrNull();
        assumeTrue(root != null && Files.isExecutable(root.resolve("shims/python3")),
                "no pyenv with a python3 shim on this machine");
        for (Path d = tmp.getParent(); d != null; d = d.getParent()) {
            assumeTrue(!Files.exists(d.resolve(".python-version")), "a .python-version in " + d + " decides for this test");
        }
        try (Stream<Path> versions = Files.list(root.resolve("versions"))) {
            for (Path version : versions.sorted().toList()) {
                if (Files.isSymbolicLink(version)) {
                    continue; // pyenv-virtualenv's environments
                }
                if (Files.isExecutable(version.resolve("bin/python3"))) {
                    withPython3.add(version.getFileName().toString());
                } else if (withoutPython3 == null && Files.isExecutable(version.resolve("bin/python2"))) {
                    withoutPython3 = version.getFileName().toString();
                }
            }
        }
        assumeTrue(withPython3.size() >= 2, "pyenv has fewer than two Python 3 versions: " + withPython3);
        workDir = Files.createDirectories(tmp.resolve("project/sub"));
    }

    private Map<String, String> environment(String pyenvVersion) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", root.resolve("shims") + ":" + root.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", tmp.resolve("home").toString());
        env.put("PYENV_ROOT", root.toString());
        env.put("LANG", "C.UTF-8");
        if (pyenvVersion != null) {
            env.put("PYENV_VERSION", pyenvVersion);
        }
        return env;
    }

    /** Asserts Java and pyenv agree on what the shim of command runs; returns the answer. */
    private Path agree(String pyenvVersion, String command) throws IOException {
        Path shim = root.resolve("shims").resolve(command);
        assumeTrue(Files.isExecutable(shim), "no " + command + " shim");
        Map<String, String> env = environment(pyenvVersion);
        String content = Files.readString(shim);
        ShimTarget java = new PyenvShims(env, workDir).resolve(shim, content);
        ProcessResult pyenv = ProcessRunner.run(List.of(PyenvShims.pyenvProgram(content), "which", command), env, workDir);
        String setup = "PYENV_VERSION=" + pyenvVersion + ", " + command + ": " + java.reason();
        assertEquals(0, pyenv.exitCode(), setup + "\n" + pyenv.stderr());
        assertEquals(ShimTarget.Kind.RUNS, java.kind(), setup);
        assertEquals(pyenv.stdout().strip(), java.executable().toString(), setup);
        return java.executable();
    }

    private static String minorCommand(String version) {
        String[] parts = version.split("\\.");
        return "python" + parts[0] + "." + parts[1];
    }

    @Test
    void pyenvVersionVariable() throws IOException {
        String older = withPython3.get(0);
        String newer = withPython3.get(withPython3.size() - 1);
        assertEquals(root.resolve("versions").resolve(older).resolve("bin/python3"), agree(older, "python3"));
        agree(newer, "python3");
        // Several versions: the first that has the command.
        agree(newer + ":" + older, "python3");
        agree(newer + ":" + older, minorCommand(older));
        agree("9.99.99:" + older, "python3");
    }

    @Test
    void systemAndFallThroughToSystem() throws IOException {
        agree("system", "python3");
        if (withoutPython3 != null) {
            agree(withoutPython3, "python3");
        }
    }

    @Test
    void pythonVersionFiles() throws IOException {
        String older = withPython3.get(0);
        String newer = withPython3.get(withPython3.size() - 1);
        Files.writeString(tmp.resolve("project/.python-version"), "# the project's\n\n" + newer + "\n" + older + "\n");
        assertEquals(root.resolve("versions").resolve(newer).resolve("bin/python3"), agree(null, "python3"));
        agree(null, minorCommand(older));
        Files.writeString(workDir.resolve(".python-version"), older + "\n");
        agree(null, "python3");
        // A file that names nothing means the system Python.
        Files.writeString(workDir.resolve(".python-version"), "# nothing pinned\n");
        agree(null, "python3");
    }

    @Test
    void theGlobalVersionWhenNothingElseSaysSo() throws IOException {
        agree(null, "python3");
    }

    @Test
    void thePythonDashPrefixMatchesWhatTheShimRuns() throws IOException {
        // pyenv exec drops "python-" (pyenv which alone does not): compare with the shim itself.
        String version = withPython3.get(withPython3.size() - 1);
        Path shim = root.resolve("shims/python3");
        Map<String, String> env = environment("python-" + version);
        ShimTarget java = new PyenvShims(env, workDir).resolve(shim, Files.readString(shim));
        ProcessResult ran = ProcessRunner.run(List.of(shim.toString(), "-c", "import sys; print(sys.executable)"), env, workDir);
        assertEquals(0, ran.exitCode(), ran.stderr());
        assertEquals(ran.stdout().strip(), java.executable().toString());
    }
}

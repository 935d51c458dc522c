package org.jvirtualenv.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.jvirtualenv.testing.Scripts.executable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pyenv's version selection, worked out in Java, on a made-up pyenv root: no pyenv runs (its
 * libexec/pyenv here fails loudly if anything starts it). Each answer is what `pyenv exec` would
 * run for the shim.
 */
class PyenvShimsTest {
    @TempDir
    Path tmp;

    private Path root;
    private Path shim;
    private Path systemBin;
    private Path workDir;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void machine() throws IOException {
        // A .python-version above the temp folder would be part of every answer: not a fair test.
        for (Path d = tmp.getParent(); d != null; d = d.getParent()) {
            assumeTrue(!Files.exists(d.resolve(".python-version")), "a .python-version in " + d + " decides for these tests");
        }
        root = tmp.resolve("pyenv");
        executable(root.resolve("libexec/pyenv"), "#!/bin/sh\necho 'pyenv must not run' >&2\nexit 99\n");
        shim = shim(root.resolve("shims/python3"), true);
        shim(root.resolve("shims/python3.12"), true);
        executable(root.resolve("versions/3.11.7/bin/python3"), "");
        executable(root.resolve("versions/3.12.1/bin/python3"), "");
        executable(root.resolve("versions/3.12.1/bin/python3.12"), "");
        executable(root.resolve("versions/2.7.18/bin/python2.7"), "");
        systemBin = tmp.resolve("usr/bin");
        executable(systemBin.resolve("python3"), "");
        workDir = Files.createDirectories(tmp.resolve("project/sub"));
        env.put("HOME", tmp.resolve("home").toString());
        env.put("PATH", root.resolve("shims") + ":" + systemBin);
    }

    /** A shim as pyenv writes it (exporting its root), or as older pyenv versions did (not). */
    private Path shim(Path file, boolean exportsRoot) throws IOException {
        return executable(file, "#!/usr/bin/env bash\nset -e\n[ -n \"$PYENV_DEBUG\" ] && set -x\n\nprogram=\"${0##*/}\"\n\n"
                + (exportsRoot ? "export PYENV_ROOT=\"" + root + "\"\n" : "")
                + "exec \"" + root.resolve("libexec/pyenv") + "\" exec \"$program\" \"$@\"\n");
    }

    private ShimTarget resolve(Path shimFile) throws IOException {
        return new PyenvShims(env, workDir).resolve(shimFile, Files.readString(shimFile));
    }

    /** What the shim runs, relative to the temp folder; or RUNS_NOTHING / UNDECIDED. */
    private String runs(Path shimFile) throws IOException {
        ShimTarget target = resolve(shimFile);
        return target.kind() == ShimTarget.Kind.RUNS ? tmp.relativize(target.executable()).toString()
                : target.kind().name();
    }

    private String runs() throws IOException {
        return runs(shim);
    }

    @Test
    void recognisesPyenvShimsOnly() throws IOException {
        assertTrue(PyenvShims.isPyenvShim(Files.readString(shim)));
        assertFalse(PyenvShims.isPyenvShim("#!/bin/sh\nexec /usr/bin/python3 \"$@\"\n"));
        assertEquals(root.toString(), PyenvShims.exportedRoot(Files.readString(shim)));
    }

    @Test
    void pyenvVersionNamesTheVersion() throws IOException {
        env.put("PYENV_VERSION", "3.12.1");
        assertEquals("pyenv/versions/3.12.1/bin/python3", runs());
    }

    @Test
    void theFirstOfSeveralVersionsThatHasTheCommandWins() throws IOException {
        env.put("PYENV_VERSION", "2.7.18:3.11.7:3.12.1");
        assertEquals("pyenv/versions/3.11.7/bin/python3", runs());
        assertEquals("pyenv/versions/3.12.1/bin/python3.12", runs(root.resolve("shims/python3.12")));
    }

    @Test
    void aVersionWithoutTheCommandFallsThroughToSystem() throws IOException {
        env.put("PYENV_VERSION", "2.7.18");
        assertEquals("usr/bin/python3", runs());
    }

    @Test
    void systemIsTheCommandOnPathAfterPyenvsShims() throws IOException {
        env.put("PYENV_VERSION", "system");
        Path otherShims = tmp.resolve("other/shims");
        shim(otherShims.resolve("python3"), true);
        Path before = executable(tmp.resolve("before/python3"), "");
        // The shims folder itself, and a folder pyenv was told is also a shims folder, are skipped.
        env.put("PATH", root.resolve("shims") + ":" + otherShims + ":" + before.getParent() + ":" + systemBin);
        env.put("_PYENV_SHIM_PATHS_PYTHON3", otherShims.toString());
        assertEquals("before/python3", runs());
        env.put("PATH", root.resolve("shims") + ":" + otherShims + ":" + systemBin);
        assertEquals("usr/bin/python3", runs());
    }

    @Test
    void aVersionNotInstalledIsSkipped() throws IOException {
        env.put("PYENV_VERSION", "9.9.9:3.11.7");
        assertEquals("pyenv/versions/3.11.7/bin/python3", runs());
    }

    @Test
    void thePythonDashPrefixIsDroppedAsPyenvDoes() throws IOException {
        env.put("PYENV_VERSION", "python-3.12.1");
        assertEquals("pyenv/versions/3.12.1/bin/python3", runs());
    }

    @Test
    void aSpaceDoesNotSeparateVersions() throws IOException {
        // pyenv reads "3.11.7 3.12.1" as one (uninstalled) name; these rules leave such a name to pyenv.
        env.put("PYENV_VERSION", "3.11.7 3.12.1");
        assertEquals("UNDECIDED", runs());
    }

    @Test
    void aPrefixIsLeftToPyenv() throws IOException {
        env.put("PYENV_VERSION", "3.12");
        assertEquals("UNDECIDED", runs());
        Files.createDirectories(root.resolve("versions/3.13.0t/bin"));
        env.put("PYENV_VERSION", "3.13t");
        assertEquals("UNDECIDED", runs());
    }

    @Test
    void pathLikeNamesAreLeftToPyenv() throws IOException {
        env.put("PYENV_VERSION", "3.11.7/envs/tool");
        assertEquals("UNDECIDED", runs());
        env.remove("PYENV_VERSION");
        Files.writeString(workDir.resolve(".python-version"), "../../etc\n");
        assertEquals("UNDECIDED", runs());
    }

    @Test
    void theNearestPythonVersionFileFromTheWorkingDirectoryUp() throws IOException {
        Files.writeString(root.resolve("version"), "3.11.7\n");
        Files.writeString(tmp.resolve("project/.python-version"), "# pinned\n\n  3.12.1  trailing words\r\n3.11.7");
        assertEquals("pyenv/versions/3.12.1/bin/python3", runs());
        // A nearer file wins, even one that names nothing: that means the system Python.
        Files.writeString(workDir.resolve(".python-version"), "# nothing here\n");
        assertEquals("usr/bin/python3", runs());
        // PYENV_VERSION beats every file.
        env.put("PYENV_VERSION", "3.11.7");
        assertEquals("pyenv/versions/3.11.7/bin/python3", runs());
    }

    @Test
    void aVersionFileListsSeveralVersionsOneALine() throws IOException {
        Files.writeString(workDir.resolve(".python-version"), "2.7.18\n3.12.1\n");
        assertEquals("pyenv/versions/3.12.1/bin/python3", runs());
    }

    @Test
    void pyenvDirIsSearchedBeforeTheWorkingDirectory() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve(".python-version"), "3.12.1\n");
        Files.writeString(workDir.resolve(".python-version"), "3.11.7\n");
        env.put("PYENV_DIR", elsewhere.toString());
        assertEquals("pyenv/versions/3.12.1/bin/python3", runs());
        env.put("PYENV_DIR", tmp.resolve("missing").toString());
        assertEquals("UNDECIDED", runs());
    }

    @Test
    void theGlobalVersionFileWhenNoLocalOne() throws IOException {
        Files.writeString(root.resolve("version"), "3.11.7\n");
        assertEquals("pyenv/versions/3.11.7/bin/python3", runs());
    }

    @Test
    void noVersionAnywhereMeansSystem() throws IOException {
        assertEquals("usr/bin/python3", runs());
    }

    @Test
    void nothingToRunIsSaidSo() throws IOException {
        env.put("PYENV_VERSION", "2.7.18");
        env.put("PATH", root.resolve("shims").toString());
        assertEquals("RUNS_NOTHING", runs());
    }

    @Test
    void theRootTheShimExportsBeatsTheVariable() throws IOException {
        env.put("PYENV_ROOT", tmp.resolve("another-root").toString());
        env.put("PYENV_VERSION", "3.11.7");
        assertEquals("pyenv/versions/3.11.7/bin/python3", runs());
    }

    @Test
    void aShimThatExportsNoRootUsesPyenvRootThenHome() throws IOException {
        Path old = shim(tmp.resolve("old/shims/python3"), false);
        env.put("PYENV_VERSION", "3.11.7");
        env.put("PYENV_ROOT", root + "/");
        assertEquals("pyenv/versions/3.11.7/bin/python3", runs(old));
        env.remove("PYENV_ROOT");
        env.put("PATH", old.getParent() + ":" + systemBin);
        assertEquals("usr/bin/python3", runs(old), "~/.pyenv has no 3.11.7: skipped, so system");
    }

    @Test
    void unknownHooksAreLeftToPyenv() throws IOException {
        env.put("PYENV_VERSION", "3.11.7");
        Path hook = executable(root.resolve("pyenv.d/which/custom.bash"), "PYENV_COMMAND_PATH=/elsewhere/python3\n");
        assertEquals("UNDECIDED", runs());
        Files.delete(hook);
        Path hookDir = Files.createDirectories(tmp.resolve("hooks/version-name"));
        executable(hookDir.resolve("pick.bash"), "PYENV_VERSION=3.12.1\n");
        env.put("PYENV_HOOK_PATH", hookDir.getParent().toString());
        assertEquals("UNDECIDED", runs());
    }

    @Test
    void pyenvVirtualenvsWhichHooksMatterOnlyWhenNothingIsFound() throws IOException {
        executable(root.resolve("plugins/pyenv-virtualenv/etc/pyenv.d/which/system-site-packages.bash"),
                "# looks in the source version of a virtualenv\n\nif [ ! -x \"${PYENV_COMMAND_PATH}\" ]; then\n"
                        + "  PYENV_COMMAND_PATH=/somewhere/else\nfi\n");
        env.put("PYENV_VERSION", "3.11.7");
        assertEquals("pyenv/versions/3.11.7/bin/python3", runs());
        env.put("PYENV_VERSION", "2.7.18");
        env.put("PATH", root.resolve("shims").toString());
        assertEquals("UNDECIDED", runs(), "the hook could still find one");
    }

    @Test
    void aHookWithAKnownNameButOtherContentIsLeftToPyenv() throws IOException {
        executable(root.resolve("plugins/pyenv-virtualenv/etc/pyenv.d/which/conda.bash"),
                "PYENV_COMMAND_PATH=/always/this\n");
        env.put("PYENV_VERSION", "3.11.7");
        assertEquals("UNDECIDED", runs());
    }

    @Test
    void aPythonInPyenvsOwnFoldersIsLeftToPyenv() throws IOException {
        executable(root.resolve("plugins/python-build/bin/python3"), "");
        env.put("PYENV_VERSION", "system");
        assertEquals("UNDECIDED", runs());
    }
}

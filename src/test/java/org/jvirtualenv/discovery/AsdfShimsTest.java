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
 * asdf's python version selection for the cases both asdf generations agree on, on a made-up
 * ~/.asdf; everything else must be left UNDECIDED (the shim is then run as it is).
 */
class AsdfShimsTest {
    @TempDir
    Path tmp;

    private Path data;
    private Path shim;
    private Path systemBin;
    private Path workDir;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void machine() throws IOException {
        for (Path d = tmp.getParent(); d != null; d = d.getParent()) {
            assumeTrue(!Files.exists(d.resolve(".tool-versions")), "a .tool-versions in " + d + " decides for these tests");
        }
        Path home = tmp.resolve("home");
        data = home.resolve(".asdf");
        shim = executable(data.resolve("shims/python3"), "#!/usr/bin/env bash\n# asdf-plugin: python 3.11.9\n"
                + "# asdf-plugin: python 3.12.4\nexec " + data.resolve("bin/asdf") + " exec \"python3\" \"$@\"\n");
        Files.createDirectories(data.resolve("plugins/python/bin"));
        executable(data.resolve("installs/python/3.11.9/bin/python3"), "");
        executable(data.resolve("installs/python/3.12.4/bin/python3"), "");
        systemBin = tmp.resolve("usr/bin");
        executable(systemBin.resolve("python3"), "");
        workDir = Files.createDirectories(tmp.resolve("project/sub"));
        env.put("HOME", home.toString());
        env.put("PATH", data.resolve("shims") + ":" + systemBin);
    }

    private String runs() throws IOException {
        ShimTarget target = new AsdfShims(env, workDir).resolve(shim, Files.readString(shim));
        return target.kind() == ShimTarget.Kind.RUNS ? tmp.relativize(target.executable()).toString()
                : target.kind().name();
    }

    @Test
    void recognisesBothShimGenerations() throws IOException {
        assertTrue(AsdfShims.isAsdfShim(Files.readString(shim)));
        assertTrue(AsdfShims.isAsdfShim("#!/usr/bin/env bash\n# asdf-plugin: python 3.11.9\nexec asdf exec \"python3\" \"$@\""));
        assertFalse(AsdfShims.isAsdfShim("#!/bin/sh\nexec asdf exec \"python3\" \"$@\"\n"));
    }

    @Test
    void theEnvironmentVariableNamesTheVersion() throws IOException {
        env.put("ASDF_PYTHON_VERSION", "3.12.4");
        assertEquals("home/.asdf/installs/python/3.12.4/bin/python3", runs());
    }

    @Test
    void theNearestToolVersionsFileWithAPythonLine() throws IOException {
        Files.writeString(tmp.resolve("project/.tool-versions"), "# tools\npython 3.11.9 # pinned\nnodejs 20.1.0\n");
        // A nearer file without a python line does not stop the search.
        Files.writeString(workDir.resolve(".tool-versions"), "nodejs 18.0.0\n");
        assertEquals("home/.asdf/installs/python/3.11.9/bin/python3", runs());
    }

    @Test
    void theDataDirectoryCanBeMoved() throws IOException {
        Path moved = tmp.resolve("data");
        Files.move(data, moved);
        shim = moved.resolve("shims/python3");
        env.put("ASDF_DATA_DIR", moved.toString());
        env.put("ASDF_PYTHON_VERSION", "3.11.9");
        assertEquals("data/installs/python/3.11.9/bin/python3", runs());
    }

    @Test
    void systemAloneIsTheCommandOnPathWithoutAsdfsShims() throws IOException {
        env.put("ASDF_PYTHON_VERSION", "system");
        assertEquals("usr/bin/python3", runs());
    }

    @Test
    void severalVersionsAreLeftToAsdf() throws IOException {
        env.put("ASDF_PYTHON_VERSION", "3.12.4 3.11.9");
        assertEquals("UNDECIDED", runs());
        env.put("ASDF_PYTHON_VERSION", "3.12.4 system");
        assertEquals("UNDECIDED", runs());
    }

    @Test
    void aVersionTheShimDoesNotListIsLeftToAsdf() throws IOException {
        executable(data.resolve("installs/python/3.13.0/bin/python3"), "");
        env.put("ASDF_PYTHON_VERSION", "3.13.0");
        assertEquals("UNDECIDED", runs());
    }

    @Test
    void refAndPathVersionsAreLeftToAsdf() throws IOException {
        env.put("ASDF_PYTHON_VERSION", "ref:v3.12.4");
        assertEquals("UNDECIDED", runs());
        env.put("ASDF_PYTHON_VERSION", "path:/opt/python");
        assertEquals("UNDECIDED", runs());
    }

    @Test
    void noVersionSetIsLeftToAsdf() throws IOException {
        assertEquals("UNDECIDED", runs());
    }

    @Test
    void legacyVersionFilesAreLeftToAsdf() throws IOException {
        env.put("ASDF_PYTHON_VERSION", "3.11.9");
        Files.writeString(tmp.resolve("home/.asdfrc"), "legacy_version_file = yes\n");
        assertEquals("UNDECIDED", runs());
        Files.writeString(tmp.resolve("home/.asdfrc"), "legacy_version_file = no\n");
        assertEquals("home/.asdf/installs/python/3.11.9/bin/python3", runs());
    }

    @Test
    void anotherToolVersionsFileNameIsLeftToAsdf() throws IOException {
        env.put("ASDF_DEFAULT_TOOL_VERSIONS_FILENAME", ".config/asdf/tool-versions");
        Files.writeString(workDir.resolve(".tool-versions"), "python 3.11.9\n");
        assertEquals("UNDECIDED", runs());
    }

    @Test
    void aPluginThatPicksItsOwnExecutablesIsLeftToAsdf() throws IOException {
        env.put("ASDF_PYTHON_VERSION", "3.11.9");
        executable(data.resolve("plugins/python/bin/exec-path"), "#!/bin/sh\necho bin/python3.11\n");
        assertEquals("UNDECIDED", runs());
    }

    @Test
    void aShimOfSeveralPluginsIsLeftToAsdf() throws IOException {
        env.put("ASDF_PYTHON_VERSION", "3.11.9");
        Files.writeString(shim, "#!/usr/bin/env bash\n# asdf-plugin: python 3.11.9\n# asdf-plugin: conda 23.1\n"
                + "exec asdf exec \"python3\" \"$@\"\n");
        assertEquals("UNDECIDED", runs());
    }

    @Test
    void aShimOutsideTheDataDirectoryIsLeftToAsdf() throws IOException {
        env.put("ASDF_PYTHON_VERSION", "3.11.9");
        shim = executable(tmp.resolve("elsewhere/shims/python3"), Files.readString(shim));
        assertEquals("UNDECIDED", runs());
    }
}

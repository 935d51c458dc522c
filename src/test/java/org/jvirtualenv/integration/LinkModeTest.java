package org.jvirtualenv.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.CreateResult;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.seed.LinkMode;
import org.jvirtualenv.testing.Cli;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an in-place edit of a seeded file does in each {@code --link-mode} (issue 12, item 1), and
 * that a damaged cache image is rebuilt rather than seeded (item 10). The edit is the issue's: append
 * a line to {@code site-packages/pip/__init__.py} after {@code chmod u+w}, as a user debugging pip would.
 */
class LinkModeTest {
    private static final String EDIT = "# edited in place\n";

    @TempDir
    Path tmp;

    private Map<String, String> env;
    private Interpreters.Found python;
    private Path appData;

    @BeforeEach
    void setUp() {
        env = Run.cleanEnvironment(tmp.resolve("home"));
        python = Interpreters.any3();
        appData = tmp.resolve("app-data");
    }

    private CreateResult create(String name, LinkMode mode) {
        return Virtualenv.create(CreateRequest.builder(tmp.resolve(name)).python(python.executable().toString())
                .environment(env).workDir(tmp).appData(appData).activators(List.of()).linkMode(mode).build());
    }

    /** The built tool with -v, so the test sees what the user sees. */
    private ProcessResult createVerbose(String name, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("-v", "-p", python.executable().toString(),
                "--app-data", appData.toString(), "--activators", ""));
        args.addAll(List.of(more));
        args.add(tmp.resolve(name).toString());
        ProcessResult r = Cli.run(env, tmp, args.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.describe());
        return r;
    }

    private Path pipInit(String name) {
        return tmp.resolve(name).resolve("lib/python" + python.major() + "." + python.minor()
                + "/site-packages/pip/__init__.py");
    }

    private Path pipImage() throws IOException {
        try (Stream<Path> dirs = Files.list(appData.resolve("images/" + "cpython" + python.major() + "." + python.minor()))) {
            List<Path> pips = dirs.filter(d -> d.getFileName().toString().startsWith("pip-")).toList();
            assertEquals(1, pips.size(), pips.toString());
            return pips.get(0);
        }
    }

    private static void editInPlace(Path file) throws IOException {
        assertTrue(file.toFile().setWritable(true, true), "chmod u+w " + file);
        Files.writeString(file, EDIT, StandardOpenOption.APPEND);
    }

    private void assertPipRuns(String name) {
        ProcessResult v = Run.command(env, tmp, List.of(tmp.resolve(name).resolve("bin/pip").toString(), "--version"));
        assertEquals(0, v.exitCode(), v.describe());
    }

    @Test
    void hardlinkEditIsNoticedAndTheNextEnvironmentGetsAFreshImage() throws IOException {
        assertEquals("hardlink", create("e2", LinkMode.HARDLINK).seed().via());
        create("e3", LinkMode.HARDLINK);
        String original = Files.readString(pipInit("e3"));
        assertTrue(Files.isSameFile(pipInit("e2"), pipInit("e3")), "hardlink: one inode for the image version");

        editInPlace(pipInit("e3"));
        // Documented trade-off: environments made from the same image version share the edit.
        assertEquals(original + EDIT, Files.readString(pipInit("e2")));

        ProcessResult e4 = createVerbose("e4");
        assertTrue(e4.stderr().contains("changed since it was published") && e4.stderr().contains("pip/__init__.py")
                && e4.stderr().contains("rebuilding it from its wheel"), e4.describe());
        assertEquals(original, Files.readString(pipInit("e4")), "e4 gets pip as released");
        assertFalse(Files.isSameFile(pipInit("e4"), pipInit("e3")), "fresh inodes, not the edited one");
        assertEquals(original, Files.readString(pipImage().resolve("site/pip/__init__.py")), "the cache lost the edit");
        assertEquals(original + EDIT, Files.readString(pipInit("e3")), "e3 keeps its own edit");
        assertPipRuns("e4");

        // The rebuilt image is used as it is: no second rebuild, and it is shared again.
        ProcessResult e5 = createVerbose("e5");
        assertFalse(e5.stderr().contains("changed since it was published"), e5.describe());
        assertTrue(Files.isSameFile(pipInit("e4"), pipInit("e5")));
        try (Stream<Path> left = Files.list(pipImage().getParent())) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".tmp")).toList(),
                    "the replaced image is gone");
        }
    }

    @Test
    void copyGivesEachEnvironmentItsOwnFiles() throws IOException {
        assertEquals("copy", create("e2", LinkMode.COPY).seed().via());
        create("e3", LinkMode.COPY);
        Path cached = pipImage().resolve("site/pip/__init__.py");
        String original = Files.readString(cached);
        assertFalse(Files.isSameFile(pipInit("e2"), pipInit("e3")));
        assertFalse(Files.isSameFile(pipInit("e3"), cached));

        editInPlace(pipInit("e3"));
        assertEquals(original + EDIT, Files.readString(pipInit("e3")));
        assertEquals(original, Files.readString(pipInit("e2")), "never reaches e2");
        assertEquals(original, Files.readString(cached), "never reaches the cache");
        ProcessResult e4 = createVerbose("e4", "--link-mode", "copy");
        assertFalse(e4.stderr().contains("changed since it was published"), "nothing to rebuild: " + e4.describe());
        assertEquals(original, Files.readString(pipInit("e4")), "never reaches e4");
        assertPipRuns("e4");
    }

    @Test
    void symlinkEnvironmentsAreTheCachesFilesUntilAnEditIsNoticed() throws IOException {
        assertEquals("symlink", create("s1", LinkMode.SYMLINK).seed().via());
        Path cached = pipImage().resolve("site/pip/__init__.py");
        assertTrue(Files.isSymbolicLink(pipInit("s1")));
        assertTrue(Files.isSameFile(pipInit("s1"), cached));
        String original = Files.readString(cached);

        // Editing through the link edits the cache image itself ...
        editInPlace(cached);
        assertEquals(original + EDIT, Files.readString(pipInit("s1")));
        // ... until the next creation notices and rebuilds the image in the same place, which takes
        // the edit away from every environment that links to it (as the README says).
        ProcessResult next = createVerbose("e2");
        assertTrue(next.stderr().contains("changed since it was published"), next.describe());
        assertEquals(original, Files.readString(pipInit("e2")));
        assertEquals(original, Files.readString(pipInit("s1")), "the symlinked environment sees the rebuilt file");
        assertPipRuns("s1");
    }

    @Test
    void aDamagedImageIsRebuiltNotSeeded() throws IOException {
        create("a", LinkMode.HARDLINK);
        Path site = pipImage().resolve("site");
        String original = Files.readString(site.resolve("pip/__init__.py"));

        // Truncated (as by a full disk or a killed copy): same mtime is not enough, the size differs.
        Path init = site.resolve("pip/__init__.py");
        var mtime = Files.getLastModifiedTime(init);
        init.toFile().setWritable(true, true);
        Files.write(init, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        Files.setLastModifiedTime(init, mtime);
        ProcessResult b = createVerbose("b");
        assertTrue(b.stderr().contains("has 0 bytes"), b.describe());
        assertEquals(original, Files.readString(pipInit("b")));
        assertPipRuns("b");

        // A file missing from the image.
        Files.delete(pipImage().resolve("site/pip/__main__.py"));
        ProcessResult c = createVerbose("c");
        assertTrue(c.stderr().contains("__main__.py is missing"), c.describe());
        assertTrue(Files.isRegularFile(pipInit("c").resolveSibling("__main__.py")));
        assertTrue(Files.isRegularFile(pipImage().resolve("site/pip/__main__.py")), "the image is whole again");

        // A truncated manifest.
        Path manifest = pipImage().resolve("manifest.csv");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.substring(0, text.length() / 3));
        ProcessResult d = createVerbose("d");
        assertTrue(d.stderr().contains("rebuilding it from its wheel"), d.describe());
        // (Byte code differs from build to build; the files listed do not.)
        assertEquals(text.lines().map(l -> l.substring(0, l.indexOf(','))).toList(),
                Files.readString(pipImage().resolve("manifest.csv")).lines().map(l -> l.substring(0, l.indexOf(',')))
                        .toList(), "the manifest is whole again");
        assertPipRuns("d");
        assertNotEquals(0, Files.size(pipInit("d")));
    }
}

package org.jvirtualenv.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PEP 832 {@code .venv} redirect beside an environment, on the real filesystem: when it is
 * written, what it holds, and everything already there that it must leave alone. The environments
 * here are folders with a pyvenv.cfg; no interpreter is needed to decide.
 */
class RedirectFileTest {
    @TempDir
    Path project;

    /** An environment folder; made by virtualenv when its pyvenv.cfg has a virtualenv key. */
    private Path environment(String name, boolean byVirtualenv) throws IOException {
        Path dir = project.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pyvenv.cfg"), "home = /usr/bin\n" + (byVirtualenv ? "virtualenv = 21.14.1\n" : ""));
        return dir;
    }

    private void pyproject() throws IOException {
        Files.writeString(project.resolve("pyproject.toml"), "[project]\nname = \"demo\"\n");
    }

    private Path redirect() {
        return project.resolve(".venv");
    }

    @Test
    void autoWritesTheEnvironmentsNameBesideAPyprojectToml() throws IOException {
        pyproject();
        Path dest = environment("env", true);
        RedirectFile.Outcome outcome = RedirectFile.apply(dest, VenvRedirect.AUTO);
        assertTrue(outcome.written(), outcome.reason());
        assertEquals(redirect(), outcome.file());
        assertTrue(Files.isRegularFile(redirect(), LinkOption.NOFOLLOW_LINKS));
        assertEquals("env\n", Files.readString(redirect()));
    }

    @Test
    void autoWritesNothingOutsideAProject() throws IOException {
        Path dest = environment("env", true);
        RedirectFile.Outcome outcome = RedirectFile.apply(dest, VenvRedirect.AUTO);
        assertFalse(outcome.written());
        assertTrue(outcome.reason().contains("no pyproject.toml"), outcome.reason());
        assertFalse(Files.exists(redirect(), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void alwaysWritesOutsideAProjectToo() throws IOException {
        Path dest = environment("build env", true);
        assertTrue(RedirectFile.apply(dest, VenvRedirect.ALWAYS).written());
        assertEquals("build env\n", Files.readString(redirect()));
    }

    @Test
    void neverWritesEvenInAProject() throws IOException {
        pyproject();
        Path dest = environment("env", true);
        assertFalse(RedirectFile.apply(dest, VenvRedirect.NEVER).written());
        assertFalse(Files.exists(redirect(), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void anEnvironmentNamedDotVenvGetsNoRedirect() throws IOException {
        pyproject();
        Path dest = environment(".venv", true);
        for (VenvRedirect mode : VenvRedirect.values()) {
            assertFalse(RedirectFile.apply(dest, mode).written(), mode.toString());
            assertTrue(Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS), "the environment is still a folder");
        }
    }

    @Test
    void anExistingFolderOrLinkIsLeftAlone() throws IOException {
        pyproject();
        Path dest = environment("env", true);
        Path folder = Files.createDirectories(redirect());
        Files.writeString(folder.resolve("keep"), "mine");
        for (VenvRedirect mode : VenvRedirect.values()) {
            assertFalse(RedirectFile.apply(dest, mode).written(), mode.toString());
        }
        assertEquals("mine", Files.readString(folder.resolve("keep")));

        Files.delete(folder.resolve("keep"));
        Files.delete(folder);
        // A link to another environment virtualenv made, and one to nowhere: neither is replaced or followed.
        environment("other", true);
        Files.createSymbolicLink(redirect(), Path.of("other"));
        assertFalse(RedirectFile.apply(dest, VenvRedirect.ALWAYS).written());
        assertEquals(Path.of("other"), Files.readSymbolicLink(redirect()));
        Files.delete(redirect());
        Files.createSymbolicLink(redirect(), Path.of("nowhere"));
        assertFalse(RedirectFile.apply(dest, VenvRedirect.ALWAYS).written());
        assertEquals(Path.of("nowhere"), Files.readSymbolicLink(redirect()));
        assertFalse(Files.exists(project.resolve("nowhere"), LinkOption.NOFOLLOW_LINKS), "nothing written through the link");
    }

    @Test
    void aFileThatDoesNotPointAtAVirtualenvEnvironmentIsLeftAlone() throws IOException {
        Path dest = environment("env", true);
        environment("made-by-venv", false);
        Files.createDirectories(project.resolve("plain"));
        for (String content : new String[] {"foo\n", "made-by-venv\n", "plain\n", "", "\n"}) {
            Files.writeString(redirect(), content);
            RedirectFile.Outcome outcome = RedirectFile.apply(dest, VenvRedirect.ALWAYS);
            assertFalse(outcome.written(), content);
            assertTrue(outcome.reason().contains("left as it is"), outcome.reason());
            assertEquals(content, Files.readString(redirect()));
        }
    }

    @Test
    void alwaysMovesARedirectToAnotherVirtualenvEnvironmentAutoDoesNot() throws IOException {
        pyproject();
        environment("envA", true);
        Files.writeString(redirect(), "envA\n");
        Path dest = environment("envB", true);
        assertFalse(RedirectFile.apply(dest, VenvRedirect.AUTO).written());
        assertEquals("envA\n", Files.readString(redirect()));
        RedirectFile.Outcome outcome = RedirectFile.apply(dest, VenvRedirect.ALWAYS);
        assertTrue(outcome.written(), outcome.reason());
        assertEquals("envB\n", Files.readString(redirect()));
        assertTrue(Files.isRegularFile(redirect(), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aRedirectToThisEnvironmentEndsInTheCanonicalForm() throws IOException {
        Path dest = environment("env", true);
        Files.writeString(redirect(), "env\n");
        RedirectFile.Outcome same = RedirectFile.apply(dest, VenvRedirect.ALWAYS);
        assertFalse(same.written());
        assertTrue(same.reason().contains("already points at env"), same.reason());

        Files.writeString(redirect(), dest.toString());
        assertTrue(RedirectFile.apply(dest, VenvRedirect.ALWAYS).written());
        assertEquals("env\n", Files.readString(redirect()));
    }

    @Test
    void aNameWithALineBreakCannotBeWritten() throws IOException {
        Path dest = environment("two\nlines", true);
        assertFalse(RedirectFile.apply(dest, VenvRedirect.ALWAYS).written());
        assertFalse(Files.exists(redirect(), LinkOption.NOFOLLOW_LINKS));
    }
}

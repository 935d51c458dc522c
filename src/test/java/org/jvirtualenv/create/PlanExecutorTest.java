package org.jvirtualenv.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanExecutorTest {
    @TempDir
    Path tmp;

    private static CreationPlan markers() {
        return new CreationPlan.Builder()
                .textUnlessPresent(".gitignore", "*\n")
                .text("pyvenv.cfg", "home = /usr/bin\n")
                .build();
    }

    @Test
    void writesMarkersIntoAFreshDirectory() throws IOException {
        Path env = Files.createDirectories(tmp.resolve("env"));
        new PlanExecutor().apply(markers(), env);
        assertEquals("*\n", Files.readString(env.resolve(".gitignore")));
        assertEquals("home = /usr/bin\n", Files.readString(env.resolve("pyvenv.cfg")));
    }

    @Test
    void keepsTheUsersOwnGitignoreButReplacesWhatTheToolOwns() throws IOException {
        // virtualenv writes .gitignore only when there is none: a project that keeps its
        // environment in a directory with its own ignore rules must not lose them.
        Path env = Files.createDirectories(tmp.resolve("env"));
        Files.writeString(env.resolve(".gitignore"), "!keep-me\n");
        Files.writeString(env.resolve("pyvenv.cfg"), "stale\n");
        new PlanExecutor().apply(markers(), env);
        assertEquals("!keep-me\n", Files.readString(env.resolve(".gitignore")));
        assertEquals("home = /usr/bin\n", Files.readString(env.resolve("pyvenv.cfg")));
    }

    @Test
    void neverWritesThroughALinkInTheMarkersPlace() throws IOException {
        Path env = Files.createDirectories(tmp.resolve("env"));
        Path outside = tmp.resolve("outside.txt");
        Files.writeString(outside, "precious\n");
        Files.createSymbolicLink(env.resolve(".gitignore"), outside);
        new PlanExecutor().apply(markers(), env);
        assertEquals("precious\n", Files.readString(outside));
        assertTrue(Files.isSymbolicLink(env.resolve(".gitignore")));
    }
}

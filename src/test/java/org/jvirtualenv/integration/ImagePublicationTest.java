package org.jvirtualenv.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jvirtualenv.testing.Scripts.executable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.testing.Cli;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.jvirtualenv.util.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An app-data image is published only when its target compiled every module (issue 12, items 10
 * and 13): a program that answers the introspection like a real CPython but compiles nothing gets
 * a seeded environment and leaves nothing in the cache; every real interpreter on this machine gets
 * its images, with byte code, on the first creation and reuses them on the second. Temporary
 * directories that killed runs left beside the images are removed once they are an hour old.
 */
class ImagePublicationTest {
    @TempDir
    Path tmp;

    private Map<String, String> env;
    private Path appData;

    @BeforeEach
    void setUp() {
        env = Run.cleanEnvironment(tmp.resolve("home"));
        appData = tmp.resolve("app-data");
    }

    static List<Interpreters.Found> interpreters() {
        return Interpreters.orSkip(Interpreters.all(), "Python interpreter");
    }

    private static String key(Interpreters.Found python) {
        return (python.label().startsWith("pypy") ? "pypy" : "cpython") + python.major() + "." + python.minor();
    }

    private void create(Interpreters.Found python, String name) {
        Virtualenv.create(CreateRequest.builder(tmp.resolve(name)).python(python.executable().toString())
                .environment(env).workDir(tmp).appData(appData).activators(List.of()).build());
    }

    /** The published images of one target, each with the identity of its manifest (a rebuild makes a new one). */
    private Map<String, Object> images(String key) throws IOException {
        Map<String, Object> found = new TreeMap<>();
        Path dir = appData.resolve("images").resolve(key);
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path image : entries.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                found.put(image.getFileName().toString(),
                        Files.readAttributes(image.resolve("manifest.csv"), BasicFileAttributes.class).fileKey());
            }
        }
        return found;
    }

    /** The modules of an image that have no byte code the interpreter would load. */
    private static List<String> withoutByteCode(Path image, Interpreters.Found python) throws IOException {
        String tag = python.label().startsWith("pypy") ? "pypy" + python.major() + python.minor()
                : "cpython-" + python.major() + python.minor();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(image.resolve("site"))) {
            for (Path py : walk.filter(p -> p.toString().endsWith(".py")).toList()) {
                String name = py.getFileName().toString();
                Path pyc = python.major() < 3 ? py.resolveSibling(name + "c")
                        : py.resolveSibling("__pycache__").resolve(name.substring(0, name.length() - 3) + "." + tag + ".pyc");
                if (!Files.isRegularFile(pyc) || Files.size(pyc) == 0) {
                    missing.add(image.relativize(py).toString());
                }
            }
        }
        return missing;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interpreters")
    void everyRealInterpreterPublishesCompiledImagesOnceAndReusesThem(Interpreters.Found python) throws IOException {
        create(python, "first");
        Map<String, Object> published = images(key(python));
        assertTrue(published.keySet().stream().anyMatch(n -> n.startsWith("pip-")), "pip's image is cached: " + published);
        for (String image : published.keySet()) {
            assertEquals(List.of(), withoutByteCode(appData.resolve("images").resolve(key(python)).resolve(image), python),
                    image + " has byte code for every module");
        }
        create(python, "second");
        assertEquals(published, images(key(python)), "the second creation builds no image");
    }

    /**
     * A shell script that prints what {@code real}'s introspection prints (its own path as the
     * executable) and does nothing else: it "compiles" without writing a byte.
     */
    private Path fakeOf(Interpreters.Found real) throws IOException {
        String script = new String(Virtualenv.class.getResourceAsStream("/org/jvirtualenv/discovery/py_info.py")
                .readAllBytes(), StandardCharsets.UTF_8);
        ProcessResult answer = Run.command(env, tmp, real.executable().toString(), "-E", "-s", "-c", script);
        assertEquals(0, answer.exitCode(), answer.describe());
        Path fake = tmp.resolve("fake/bin/python" + real.major() + "." + real.minor());
        Files.createDirectories(fake.getParent());
        Map<String, Object> json = Json.parseObject(answer.stdout().strip());
        json.put("executable", fake.toString());
        json.put("base_executable", fake.toString());
        Path jsonFile = Files.writeString(tmp.resolve("fake/answer.json"), Json.write(json));
        executable(fake, "#!/bin/sh\n"
                + "# Answers the introspection (-E -s -c SCRIPT) like a real CPython; anything else: nothing, exit 0.\n"
                + "if [ \"$3\" = \"-c\" ]; then cat '" + jsonFile + "'; fi\nexit 0\n");
        return fake;
    }

    @Test
    void aFakeInterpreterLeavesNoImageUnderTheRealInterpretersKey() throws IOException {
        Interpreters.Found real = Interpreters.labelled("pyenv-3.11").orElseGet(Interpreters::any3);
        Path fake = fakeOf(real);

        ProcessResult byFake = Cli.run(env, tmp, "-v", "-p", fake.toString(), "--app-data", appData.toString(),
                "--activators", "", tmp.resolve("by-fake").toString());
        // The tool cannot tell it from a Python: the environment is made as far as it can be, the
        // wheels installed directly, and -v says why no image was kept.
        assertEquals(0, byFake.exitCode(), byFake.describe());
        assertTrue(byFake.stderr().contains("not published") && byFake.stderr().contains("have no byte code for cpython-"
                + real.major() + real.minor()), byFake.describe());
        assertTrue(Files.isRegularFile(tmp.resolve("by-fake/lib/python" + real.major() + "." + real.minor()
                + "/site-packages/pip/__init__.py")), "pip is seeded all the same");
        assertEquals(Map.of(), images(key(real)), "nothing cached under " + key(real));
        try (Stream<Path> left = Files.list(appData.resolve("images").resolve(key(real)))) {
            assertEquals(List.of(), left.toList(), "no temporary directory left either");
        }

        // The real interpreter of that version, on the same cache, builds the image with byte code.
        ProcessResult byReal = Cli.run(env, tmp, "-v", "-p", real.executable().toString(), "--app-data",
                appData.toString(), "--activators", "", tmp.resolve("by-real").toString());
        assertEquals(0, byReal.exitCode(), byReal.describe());
        assertTrue(byReal.stderr().contains("built app-data image"), byReal.describe());
        Path pip = appData.resolve("images").resolve(key(real))
                .resolve(images(key(real)).keySet().stream().filter(n -> n.startsWith("pip-")).findFirst().orElseThrow());
        assertEquals(List.of(), withoutByteCode(pip, real));
        ProcessResult version = Run.command(env, tmp, tmp.resolve("by-real/bin/pip").toString(), "--version");
        assertEquals(0, version.exitCode(), version.describe());
    }

    @Test
    void temporaryDirectoriesOfKilledRunsAreRemovedAfterAnHour() throws IOException {
        Interpreters.Found python = Interpreters.any3();
        Path dir = Files.createDirectories(appData.resolve("images").resolve(key(python)));
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        FileTime minutesAgo = FileTime.from(Instant.now().minus(Duration.ofMinutes(50)));
        Path killedBuild = Files.createDirectories(dir.resolve(".tmp-pip-1.0-py3-none-any-0123456789abcdef-42/site/pip"));
        Files.writeString(killedBuild.resolve("__init__.py"), "");
        Path killedBuildTop = dir.resolve(".tmp-pip-1.0-py3-none-any-0123456789abcdef-42");
        Path killedReplace = Files.createDirectories(dir.resolve(".tmp-setuptools-1.0-py3-none-any-0123456789abcdef-7-stale/site"));
        Path killedReplaceTop = killedReplace.getParent();
        Path recent = Files.createDirectories(dir.resolve(".tmp-wheel-1.0-py3-none-any-0123456789abcdef-9"));
        Files.setLastModifiedTime(killedBuildTop, twoHoursAgo);
        Files.setLastModifiedTime(killedReplaceTop, twoHoursAgo);
        Files.setLastModifiedTime(recent, minutesAgo);

        create(python, "env");

        assertFalse(Files.exists(killedBuildTop), "an interrupted build over an hour old is removed");
        assertFalse(Files.exists(killedReplaceTop), "an interrupted replacement over an hour old is removed");
        assertTrue(Files.isDirectory(recent), "a younger one may be another run's: kept");
        assertFalse(images(key(python)).isEmpty());
    }
}

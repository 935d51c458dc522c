package org.jvirtualenv.activation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jvirtualenv.testing.Shells;

/**
 * A scratch directory for one probe run: two environments with activators rendered by the code
 * under test, short links e1 and e2 to them (so probes never need to quote a hostile path
 * themselves), an output directory and a private HOME.
 */
final class ProbeWorkspace {
    final Path root;
    final Path envA;
    final Path envB;
    final Path out;
    final Path home;
    final ProbeCase probeCase;

    private ProbeWorkspace(Path root, ProbeCase probeCase) {
        this.root = root;
        this.probeCase = probeCase;
        this.envA = root.resolve("envs").resolve(probeCase.envName());
        this.envB = root.resolve("envs").resolve("second");
        this.out = root.resolve("out");
        this.home = root.resolve("home");
    }

    /**
     * Lays out the workspace and renders {@code activator} into both environments.
     *
     * @throws org.jvirtualenv.util.VirtualenvException when the activator refuses the case's values
     */
    static ProbeWorkspace create(Path root, ProbeCase probeCase, Activator activator, Path python) {
        ProbeWorkspace ws = new ProbeWorkspace(root, probeCase);
        try {
            Files.createDirectories(ws.out);
            Files.createDirectories(ws.home);
            ws.makeEnv(ws.envA, python);
            ws.makeEnv(ws.envB, python);
            Files.createSymbolicLink(root.resolve("e1"), ws.envA);
            Files.createSymbolicLink(root.resolve("e2"), ws.envB);
            activator.generate(context(ws.envA, probeCase.prompt()));
            activator.generate(context(ws.envB, "second"));
            return ws;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ActivationContext context(Path envDir, String prompt) {
        return new ActivationContext(envDir, "bin", "lib", prompt, false,
                List.of("lib/python3/site-packages"), "3", false);
    }

    private void makeEnv(Path env, Path python) throws IOException {
        Path bin = Files.createDirectories(env.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("python"), python);
    }

    void copyProbe(String resource) {
        try (InputStream in = ProbeWorkspace.class.getResourceAsStream("/probes/" + resource)) {
            Files.copy(in, root.resolve(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, String> environment(Path... extraPathDirs) {
        Map<String, String> env = Shells.cleanEnvironment(home, extraPathDirs);
        env.put("PROBE_OUT", out.toString());
        return env;
    }

    /** A recorded observation, or null when the probe never got there. */
    String recorded(String name) {
        Path file = out.resolve(name);
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For observations taken from commands that end their output with one newline. */
    String recordedLine(String name) {
        String value = recorded(name);
        return value != null && value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
    }

    boolean markerCreated() {
        return Files.exists(root.resolve(ProbeCase.MARKER)) || Files.exists(home.resolve(ProbeCase.MARKER));
    }
}

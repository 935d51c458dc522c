package org.jvirtualenv.relocate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.activation.Activators;
import org.jvirtualenv.create.EnvLayout;
import org.jvirtualenv.create.PyvenvCfg;
import org.jvirtualenv.util.FileModes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an existing environment independent of its own path: scripts find their interpreter
 * next to themselves, and absolute paths into the environment in .pth and .egg-link files become
 * relative. Works from what is on disk alone (no interpreter is run), so it can be re-run after
 * installing packages, as the original {@code virtualenv --relocatable ENV} was. Running it twice
 * changes nothing the second time.
 */
public final class Relocator {
    private static final Logger LOG = LoggerFactory.getLogger(Relocator.class);

    /** Relocates an existing environment, whose layout is read back from its pyvenv.cfg. */
    public RelocationReport relocate(Path env) {
        Path root = requireEnvironment(env);
        EnvLayout layout;
        try {
            layout = EnvLayout.read(root);
        } catch (IOException e) {
            throw new VirtualenvException("cannot read " + root.resolve(PyvenvCfg.FILE_NAME) + ": " + e.getMessage(), e);
        }
        return relocate(root, layout);
    }

    /** Relocates the environment at {@code env}, laid out as {@code layout} (its creator's). */
    public RelocationReport relocate(Path env, EnvLayout layout) {
        Path root = requireEnvironment(env);
        Path cfg = root.resolve(PyvenvCfg.FILE_NAME);
        List<Path> rewritten = new ArrayList<>();
        List<Path> untouched = new ArrayList<>();
        try {
            for (String prefix : spellings(root)) {
                rewriteScripts(root, layout.binDir(), prefix, rewritten, untouched);
            }
            for (String site : layout.sitePackages()) {
                Path dir = root.resolve(site);
                if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    relativizePathFiles(root, dir, rewritten);
                }
            }
            markRelocatable(cfg);
        } catch (IOException e) {
            throw new VirtualenvException("failed to make " + root + " relocatable: " + e.getMessage(), e);
        }
        untouched.removeAll(rewritten);
        for (Path path : new LinkedHashSet<>(untouched)) {
            LOG.info("left untouched (not a script of this environment's python): {}", path);
        }
        return new RelocationReport(rewritten, List.copyOf(new LinkedHashSet<>(untouched)));
    }

    private static Path requireEnvironment(Path env) {
        Path root = env.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve(PyvenvCfg.FILE_NAME))) {
            throw new VirtualenvException(root + " is not a virtual environment (it has no pyvenv.cfg): "
                    + "create it first, e.g. virtualenv --relocatable " + root);
        }
        return root;
    }

    /** The env path as scripts may spell it: as given, and with symlinks resolved. */
    private static Set<String> spellings(Path root) throws IOException {
        Set<String> result = new LinkedHashSet<>();
        result.add(root.toString());
        result.add(root.toRealPath().toString());
        return result;
    }

    private static void rewriteScripts(Path root, String binName, String prefix, List<Path> rewritten,
                                       List<Path> untouched) throws IOException {
        Path bin = root.resolve(binName);
        if (!Files.isDirectory(bin, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        ScriptRewriter rewriter = new ScriptRewriter(prefix + "/" + binName);
        try (Stream<Path> files = Files.list(bin)) {
            for (Path file : files.sorted().toList()) {
                // Activation scripts are rendered again, not rewritten: the activation stage makes those relocatable.
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        || Activators.isActivatorScript(file.getFileName().toString())) {
                    continue;
                }
                byte[] content = Files.readAllBytes(file);
                Optional<byte[]> changed = rewriter.rewrite(content);
                if (changed.isPresent()) {
                    replace(file, changed.get(), Files.isExecutable(file));
                    rewritten.add(file);
                } else if (!isRelocatedAlready(content)) {
                    untouched.add(file);
                }
            }
        }
    }

    private static boolean isRelocatedAlready(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 200), StandardCharsets.UTF_8);
        return head.startsWith("#!/bin/sh\n'''exec' \"$(dirname -- ");
    }

    /**
     * Lines of .pth files that are absolute paths inside the environment become relative to the
     * site directory (site.py resolves relative lines against it); code lines ("import ...") and
     * paths outside the environment stay as they are. .egg-link files name their project on the
     * first line, which is made relative the same way.
     */
    private static void relativizePathFiles(Path root, Path site, List<Path> rewritten) throws IOException {
        Set<String> prefixes = spellings(root);
        try (Stream<Path> files = Files.list(site)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!(name.endsWith(".pth") || name.endsWith(".egg-link")) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                StringBuilder out = new StringBuilder();
                for (String line : text.split("(?<=\n)")) {
                    String body = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
                    String end = line.substring(body.length());
                    out.append(relativeLine(body, root, site, prefixes)).append(end);
                }
                if (!out.toString().equals(text)) {
                    replace(file, out.toString().getBytes(StandardCharsets.UTF_8), false);
                    rewritten.add(file);
                }
            }
        }
    }

    private static String relativeLine(String line, Path root, Path site, Set<String> prefixes) {
        String stripped = line.strip();
        for (String prefix : prefixes) {
            if (stripped.equals(prefix) || stripped.startsWith(prefix + "/")) {
                Path base = Path.of(prefix).resolve(root.relativize(site));
                String relative = base.relativize(Path.of(stripped)).toString();
                return relative.isEmpty() ? "." : relative;
            }
        }
        return line;
    }

    private static void markRelocatable(Path cfg) throws IOException {
        String text = Files.readString(cfg, StandardCharsets.UTF_8);
        Map<String, String> entries = PyvenvCfg.parse(text);
        if ("true".equals(entries.get("relocatable"))) {
            return;
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            boolean oldFlag = eq > 0 && line.substring(0, eq).strip().equals("relocatable");
            if (!line.isBlank() && !oldFlag) {
                out.append(line).append('\n');
            }
        }
        out.append("relocatable = true\n");
        replace(cfg, out.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    /** Delete, then write: the old file may be a hardlink into the app-data cache. */
    private static void replace(Path file, byte[] content, boolean executable) throws IOException {
        Files.delete(file);
        Files.write(file, content);
        if (executable) {
            FileModes.makeExecutable(file);
        }
    }
}

package org.jvirtualenv.create;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jvirtualenv.util.ElfDynamic;

/**
 * What creators need to know about the base installation's files beyond the introspection
 * record: which exist, what a folder holds, how the binary links. An interface so that plans can
 * be unit-tested against a described installation.
 */
public interface BaseFiles {
    boolean exists(String path);

    boolean isDirectory(String path);

    /** Files below dir (recursively), as '/'-separated paths relative to dir, sorted. */
    List<String> filesUnder(String dir);

    /** The dynamic section of an ELF executable, empty if it is not one. */
    Optional<ElfDynamic> elf(String executable);

    /** The path with every symlink resolved (the path itself when that fails). */
    String realPath(String path);

    /** The real filesystem. */
    BaseFiles LOCAL = new BaseFiles() {
        @Override
        public boolean exists(String path) {
            return Files.exists(Path.of(path));
        }

        @Override
        public boolean isDirectory(String path) {
            return Files.isDirectory(Path.of(path));
        }

        @Override
        public List<String> filesUnder(String dir) {
            Path root = Path.of(dir);
            List<String> out = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.sort(null);
            return out;
        }

        @Override
        public Optional<ElfDynamic> elf(String executable) {
            return ElfDynamic.read(Path.of(executable));
        }

        @Override
        public String realPath(String path) {
            try {
                return Path.of(path).toRealPath().toString();
            } catch (IOException e) {
                return path;
            }
        }
    };
}

package org.jvirtualenv.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.discovery.VersionSpecifier;
import org.jvirtualenv.testing.TestWheels;
import org.jvirtualenv.util.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache's directory of upgraded wheels: published whole, read back only as recorded, links not followed. */
class UpgradedWheelsTest {
    @TempDir
    Path tmp;

    private static UpgradedWheel upgraded(Path file, String requires, String... targets) throws IOException {
        return new UpgradedWheel(file, Wheel.parse(file.getFileName().toString()), Sha256.hex(file),
                VersionSpecifier.parse(requires), List.of(targets));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aPublishedSetIsReadBackAndTheNextOneReplacesIt() throws IOException {
        AppData cache = new AppData(tmp.resolve("cache"));
        Path first = TestWheels.demo(tmp.resolve("dl1"), "wheel", "0.99.0", "wheel");
        Path dir = UpgradedWheels.replace(cache, List.of(upgraded(first, ">=3.7, !=3.8.*", "3.7", "3.9")));
        assertEquals(cache.upgradedWheels(), dir);
        List<UpgradedWheel> read = UpgradedWheels.read(dir);
        assertEquals(1, read.size());
        assertEquals(dir.resolve("wheel-0.99.0-py2.py3-none-any.whl"), read.get(0).file());
        assertEquals(Sha256.hex(first), read.get(0).sha256());
        assertEquals(">=3.7, !=3.8.*", read.get(0).requiresPython().toString());
        assertEquals(List.of("3.7", "3.9"), read.get(0).targets());

        Path second = TestWheels.demo(tmp.resolve("dl2"), "pip", "99.0", "pip");
        UpgradedWheels.replace(cache, List.of(upgraded(second, "", "3.13")));
        assertEquals(List.of("pip-99.0-py2.py3-none-any.whl", UpgradedWheels.INDEX), names(dir), "the old set is gone");
        assertEquals(List.of("embed-upgrade"), names(cache.wheels()), "no temporary directory left");
        assertEquals("99.0", UpgradedWheels.read(dir).get(0).wheel().version());
    }

    @Test
    void onlyRecordedRegularFilesAreCandidatesAndALinkIsNeitherReadNorReplaced() throws IOException {
        AppData cache = new AppData(tmp.resolve("cache"));
        Path wheel = TestWheels.demo(tmp.resolve("dl"), "wheel", "0.99.0", "wheel");
        Path dir = UpgradedWheels.replace(cache, List.of(upgraded(wheel, "", "3.11")));
        TestWheels.demo(dir, "pip", "99.0", "pip"); // dropped in by hand: not in the index
        Files.writeString(dir.resolve(UpgradedWheels.INDEX), Files.readString(dir.resolve(UpgradedWheels.INDEX))
                + "../escape.whl\t" + "0".repeat(64) + "\t\t3.11\nnot a line\n");
        assertEquals(List.of("wheel"), UpgradedWheels.read(dir).stream().map(u -> u.wheel().distribution()).toList());

        Files.delete(dir.resolve("wheel-0.99.0-py2.py3-none-any.whl"));
        assertEquals(List.of(), UpgradedWheels.read(dir), "a missing file is no candidate");

        Path elsewhere = tmp.resolve("elsewhere");
        Files.move(dir, elsewhere);
        Files.createSymbolicLink(dir, elsewhere);
        assertEquals(List.of(), UpgradedWheels.read(dir), "a link in the cache is not followed");
        VirtualenvException e = assertThrows(VirtualenvException.class,
                () -> UpgradedWheels.replace(cache, List.of(upgraded(wheel, "", "3.11"))));
        assertTrue(e.getMessage().contains("refusing"), e.getMessage());
        assertTrue(Files.isSymbolicLink(dir));
        assertFalse(Files.exists(elsewhere.resolve("wheel-0.99.0-py2.py3-none-any.whl")), "nothing written through it");
    }
}

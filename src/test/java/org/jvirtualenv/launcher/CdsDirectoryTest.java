package org.jvirtualenv.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.jvirtualenv.launcher.BuiltLauncher.names;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build's archive in cds/ is either kind, a static archive (.jsa) or an AOT cache (.aot, JDK 25+).
 * Whichever kind is published replaces the build's other one, and only an archive whose name still
 * matches its size and mtime counts as the build's, as the launcher maps them.
 */
class CdsDirectoryTest {
    private static final String BUILD = "jvirtualenv-1-2-3-4-5-6-7-8";

    @TempDir
    Path cds;

    @Test
    void aPublishedAotCacheIsNamedForItsSizeAndMtimeAndReplacesTheBuildsStaticArchive() throws IOException {
        CdsDirectory dir = new CdsDirectory(cds);
        Path older = dir.publish(BUILD, Files.writeString(cds.resolve("made.jsa"), "static"));
        Path otherBuild = Files.writeString(cds.resolve("jvirtualenv-9-9-9-9-9-9-9-9-1-1.jsa"), "x");
        Path work = Files.createDirectories(cds.resolve(".dump-1"));

        Path published = dir.publish(BUILD, Files.writeString(work.resolve("archive.aot"), "aot cache"));

        BasicFileAttributes attributes = Files.readAttributes(published, BasicFileAttributes.class);
        assertEquals(BUILD + "-" + attributes.size() + "-" + attributes.lastModifiedTime().to(TimeUnit.SECONDS) + ".aot",
                published.getFileName().toString());
        assertEquals(List.of(published), dir.archives(BUILD));
        assertEquals(List.of(".dump-1", published.getFileName().toString(), otherBuild.getFileName().toString()),
                names(cds), "the static archive " + older.getFileName() + " is gone, another build's kept");
    }

    @Test
    void publishingKeepsOnlyTheNewestArchivesOfOtherBuilds() throws IOException {
        CdsDirectory dir = new CdsDirectory(cds);
        // Five other builds (an upgrade, a JDK update, a copy each), published an hour apart, in
        // neither name nor creation order; the oldest two are the upgrades' leftovers.
        long hour = 3_600_000L;
        long now = System.currentTimeMillis();
        List<String> byAge = List.of("jvirtualenv-5-5-5-5-5-5-5-5-1-1.aot", "jvirtualenv-2-2-2-2-2-2-2-2-1-1.jsa",
                "jvirtualenv-4-4-4-4-4-4-4-4-1-1.jsa", "jvirtualenv-1-1-1-1-1-1-1-1-1-1.jsa",
                "jvirtualenv-3-3-3-3-3-3-3-3-1-1.aot");
        for (int i = 0; i < byAge.size(); i++) {
            Path archive = Files.writeString(cds.resolve(byAge.get(i)), "archive " + i);
            Files.setLastModifiedTime(archive, FileTime.fromMillis(now - (i + 1) * hour));
        }
        Files.createDirectories(cds.resolve(".dump-2"));
        Files.writeString(cds.resolve(".dump.lock"), "");

        Path published = dir.publish(BUILD, Files.writeString(cds.resolve("made.jsa"), "static"));

        List<String> expected = new ArrayList<>(List.of(".dump-2", ".dump.lock", published.getFileName().toString()));
        expected.addAll(byAge.subList(0, CdsDirectory.OTHER_BUILDS_KEPT));
        Collections.sort(expected);
        assertEquals(expected, names(cds), "the two archives published longest ago are gone, the rest kept");
    }

    @Test
    void anArchiveOfEitherKindWhoseNameNoLongerFitsIsNotListed() throws IOException {
        CdsDirectory dir = new CdsDirectory(cds);
        Path aot = dir.publish(BUILD, Files.writeString(cds.resolve("a.aot"), "aot cache"));
        Files.writeString(aot, "grown since it was published");
        Files.writeString(cds.resolve(BUILD + "-3-0.jsa"), "old");

        assertEquals(List.of(), dir.archives(BUILD));
    }
}

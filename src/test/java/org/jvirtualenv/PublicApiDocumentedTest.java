package org.jvirtualenv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type of the library's API packages carries a Javadoc comment (javadoc's own
 * check is off for missing comments, because the stage packages need none for every member).
 */
class PublicApiDocumentedTest {
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public (?:final |sealed |abstract )*(?:class|record|interface|enum) (\\w+)");

    @Test
    void everyPublicTypeOfTheApiIsDocumented() throws IOException {
        List<String> undocumented = new ArrayList<>();
        for (String pkg : List.of("src/main/java/org/jvirtualenv", "src/main/java/org/jvirtualenv/config")) {
            try (Stream<Path> files = Files.list(Path.of(pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(file);
                    Matcher m = PUBLIC_TYPE.matcher(text);
                    if (m.find() && !text.substring(0, m.start()).stripTrailing().endsWith("*/")) {
                        undocumented.add(m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), undocumented);
    }
}

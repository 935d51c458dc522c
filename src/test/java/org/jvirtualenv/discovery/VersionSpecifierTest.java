package org.jvirtualenv.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionSpecifierTest {
    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        ">=3.7 | 3.7.0 | true",
        ">=3.7 | 3.6.15 | false",
        ">=2.7,!=3.0.*,!=3.1.*,!=3.2.*,!=3.3.*,!=3.4.* | 2.7.18 | true",
        ">=2.7,!=3.0.*,!=3.1.*,!=3.2.*,!=3.3.*,!=3.4.* | 3.4.10 | false",
        ">=2.7,!=3.0.*,!=3.1.*,!=3.2.*,!=3.3.*,!=3.4.* | 3.6.15 | true",
        "~=3.11.0 | 3.11.7 | true",
        "~=3.11.0 | 3.12.0 | false",
        "~=3.11 | 3.13.0 | true",
        "~=3.11 | 4.0.0 | false",
        "==3.11.* | 3.11.7 | true",
        "==3.11 | 3.11.0 | true",
        "==3.11 | 3.11.1 | false",
        "<3.12 | 3.11.9 | true",
        "<3.12 | 3.12.0 | false",
        ">3.8 | 3.8.0 | false",
        ">3.8 | 3.8.1 | true",
        "<=3.8 | 3.8.0 | true",
        "!=3.9.1 | 3.9.1 | false",
        "' >= 3.10 , < 4 ' | 3.13.0 | true",
    })
    void matchesReleases(String spec, String version, boolean expected) {
        assertEquals(expected, VersionSpecifier.parse(spec).matches(VersionSpecifier.release(version)));
    }

    @ParameterizedTest
    @CsvSource({"'>=abc'", "'3.7'", "'>=3.*'", "'=>3.7'"})
    void rejectsWhatIsNotASpecifier(String spec) {
        assertThrows(IllegalArgumentException.class, () -> VersionSpecifier.parse(spec));
    }

    @org.junit.jupiter.api.Test
    void releaseStopsAtTheFirstNonNumericPart() {
        assertEquals(List.of(1, 0), VersionSpecifier.release("1.0rc1"));
        assertEquals(List.of(23, 2, 1), VersionSpecifier.release("23.2.1"));
        assertEquals(List.of(0, 38, 4), VersionSpecifier.release("0.38.4"));
    }
}

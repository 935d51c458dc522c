package org.jvirtualenv.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jvirtualenv.testing.TestWheels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The METADATA headers read from a wheel: Requires-Python and the requirements that are not extras. */
class WheelMetadataTest {
    @TempDir
    Path tmp;

    @Test
    void readsRequiresPythonAndTheRequirementsThatApplyWithoutExtras() throws IOException {
        Path wheel = TestWheels.withMetadata(tmp, "wheel", "0.48.0", "Requires-Python: >=3.9\n"
                + "Requires-Dist: packaging>=24.0\nRequires-Dist: Typing_Extensions ; python_version < \"3.10\"\n"
                + "Requires-Dist: pytest>=6.0.0 ; extra == \"test\"\n\nRequires-Dist: in-the-body-not-a-header\n");
        WheelMetadata metadata = WheelMetadata.read(wheel);
        assertEquals(">=3.9", metadata.requiresPython());
        assertEquals(List.of("packaging", "typing-extensions"), metadata.unconditionalRequirements());

        WheelMetadata bundledWheel = WheelMetadata.read(Path.of("support-wheels/wheel-0.38.4-py3-none-any.whl"));
        assertEquals(">=3.7", bundledWheel.requiresPython());
        assertEquals(List.of(), bundledWheel.unconditionalRequirements(), "wheel 0.38.4 needs nothing unseeded");
    }
}

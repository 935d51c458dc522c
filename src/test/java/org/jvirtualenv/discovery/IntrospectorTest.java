package org.jvirtualenv.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jvirtualenv.testing.Scripts.executable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jvirtualenv.util.VirtualenvException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user is told when the interpreter given is not one that answers. */
class IntrospectorTest {
    @TempDir
    Path tmp;

    @Test
    void aHangingInterpreterIsStoppedWithItsChildrenAndNamedInOneLine() throws IOException, InterruptedException {
        Path pidFile = tmp.resolve("child.pid");
        Path python = tmp.resolve("python3");
        // A "python" that starts a child which would outlive it, then hangs.
        executable(python, "#!/bin/sh\nsleep 300 &\necho $! > '" + pidFile + "'\nwait\n");
        long start = System.nanoTime();
        VirtualenvException e = assertThrows(VirtualenvException.class, () -> new Introspector(2).describeJson(python));
        assertTrue((System.nanoTime() - start) / 1_000_000_000 < 30, "stopped after its time, not after the child's");
        assertEquals("Python interpreter " + python + " did not answer within 2 s and was stopped: check that it starts "
                + "(run it with -c pass) or give another one with -p", e.getMessage());
        long child = Long.parseLong(Files.readString(pidFile).strip());
        for (int i = 0; i < 50 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the child is stopped too");
    }
}

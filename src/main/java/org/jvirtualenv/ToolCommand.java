package org.jvirtualenv;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jvirtualenv.util.StartedJar;

/**
 * The command pyvenv.cfg records as having made an environment: venv's {@code command} key,
 * which virtualenv fills with the Python running it, {@code -m virtualenv} and DEST. Ours is the
 * tool as it was started ({@link StartedJar}), then DEST. Started any other way (a library
 * inside a build tool, a test) there is no command a user could run again, and none is recorded.
 */
final class ToolCommand {
    private ToolCommand() {
    }

    /** The command for {@code destination}, or null when this JVM was not started from one file. */
    static String recorded(Path destination) {
        Path jar = StartedJar.path();
        if (jar == null) {
            return null;
        }
        Path tool = jar.normalize();
        if (!Files.isRegularFile(tool)) {
            return null;
        }
        String started = tool.getFileName().toString().endsWith(".jar") ? "java -jar " + tool : tool.toString();
        String command = started + " " + destination;
        // pyvenv.cfg is read line by line: a name with a line break cannot be recorded there.
        return command.indexOf('\n') < 0 && command.indexOf('\r') < 0 ? command : null;
    }
}

package org.jvirtualenv.create;

import java.nio.file.Path;
import org.jvirtualenv.discovery.PythonInfo;

/**
 * What a creator plans from: the target interpreter, its layout and the user's choices.
 *
 * @param prompt  the --prompt value as given (null when not given)
 * @param toolVersion written to pyvenv.cfg as {@code virtualenv}
 */
public record CreatorInput(
        PythonInfo python,
        EnvLayout layout,
        Path destination,
        boolean clear,
        boolean systemSitePackages,
        boolean copies,
        String prompt,
        boolean vcsIgnore,
        String toolVersion) {
}

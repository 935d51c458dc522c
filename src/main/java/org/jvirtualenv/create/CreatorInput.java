package org.jvirtualenv.create;

import java.nio.file.Path;

/**
 * The user's choices a creator applies; the target interpreter and its layout are the creator's
 * own (see {@link Creators#forChoice}).
 *
 * @param prompt  the --prompt value as given (null when not given)
 * @param toolVersion written to pyvenv.cfg as {@code virtualenv}
 * @param command the command that made the environment, as pyvenv.cfg's {@code command} records
 *                it (venv's key, which virtualenv writes too); null leaves the key out
 */
public record CreatorInput(
        Path destination,
        boolean systemSitePackages,
        boolean copies,
        String prompt,
        boolean vcsIgnore,
        String toolVersion,
        String command) {

    /** Without a command to record. */
    public CreatorInput(Path destination, boolean systemSitePackages, boolean copies, String prompt, boolean vcsIgnore,
            String toolVersion) {
        this(destination, systemSitePackages, copies, prompt, vcsIgnore, toolVersion, null);
    }
}

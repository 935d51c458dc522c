package org.jvirtualenv.config;

import java.nio.file.Path;
import java.util.Map;
import org.jvirtualenv.CreateRequest;

/**
 * What one command line asks for: an environment, or only {@code --upgrade-embed-wheels} (the
 * one option that makes DEST optional), or both, in which case the request carries the upgrade.
 *
 * @param request  the environment to create; null when only an upgrade was asked for
 * @param appData  the app-data cache the run uses (for an upgrade without DEST)
 */
public record Invocation(CreateRequest request, boolean upgradeOnly, Path appData, Map<String, String> environment) {
}

package org.jvirtualenv.seed;

import java.nio.file.Path;
import java.util.Collection;
import org.jvirtualenv.create.EnvLayout;
import org.jvirtualenv.discovery.PythonInfo;

/**
 * What a seeder installs into: where each part of a wheel goes in the environment, and the
 * interpreter the wheels must run on (its version and implementation pick the wheels).
 */
public record SeedTarget(InstallScheme scheme, PythonInfo python) {

    /** The environment at {@code env}, laid out as {@code layout} for {@code python}. */
    public static SeedTarget of(Path env, EnvLayout layout, PythonInfo python) {
        return new SeedTarget(InstallScheme.of(env, layout), python);
    }

    /**
     * As {@link #of(Path, EnvLayout, PythonInfo)}, with more names in the scripts directory that no
     * seed wheel may write. The layout reserves the interpreter's names; the caller adds what later
     * stages write there (the activators: seeding and activation are siblings, so seeding cannot
     * ask the activator registry itself).
     */
    public static SeedTarget of(Path env, EnvLayout layout, PythonInfo python, Collection<String> reservedScripts) {
        return new SeedTarget(InstallScheme.of(env, layout).reserving(reservedScripts), python);
    }
}

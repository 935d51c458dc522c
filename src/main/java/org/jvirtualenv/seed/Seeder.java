package org.jvirtualenv.seed;

import org.jvirtualenv.discovery.PythonInfo;

/**
 * Installs the seed distributions (pip, setuptools, wheel) into a new environment. One for a
 * creation's {@link SeedOptions}, from {@link Seeders#forOptions}: app-data (links compiled images
 * from the cache), pip (runs the bundled pip), or none.
 */
public interface Seeder {
    /** @throws org.jvirtualenv.util.VirtualenvException naming what could not be seeded and why */
    SeedResult seed(SeedTarget target);

    /**
     * What {@link #seed} would do for this interpreter, without doing it (nothing is written), e.g.
     * "app-data (pip=bundle, setuptools=bundle, via=hardlink)"; distributions not seeded are left out.
     */
    String describe(PythonInfo python);
}

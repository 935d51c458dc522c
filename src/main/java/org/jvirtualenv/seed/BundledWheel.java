package org.jvirtualenv.seed;

import org.jvirtualenv.discovery.VersionSpecifier;

/** A wheel shipped inside the tool, with the hash and Requires-Python listed for it. */
public record BundledWheel(Wheel wheel, String sha256, VersionSpecifier requiresPython) {
}

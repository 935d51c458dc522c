package org.jvirtualenv.activation;

import java.util.List;

/** Placeholder until the activation stage lands: no activators. */
public final class Activators {
    private Activators() {
    }

    public static List<Activator> all() {
        return List.of();
    }

    public static List<Activator> defaults(ActivationContext context) {
        return List.of();
    }

    public static List<Activator> select(List<String> names) {
        return List.of();
    }
}

package org.jvirtualenv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.jvirtualenv.relocate.RelocationReport;
import org.jvirtualenv.seed.EmbedWheelUpgrade;
import org.jvirtualenv.util.VirtualenvException;

/**
 * The library entry point. {@code Virtualenv.plan(request)} resolves a request into a {@link Plan}
 * without writing the environment; {@code plan.run()} carries it out. {@code create(request)} does
 * both for a new environment. Any failure is a {@link VirtualenvException}; if the destination did
 * not exist before, nothing of it is left behind.
 */
public final class Virtualenv {
    private Virtualenv() {
    }

    public static String version() {
        Properties props = new Properties();
        try (InputStream in = Virtualenv.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            // The version is informational; an unreadable resource must not stop creation.
        }
        return props.getProperty("version", "unknown");
    }

    /**
     * Resolves what {@code request} asks for without creating anything: a new environment (the
     * interpreter found and introspected, the creator with its layout, the seeder, the activators)
     * or, for {@code --relocatable} on an existing environment, making that one relocatable.
     * Everything that can be refused is refused here. {@link Plan#describe()} says what
     * {@link Plan#run()} will do.
     *
     * @throws VirtualenvException for bad input (usage) or an interpreter that cannot be used
     */
    public static Plan plan(CreateRequest request) {
        Path dest = Destination.checked(request);
        if (request.relocatable() && !request.clear() && Destination.isEnvironment(dest)) {
            return RelocationPlan.of(request, dest);
        }
        return EnvironmentPlan.of(request, dest);
    }

    /**
     * Creates (or updates in place) the environment: discovery, creation, seeding and activation
     * in order. If the destination did not exist before, nothing of it is left behind on failure.
     */
    public static CreateResult create(CreateRequest request) {
        return EnvironmentPlan.of(request, Destination.checked(request)).run();
    }

    /**
     * {@code --upgrade-embed-wheels}: fetches the newest pip, setuptools and wheel that run on each
     * supported target from the index pip is configured with (as {@code environment} configures
     * it) into the app-data cache at {@code appData} (the default for the environment when null),
     * where the {@code bundle} choice uses them from then on. Fails with a
     * {@link VirtualenvException} (one line, cache unchanged) when the index cannot be reached.
     * A request with {@link CreateRequest#upgradeEmbedWheels()} upgrades first, then creates.
     */
    public static EmbedWheelUpgrade.Result upgradeEmbedWheels(Path appData, Map<String, String> environment) {
        return EmbedWheelUpgrade.run(appData, environment);
    }

    /**
     * The original virtualenv's {@code --relocatable ENV}: make an existing environment (and the
     * packages installed in it since) independent of its path, without re-creating or re-seeding
     * it. Activators already present are rendered again in relocatable form. Runs no interpreter.
     */
    public static RelocationReport makeRelocatable(CreateRequest request) {
        return RelocationPlan.of(request, Destination.absolute(request)).run().relocation();
    }
}

package org.jvirtualenv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.activation.ActivationContext;
import org.jvirtualenv.activation.Activator;
import org.jvirtualenv.activation.Activators;
import org.jvirtualenv.create.PyvenvCfg;
import org.jvirtualenv.relocate.RelocationReport;
import org.jvirtualenv.relocate.Relocator;

/**
 * The original virtualenv's {@code --relocatable ENV} on an existing environment: it (and the
 * packages installed in it since) is made independent of its path, without re-creating or
 * re-seeding it. Activators already present are rendered again in relocatable form. Runs no
 * interpreter.
 */
public record RelocationPlan(Path destination, ActivationContext activation, List<Activator> activators)
        implements Plan {

    public RelocationPlan {
        activators = List.copyOf(activators);
    }

    /** The environment's facts as its pyvenv.cfg and its directories tell them. */
    static RelocationPlan of(CreateRequest request, Path dest) {
        Map<String, String> cfg;
        try {
            cfg = PyvenvCfg.parse(Files.readString(dest.resolve(Destination.PYVENV_CFG)));
        } catch (IOException e) {
            throw new VirtualenvException("cannot read " + dest.resolve(Destination.PYVENV_CFG) + ": "
                    + Destination.describe(e), e);
        }
        String binName = Files.isDirectory(dest.resolve("Scripts")) && !Files.isDirectory(dest.resolve("bin")) ? "Scripts" : "bin";
        String version = cfg.getOrDefault("version", cfg.getOrDefault("version_info", ""));
        String majorMinor = version.replaceFirst("^(\\d+\\.\\d+).*$", "$1");
        List<String> sites = new ArrayList<>();
        try {
            for (Path site : Relocator.sitePackages(dest)) {
                sites.add(dest.relativize(site).toString().replace('\\', '/'));
            }
        } catch (IOException e) {
            throw new VirtualenvException("cannot read " + dest + ": " + Destination.describe(e), e);
        }
        String prompt = cfg.containsKey("prompt") ? cfg.get("prompt") : dest.getFileName().toString();
        ActivationContext context = new ActivationContext(dest, binName, prompt, binName.equals("Scripts"), sites,
                majorMinor, true);
        List<Activator> activators = request.activators() == null ? Activators.present(context.binDir())
                : Activators.select(request.activators());
        return new RelocationPlan(dest, context, activators);
    }

    @Override
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("make the existing environment ").append(destination).append(" relocatable\n");
        out.append("  activators rendered again: ")
                .append(String.join(", ", activators.stream().map(Activator::name).toList())).append('\n');
        out.append("  scripts, .pth and .egg-link files made independent of its path\n");
        return out.toString();
    }

    @Override
    public RelocationResult run() {
        try {
            for (Activator activator : activators) {
                activator.generate(activation);
            }
        } catch (IOException e) {
            throw new VirtualenvException("failed to rewrite the activators of " + destination + ": "
                    + Destination.describe(e), e);
        }
        RelocationReport report = new Relocator().relocate(destination);
        return new RelocationResult(destination, activators.stream().map(Activator::displayName).toList(), report);
    }
}

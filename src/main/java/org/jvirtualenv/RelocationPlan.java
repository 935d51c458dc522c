package org.jvirtualenv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.activation.ActivationContext;
import org.jvirtualenv.activation.Activator;
import org.jvirtualenv.activation.Activators;
import org.jvirtualenv.create.EnvLayout;
import org.jvirtualenv.create.PyvenvCfg;
import org.jvirtualenv.relocate.RelocationReport;
import org.jvirtualenv.relocate.Relocator;
import org.jvirtualenv.util.VirtualenvException;

/**
 * The original virtualenv's {@code --relocatable ENV} on an existing environment: it (and the
 * packages installed in it since) is made independent of its path, without re-creating or
 * re-seeding it. Activators already present are rendered again in relocatable form. Runs no
 * interpreter.
 */
public record RelocationPlan(Path destination, EnvLayout layout, ActivationContext activation, List<Activator> activators)
        implements Plan {

    public RelocationPlan {
        activators = List.copyOf(activators);
    }

    /** The environment's facts as its pyvenv.cfg and its directories tell them. */
    static RelocationPlan of(CreateRequest request, Path dest) {
        Map<String, String> cfg;
        EnvLayout layout;
        try {
            cfg = PyvenvCfg.read(dest);
            layout = EnvLayout.read(dest);
        } catch (IOException e) {
            throw new VirtualenvException("cannot read " + dest.resolve(PyvenvCfg.FILE_NAME) + ": "
                    + Destination.describe(e), e);
        }
        ActivationContext context = ActivationContext.of(layout, dest, cfg.get("prompt"), true);
        List<Activator> activators = request.activators() == null ? Activators.present(context.binDir())
                : Activators.select(request.activators());
        return new RelocationPlan(dest, layout, context, activators);
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
        RelocationReport report = new Relocator().relocate(destination, layout);
        return new RelocationResult(destination, activators.stream().map(Activator::displayName).toList(), report);
    }
}

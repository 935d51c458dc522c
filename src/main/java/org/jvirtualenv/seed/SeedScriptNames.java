package org.jvirtualenv.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jvirtualenv.discovery.PythonVersion;

/**
 * Console-script names for seeded distributions, as virtualenv's seeder names them: {@code name},
 * {@code nameX}, {@code name-X.Y} and {@code nameX.Y} for the target version (pip itself makes all
 * but {@code name-X.Y}, which scripts written for virtualenv environments may call). Names a wheel
 * declares for the version it was built on ({@code pip3}, {@code pip3.10}) are folded into their
 * base name first, so an env never gets a {@code pip3.10} that belongs to another interpreter.
 */
public final class SeedScriptNames implements UnaryOperator<List<EntryPoint>> {
    private final PythonVersion target;

    public SeedScriptNames(PythonVersion target) {
        this.target = target;
    }

    @Override
    public List<EntryPoint> apply(List<EntryPoint> declared) {
        Set<String> declaredNames = declared.stream().map(EntryPoint::name).collect(Collectors.toSet());
        Map<String, EntryPoint> byBase = new LinkedHashMap<>();
        for (EntryPoint ep : declared) {
            String base = ep.name().replaceFirst("-?\\d+(\\.\\d+)?$", "");
            boolean versioned = !base.isEmpty() && !base.equals(ep.name()) && declaredNames.contains(base);
            String name = versioned ? base : ep.name();
            byBase.putIfAbsent(name, ep.renamed(name));
        }
        List<EntryPoint> result = new ArrayList<>();
        for (EntryPoint ep : byBase.values()) {
            result.add(ep);
            result.add(ep.renamed(ep.name() + target.major()));
            result.add(ep.renamed(ep.name() + "-" + target.major() + "." + target.minor()));
            result.add(ep.renamed(ep.name() + target.major() + "." + target.minor()));
        }
        return result;
    }
}

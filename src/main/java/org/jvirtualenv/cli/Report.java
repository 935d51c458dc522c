package org.jvirtualenv.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.CreateResult;
import org.jvirtualenv.create.CreatorChoice;
import org.jvirtualenv.create.Creators;
import org.jvirtualenv.create.VenvRedirect;
import org.jvirtualenv.relocate.RelocationReport;
import org.jvirtualenv.seed.EmbedWheelUpgrade;
import org.jvirtualenv.seed.InstalledDistribution;
import org.jvirtualenv.seed.SeedChoice;
import org.jvirtualenv.seed.SeedOptions;
import org.jvirtualenv.seed.SeederKind;

/** The lines printed after a creation, in virtualenv's shape so scripts that read them keep working. */
final class Report {
    private Report() {
    }

    /** virtualenv prints its tri-state option as Python's None, True or False. */
    private static String redirect(VenvRedirect redirect) {
        switch (redirect) {
            case ALWAYS:
                return "True";
            case NEVER:
                return "False";
            default:
                return "None";
        }
    }

    static String render(CreateResult result) {
        CreateRequest req = result.request();
        StringBuilder out = new StringBuilder();
        if (result.upgrade() != null) {
            out.append(renderUpgrade(result.upgrade()));
        }
        out.append("created virtual environment ").append(result.python().displayName())
                .append(" in ").append(result.millis()).append("ms\n");
        out.append("  creator ").append(result.creator()).append("(dest=").append(result.destination())
                .append(", clear=").append(py(req.clear()))
                .append(", no_vcs_ignore=").append(py(!req.vcsIgnore()))
                .append(", venv_redirect=").append(redirect(req.venvRedirect()))
                .append(", global=").append(py(req.systemSitePackages()));
        if (req.creator() == CreatorChoice.VENV) {
            // As virtualenv 21 says which native creator the venv module stands in for.
            out.append(", describe=").append(Creators.forTarget(result.python()).name());
        }
        out.append(")\n");
        SeedOptions seed = req.seed();
        if (seed.enabled()) {
            // As virtualenv 21 prints it: the download flag, then each distribution that is seeded.
            boolean pipInvoke = seed.seeder() == SeederKind.PIP;
            List<String> fields = new ArrayList<>();
            fields.add("download=" + py(seed.download()));
            // Each distribution's choice as the seeder decided it (the defaults depend on the target).
            for (Map.Entry<String, String> choice : result.seed().choices().entrySet()) {
                if (!choice.getValue().equals(SeedChoice.NONE.text())) {
                    fields.add(choice.getKey() + "=" + choice.getValue());
                }
            }
            // pip's own seeding has no link mode and, for virtualenv 21, no cache to name.
            if (!pipInvoke) {
                fields.add("via=" + result.seed().via());
                fields.add("app_data_dir=" + seed.appData());
            }
            out.append(pipInvoke ? "  seeder PipInvoke(" : "  seeder FromAppData(")
                    .append(String.join(", ", fields)).append(")\n");
            if (!result.seed().installed().isEmpty()) {
                out.append("    added seed packages: ").append(String.join(", ",
                        result.seed().installed().stream().map(InstalledDistribution::pinned).toList())).append('\n');
            }
            for (String skipped : result.seed().skipped()) {
                out.append("    skipped ").append(skipped).append('\n');
            }
        }
        // Without seeding virtualenv 21 leaves the seeder line out, without activators (--activators
        // "") the activators line, and so does this report.
        if (!result.activators().isEmpty()) {
            out.append("  activators ").append(String.join(",", result.activators())).append('\n');
        }
        if (result.relocation() != null) {
            out.append("  relocatable: ").append(summary(result.relocation())).append('\n');
        }
        return out.toString();
    }

    static String renderUpgrade(EmbedWheelUpgrade.Result upgrade) {
        StringBuilder out = new StringBuilder("upgraded embedded wheels in ").append(upgrade.directory()).append('\n');
        for (String line : upgrade.lines()) {
            out.append("  ").append(line).append('\n');
        }
        return out.toString();
    }

    static String renderRelocation(Path env, RelocationReport relocation) {
        return "made " + env + " relocatable: " + summary(relocation) + "\n";
    }

    private static String summary(RelocationReport relocation) {
        String text = relocation.rewritten().size() + " files rewritten";
        if (!relocation.untouched().isEmpty()) {
            text += ", " + relocation.untouched().size() + " left untouched (see -v)";
        }
        return text;
    }

    private static String py(boolean value) {
        return value ? "True" : "False";
    }
}

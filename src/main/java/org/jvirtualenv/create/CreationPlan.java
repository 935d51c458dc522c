package org.jvirtualenv.create;

import java.util.ArrayList;
import java.util.List;

/** The ordered filesystem actions that make one environment. */
public record CreationPlan(List<PlanStep> steps) {
    public CreationPlan {
        steps = List.copyOf(steps);
    }

    /** One line per step ("mkdir bin", "link bin/python -> /usr/bin/python3", ...), for logs and tests. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (PlanStep step : steps) {
            if (step instanceof PlanStep.MakeDir d) {
                out.add("mkdir " + d.path());
            } else if (step instanceof PlanStep.CopyFile c) {
                out.add("copy " + c.path() + " <- " + c.source());
            } else if (step instanceof PlanStep.Symlink s) {
                out.add("link " + s.path() + " -> " + s.target());
            } else if (step instanceof PlanStep.WriteText w) {
                out.add("write " + w.path() + (w.keepExisting() ? " unless present" : ""));
            }
        }
        return out;
    }

    /** Collects steps in order. */
    public static final class Builder {
        private final List<PlanStep> steps = new ArrayList<>();

        public Builder dir(String path) {
            steps.add(new PlanStep.MakeDir(path));
            return this;
        }

        public Builder symlink(String path, String target) {
            steps.add(new PlanStep.Symlink(path, target));
            return this;
        }

        public Builder copy(String path, String source) {
            steps.add(new PlanStep.CopyFile(path, source));
            return this;
        }

        public Builder text(String path, String content) {
            steps.add(new PlanStep.WriteText(path, content));
            return this;
        }

        /** A file the user may have changed: an existing one is kept, as virtualenv does. */
        public Builder textUnlessPresent(String path, String content) {
            steps.add(new PlanStep.WriteText(path, content, true));
            return this;
        }

        public CreationPlan build() {
            return new CreationPlan(steps);
        }
    }
}

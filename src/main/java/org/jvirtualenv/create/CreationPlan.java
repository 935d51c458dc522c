package org.jvirtualenv.create;

import java.util.ArrayList;
import java.util.List;

/** The ordered filesystem actions that make one environment. */
public record CreationPlan(List<PlanStep> steps) {
    public CreationPlan {
        steps = List.copyOf(steps);
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

        public CreationPlan build() {
            return new CreationPlan(steps);
        }
    }
}

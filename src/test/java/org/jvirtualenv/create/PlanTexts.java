package org.jvirtualenv.create;

/** What a plan writes, for tests that check a file's content rather than the list of steps. */
final class PlanTexts {
    private PlanTexts() {
    }

    /** The text the plan writes at {@code path} (relative to the environment). */
    static String written(CreationPlan plan, String path) {
        return plan.steps().stream().filter(s -> s instanceof PlanStep.WriteText && s.path().equals(path))
                .map(s -> ((PlanStep.WriteText) s).content()).findFirst().orElseThrow();
    }
}

package org.jvirtualenv.create;

import java.io.IOException;

/**
 * A creator that knows every file up front: it computes a {@link CreationPlan} (which tests can
 * inspect without touching the disk) and creation only applies it. All our native creators are.
 */
public interface PlannedCreator extends Creator {
    CreationPlan plan(CreatorInput input);

    @Override
    default void create(CreatorInput input) throws IOException {
        new PlanExecutor().apply(plan(input), input.destination());
    }
}

package org.jvirtualenv.create;

/** Plans the files of an environment for one kind of interpreter. */
public interface Creator {
    CreationPlan plan(CreatorInput input);

    /** Name in the creation report, e.g. "CPython3Posix". */
    String name();
}

package org.jvirtualenv.create;

/**
 * When to write the PEP 832 (draft) {@code .venv} redirect file beside the environment, pointing
 * tools that look for {@code PROJECT/.venv} at it. See {@link RedirectFile} for the exact rules.
 */
public enum VenvRedirect {
    /** Only beside a {@code pyproject.toml} that has no {@code .venv} yet (the default). */
    AUTO,
    /** Also outside a project, and replacing a redirect to an environment virtualenv made ({@code --venv-redirect}). */
    ALWAYS,
    /** Never ({@code --no-venv-redirect}). */
    NEVER
}

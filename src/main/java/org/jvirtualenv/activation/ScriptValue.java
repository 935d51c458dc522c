package org.jvirtualenv.activation;

/**
 * A raw value to substitute for a template placeholder.
 *
 * @param placeholder the token in the template, e.g. {@code __VIRTUAL_ENV__}
 * @param raw         the unquoted value
 * @param description how to name the value in an error, e.g. "the environment path"
 */
public record ScriptValue(String placeholder, String raw, String description) {
}

package org.jvirtualenv.config;

/**
 * What an option's value is, attached to each option of the table ({@code OptionSpec.userObject})
 * so the configuration sources know how to read the same key from a variable or the ini file.
 */
enum ValueKind {
    /** A boolean flag: {@code 1/yes/true/on} or {@code 0/no/false/off}. */
    FLAG,
    /** One string, parsed by the option's own typed parser later. */
    TEXT,
    /** Items on lines, else comma separated. */
    LIST,
    /** As LIST, and each item may also hold several paths joined by the path separator. */
    PATH_LIST,
    /** -v / -q: read before the command line is parsed, to set up logging. */
    COUNT,
    /** Not configurable: help, version. */
    NONE
}

package org.jvirtualenv.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jvirtualenv.util.VirtualenvException;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option's value comes from when the command line does not give it: the variable
 * {@code VIRTUALENV_<KEY>}, then the {@code [virtualenv]} section of the ini file. KEY is any of
 * the option's names without its dashes, {@code -} as {@code _} (upper case for the variable), so
 * every alias works in both places. An empty value counts as unset.
 *
 * <p>picocli asks this provider for each option's default before it parses the command line, so
 * the command line wins and picocli's one option table is the only catalogue of names. Flags are
 * validated here and handed to picocli as {@code true}/{@code false}; a value that does not parse
 * is kept as a usage error naming its source, raised by {@link #checkErrors()} before anything is
 * done. Lists are read with {@link #list(OptionSpec)} (picocli would split them its own way).
 */
public final class ConfigSources implements IDefaultValueProvider {
    private static final String PREFIX = "VIRTUALENV_";

    private final Map<String, String> environment;
    private final ConfigFile file;
    private final Map<OptionSpec, Setting> used = new HashMap<>();
    private final List<VirtualenvException> errors = new ArrayList<>();

    private ConfigSources(Map<String, String> environment, ConfigFile file) {
        this.environment = Map.copyOf(environment);
        this.file = file;
    }

    /**
     * No variables and no file: the bare table, as the build generates completion scripts and
     * the man page from it (the machine that builds must not leave its own settings in them).
     */
    public static ConfigSources none() {
        Path shown = ConfigFile.defaultPath(Map.of("HOME", "~"));
        return new ConfigSources(Map.of(), new ConfigFile(shown, ConfigFile.Status.MISSING, null, Map.of()));
    }

    /** The variables of {@code environment} and the ini file they point at (see {@link ConfigFile#defaultPath}). */
    public static ConfigSources of(Map<String, String> environment) {
        return of(environment, ConfigFile.defaultPath(environment));
    }

    /** The variables of {@code environment} and an ini file chosen by the caller. */
    public static ConfigSources of(Map<String, String> environment, Path iniFile) {
        return new ConfigSources(environment, ConfigFile.read(iniFile));
    }

    public ConfigFile file() {
        return file;
    }

    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || !(option.userObject() instanceof ValueKind kind)) {
            return null;
        }
        if (kind != ValueKind.FLAG && kind != ValueKind.TEXT) {
            return null;
        }
        Optional<Setting> found = lookup(keys(option));
        if (found.isEmpty()) {
            return null;
        }
        Setting setting = found.get();
        used.put(option, setting);
        if (kind == ValueKind.TEXT) {
            return setting.value();
        }
        try {
            return Boolean.toString(Values.bool(setting.value()));
        } catch (IllegalArgumentException e) {
            errors.add(setting.invalid(e.getMessage()));
            return null;
        }
    }

    /** The first value that did not parse, as a usage error naming its source. */
    public void checkErrors() {
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
    }

    /** The source of a value picocli took from here as the option's default, if it did. */
    public Optional<Setting> used(OptionSpec option) {
        return Optional.ofNullable(used.get(option));
    }

    /**
     * A flag's value from the variables or the ini file. picocli asks the provider only for
     * options outside argument groups; the exclusive pairs ({@code --copies}/{@code --symlinks})
     * are read here.
     *
     * @throws VirtualenvException (usage) for a value that is not a boolean
     */
    public boolean flag(OptionSpec option) {
        Optional<Setting> found = lookup(keys(option));
        if (found.isEmpty()) {
            return false;
        }
        used.put(option, found.get());
        try {
            return Values.bool(found.get().value());
        } catch (IllegalArgumentException e) {
            throw found.get().invalid(e.getMessage());
        }
    }

    /** A list option's items from the variables or the ini file, with their source; empty when neither sets it. */
    public Optional<Sourced<List<String>>> list(OptionSpec option) {
        ValueKind kind = (ValueKind) option.userObject();
        Optional<Setting> found = lookup(keys(option));
        return found.map(s -> new Sourced<>(Values.list(s.value(), kind == ValueKind.PATH_LIST), s));
    }

    /**
     * A count such as {@code VIRTUALENV_VERBOSE=2}, read before the option table exists.
     *
     * @throws VirtualenvException (usage) for a value that is not a whole number from 0
     */
    public int count(String... keys) {
        Optional<Setting> found = lookup(List.of(keys));
        if (found.isEmpty()) {
            return 0;
        }
        try {
            return Values.count(found.get().value());
        } catch (IllegalArgumentException e) {
            throw found.get().invalid(e.getMessage());
        }
    }

    /** A boolean such as {@code VIRTUALENV_WITH_TRACEBACK=1}, read before the option table exists. */
    public boolean flag(String... keys) {
        Optional<Setting> found = lookup(List.of(keys));
        if (found.isEmpty()) {
            return false;
        }
        try {
            return Values.bool(found.get().value());
        } catch (IllegalArgumentException e) {
            throw found.get().invalid(e.getMessage());
        }
    }

    /** A value with where it came from. */
    public record Sourced<T>(T value, Setting setting) {
    }

    private Optional<Setting> lookup(List<String> keys) {
        for (String key : keys) {
            String name = PREFIX + key.toUpperCase(Locale.ROOT);
            String value = environment.get(name);
            if (value != null && !value.isEmpty()) {
                return Optional.of(new Setting(Setting.Source.ENVIRONMENT, name, value, null));
            }
        }
        for (String key : keys) {
            String value = file.values().get(key);
            if (value != null && !value.isEmpty()) {
                return Optional.of(new Setting(Setting.Source.CONFIG_FILE, key, value, file.path()));
            }
        }
        return Optional.empty();
    }

    /** {@code --always-copy} → {@code always_copy}; {@code -p} → {@code p}. */
    static List<String> keys(OptionSpec option) {
        List<String> keys = new ArrayList<>();
        for (String name : option.names()) {
            int start = 0;
            while (start < name.length() && name.charAt(start) == '-') {
                start++;
            }
            keys.add(name.substring(start).replace('-', '_').toLowerCase(Locale.ROOT));
        }
        return keys;
    }
}

package org.jvirtualenv.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.create.CreatorChoice;
import org.jvirtualenv.create.VenvRedirect;
import org.jvirtualenv.seed.LinkMode;
import org.jvirtualenv.seed.SeederKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every option from the command line, a VIRTUALENV_* variable or the ini file, through the public
 * {@link CommandLineRequest}: precedence, aliases, empty values, lists and bad values.
 */
class ConfigurationTest {
    @TempDir
    Path tmp;

    private final Map<String, String> env = new HashMap<>();

    private Path ini(String... lines) throws IOException {
        Path file = tmp.resolve("virtualenv.ini");
        Files.writeString(file, "[virtualenv]\n" + String.join("\n", lines) + "\n");
        env.put("VIRTUALENV_CONFIG_FILE", file.toString());
        return file;
    }

    private CreateRequest request(String... args) {
        env.putIfAbsent("HOME", tmp.toString());
        return CommandLineRequest.parse(List.of(args), ConfigSources.of(env), tmp);
    }

    private VirtualenvException refused(String... args) {
        VirtualenvException e = assertThrows(VirtualenvException.class, () -> request(args));
        assertEquals(VirtualenvException.USAGE, e.exitCode());
        return e;
    }

    @Test
    void theCommandLineWinsThenTheVariableThenTheFile() throws IOException {
        ini("prompt = from-ini", "seeder = pip", "app_data = /ini/cache", "clear = true");
        env.put("VIRTUALENV_PROMPT", "from-env");
        env.put("VIRTUALENV_CLEAR", "false");
        CreateRequest request = request("--prompt", "from-cli", "d");
        assertEquals("from-cli", request.prompt());
        assertEquals(SeederKind.PIP, request.seed().seeder(), "the file fills what nothing else sets");
        assertEquals(Path.of("/ini/cache"), request.seed().appData());
        assertFalse(request.clear(), "the variable beats the file");
        assertEquals("from-env", request("d").prompt());
        assertTrue(request("--clear", "d").clear(), "the command line beats the variable");
    }

    @Test
    void everyAliasWorksInBothPlaces() throws IOException {
        env.put("VIRTUALENV_ALWAYS_COPY", "1");
        env.put("VIRTUALENV_NEVER_DOWNLOAD", "yes");
        env.put("VIRTUALENV_WITHOUT_PIP", "on");
        env.put("VIRTUALENV_P", "3.10");
        CreateRequest request = request("d");
        assertTrue(request.copies());
        assertFalse(request.seed().download());
        assertFalse(request.seed().enabled());
        assertEquals(List.of("3.10"), request.pythonSpecs());

        env.clear();
        ini("always-copy = TRUE", "without_pip = On", "p = pypy3", "download = 1");
        request = request("d");
        assertTrue(request.copies());
        assertFalse(request.seed().enabled());
        assertTrue(request.seed().download());
        assertEquals(List.of("pypy3"), request.pythonSpecs());
    }

    @Test
    void aFlagOnTheCommandLineBeatsItsOppositeFromTheConfiguration() {
        env.put("VIRTUALENV_COPIES", "1");
        env.put("VIRTUALENV_DOWNLOAD", "1");
        CreateRequest request = request("--symlinks", "--no-download", "d");
        assertFalse(request.copies());
        assertFalse(request.seed().download());
        assertTrue(request("d").copies());
    }

    @Test
    void anEmptyValueCountsAsUnset() throws IOException {
        ini("prompt = from-ini");
        env.put("VIRTUALENV_PROMPT", "");
        env.put("VIRTUALENV_SYSTEM_SITE_PACKAGES", "");
        CreateRequest request = request("d");
        assertEquals("from-ini", request.prompt());
        assertFalse(request.systemSitePackages());
    }

    @Test
    void listsSplitOnLinesElseCommasAndPathListsOnTheSeparatorToo() throws IOException {
        env.put("VIRTUALENV_ACTIVATORS", "bash, fish");
        env.put("VIRTUALENV_EXTRA_SEARCH_DIR", "/a:/b,/c");
        env.put("VIRTUALENV_TRY_FIRST_WITH", "/opt/x/python3,/opt/y/python3");
        CreateRequest request = request("d");
        assertEquals(List.of("bash", "fish"), request.activators());
        assertEquals(List.of(Path.of("/a"), Path.of("/b"), Path.of("/c")), request.seed().extraSearchDirs());
        assertEquals(List.of("/opt/x/python3", "/opt/y/python3"), request.tryFirstWith());

        env.clear();
        ini("python =", "    3.12,x", "    3.11", "activators = python");
        request = request("d");
        assertEquals(List.of("3.12,x", "3.11"), request.pythonSpecs(), "one item per line when there are lines");
        assertEquals(List.of("python"), request.activators());
        assertEquals(List.of("bash"), request("--activators", "bash", "d").activators());
    }

    @Test
    void theInterpreterVariableStaysAFallbackAfterTheCommandLine() throws IOException {
        ini("python = 3.9");
        env.put("VIRTUALENV_PYTHON", "3.12");
        // Discovery tries VIRTUALENV_PYTHON after these (Discovery.specsFrom): here, nothing before it.
        assertEquals(List.of("3.12"), request("d").pythonSpecs(), "the variable, not the file");
        assertEquals(List.of("3.11"), request("-p", "3.11", "d").pythonSpecs());
        env.remove("VIRTUALENV_PYTHON");
        assertEquals(List.of("3.9"), request("d").pythonSpecs());
    }

    @Test
    void aBadValueNamesItsSourceAndWhatIsAllowed() throws IOException {
        env.put("VIRTUALENV_SYSTEM_SITE_PACKAGES", "maybe");
        assertEquals("VIRTUALENV_SYSTEM_SITE_PACKAGES=maybe: expected a boolean: 1, yes, true or on; 0, no, false or off",
                refused("d").getMessage());
        env.clear();
        Path file = ini("seeder = conda");
        assertEquals("seeder = conda in " + file + ": expected app-data or pip", refused("d").getMessage());
        env.put("VIRTUALENV_ACTIVATORS", "bash,tcsh");
        assertTrue(refused("--seeder", "pip", "d").getMessage()
                .startsWith("VIRTUALENV_ACTIVATORS=bash,tcsh: unknown activator 'tcsh': choose from bash, cshell"));
        env.remove("VIRTUALENV_ACTIVATORS");
        env.put("VIRTUALENV_PIP", "newest");
        assertEquals("VIRTUALENV_PIP=newest: expected bundle, embed, none or a version such as 24.2",
                refused("--seeder", "pip", "d").getMessage());
        assertEquals("--discovery 'magic': expected builtin, the only discovery method",
                refused("--seeder", "pip", "--discovery", "magic", "d").getMessage());
    }

    @Test
    void typedValuesFromEverySource() throws IOException {
        ini("setuptools = embed", "wheel = none");
        env.put("VIRTUALENV_PIP", "24.2");
        env.put("VIRTUALENV_NO_SETUPTOOLS", "true");
        CreateRequest request = request("d");
        assertEquals(Map.of("pip", "24.2", "setuptools", "none", "wheel", "none"), request.seed().choices());
        env.put("VIRTUALENV_DISCOVERY", "builtin");
        env.put("VIRTUALENV_NO_PERIODIC_UPDATE", "1");
        assertNull(request("d").prompt());
    }

    @Test
    void linkModeFromEverySourceWithItsAlias() throws IOException {
        assertEquals(LinkMode.HARDLINK, request("d").seed().linkMode(), "hardlink is the default");
        Path file = ini("link_mode = copy");
        assertEquals(LinkMode.COPY, request("d").seed().linkMode());
        env.put("VIRTUALENV_LINK_MODE", "symlink");
        assertEquals(LinkMode.SYMLINK, request("d").seed().linkMode(), "the variable beats the file");
        assertEquals(LinkMode.HARDLINK, request("--link-mode", "HardLink", "d").seed().linkMode(),
                "the command line beats the variable");
        env.remove("VIRTUALENV_LINK_MODE");
        assertEquals(LinkMode.SYMLINK, request("--symlink-app-data", "d").seed().linkMode(),
                "the alias on the command line beats the file's link_mode");
        assertEquals(LinkMode.SYMLINK, request("--symlink-app-data", "--link-mode", "symlink", "d").seed().linkMode());
        assertEquals("--link-mode 'copy': --symlink-app-data means --link-mode symlink: drop one of them",
                refused("--symlink-app-data", "--link-mode", "copy", "d").getMessage());
        Files.delete(file);
        env.put("VIRTUALENV_SYMLINK_APP_DATA", "1");
        assertEquals(LinkMode.SYMLINK, request("d").seed().linkMode(), "the alias works as a variable too");
        assertEquals(LinkMode.COPY, request("--link-mode", "copy", "d").seed().linkMode());
        env.remove("VIRTUALENV_SYMLINK_APP_DATA");
        env.put("VIRTUALENV_LINK_MODE", "reflink");
        assertEquals("VIRTUALENV_LINK_MODE=reflink: expected copy, hardlink or symlink", refused("d").getMessage());
        assertEquals("--link-mode 'clone': expected copy, hardlink or symlink",
                refused("--link-mode", "clone", "d").getMessage());
        ini("link_mode = hard");
        env.remove("VIRTUALENV_LINK_MODE");
        assertEquals("link_mode = hard in " + tmp.resolve("virtualenv.ini") + ": expected copy, hardlink or symlink",
                refused("d").getMessage());
    }

    @Test
    void anOptionGivenTwiceIsReadAsVirtualenv21ReadsIt() {
        // The last value wins; a flag stays set; -p adds up.
        CreateRequest request = request("--prompt", "a", "--prompt=b", "--creator", "builtin", "--creator", "venv",
                "--clear", "--clear", "--copies", "--always-copy", "--no-download", "--never-download",
                "-p", "3.12", "-p", "3.11", "d");
        assertEquals("b", request.prompt());
        assertEquals(CreatorChoice.VENV, request.creator());
        assertTrue(request.clear());
        assertTrue(request.copies());
        assertEquals(List.of("3.12", "3.11"), request.pythonSpecs());
        // --activators: the last one alone, not the two together.
        assertEquals(List.of("python"), request("--activators", "bash,fish", "--activators", "python", "d").activators());
        assertEquals(List.of("bash", "fish"), request("--activators", "bash,fish", "d").activators());
        // --venv-redirect and --no-venv-redirect are no exclusive pair: the later one wins.
        assertEquals(VenvRedirect.NEVER, request("--venv-redirect", "--no-venv-redirect", "d").venvRedirect());
        assertEquals(VenvRedirect.ALWAYS, request("--no-venv-redirect", "--venv-redirect", "d").venvRedirect());
        // Two different flags of a pair are still refused.
        assertTrue(refused("--copies", "--symlinks", "d").getMessage().contains("--symlinks"));
        assertTrue(refused("--download", "--no-download", "d").getMessage().contains("--no-download"));
    }

    @Test
    void anArgumentStartingWithAnAtSignIsTextNotAFileOfArguments() throws IOException {
        // picocli would read the file as more arguments, or fail on a directory.
        Path options = Files.writeString(tmp.resolve("opts"), "--clear\n");
        CreateRequest request = request("--prompt", "@" + options, "d");
        assertEquals("@" + options, request.prompt());
        assertFalse(request.clear());
        assertEquals("@" + tmp, request("--prompt", "@" + tmp, "d").prompt());
        assertEquals(Path.of("@" + options), request("@" + options).destination());
    }

    @Test
    void creatorAndRedirectFromEverySource() throws IOException {
        ini("creator = venv", "no_venv_redirect = true");
        CreateRequest request = request("d");
        assertEquals(CreatorChoice.VENV, request.creator());
        assertEquals(VenvRedirect.NEVER, request.venvRedirect());
        env.put("VIRTUALENV_VENV_REDIRECT", "1");
        env.put("VIRTUALENV_CREATOR", "cpython3-posix");
        request = request("d");
        assertEquals(CreatorChoice.CPYTHON3_POSIX, request.creator());
        assertEquals(VenvRedirect.ALWAYS, request.venvRedirect(), "the variable beats the file's opposite");
        assertEquals(VenvRedirect.NEVER, request("--no-venv-redirect", "d").venvRedirect());
        assertEquals(VenvRedirect.AUTO, CommandLineRequest.parse(List.of("d"), ConfigSources.of(Map.of()), tmp).venvRedirect());
        env.put("VIRTUALENV_CREATOR", "conda");
        assertTrue(refused("d").getMessage().startsWith("VIRTUALENV_CREATOR=conda: expected builtin, venv, cpython3-posix"));
    }

    @Test
    void theOptionsThisToolAddedWorkFromEverySourceToo() throws IOException {
        ini("allow_existing = yes", "upgrade_embed_wheels = true");
        CreateRequest request = request("d");
        assertTrue(request.allowExisting());
        assertTrue(request.upgradeEmbedWheels());
        env.put("VIRTUALENV_ALLOW_EXISTING", "0");
        assertFalse(request("d").allowExisting(), "the variable beats the file");
        env.put("VIRTUALENV_RELOCATABLE", "on");
        assertTrue(request("d").relocatable());
    }

    @Test
    void aBrokenFileIsIgnoredAndTheOtherSourcesApply() throws IOException {
        Path file = tmp.resolve("broken.ini");
        Files.writeString(file, "[virtualenv\nprompt = x\n");
        env.put("VIRTUALENV_CONFIG_FILE", file.toString());
        env.put("VIRTUALENV_CLEAR", "1");
        ConfigSources sources = ConfigSources.of(env);
        assertEquals(ConfigFile.Status.FAILED, sources.file().status());
        assertTrue(sources.file().helpLine().contains(" failed to parse (change via env var VIRTUALENV_CONFIG_FILE)"));
        CreateRequest request = CommandLineRequest.parse(List.of("d"), sources, tmp);
        assertTrue(request.clear());
        assertNull(request.prompt());
    }

    @Test
    void anExplicitIniFileForJavaCallers() throws IOException {
        Path file = Files.writeString(tmp.resolve("project.ini"), "[virtualenv]\nno_vcs_ignore = yes\n");
        CreateRequest request = CommandLineRequest.parse(List.of("env"), ConfigSources.of(Map.of(), file), tmp);
        assertFalse(request.vcsIgnore());
        assertEquals(tmp, request.workDir());
    }

    @Test
    void aValueIsTheUsersTextNotATemplate() {
        env.put("VIRTUALENV_PROMPT", "${HOME} $(id)");
        assertEquals("${HOME} $(id)", request("d").prompt());
    }

    @Test
    void anEmptyOrMissingDestIsAUsageError() {
        assertEquals("missing DEST: give the directory to create the environment in", refused().getMessage());
        assertTrue(refused("").getMessage().startsWith("DEST is empty:"));
    }
}

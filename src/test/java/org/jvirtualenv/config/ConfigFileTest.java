package org.jvirtualenv.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading virtualenv.ini as virtualenv users write it, and finding it where virtualenv looks. */
class ConfigFileTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheVirtualenvSectionOnly() {
        Map<String, String> values = ConfigFile.parse(String.join("\n",
                "# a comment",
                "[other]",
                "clear = true",
                "[virtualenv]",
                "; another comment",
                "System_Site_Packages = yes",
                "prompt: my env ",
                "python =",
                "    3.12",
                "",
                "    3.11",
                "app-data=/srv/cache",
                "[after]",
                "no_seed = 1"));
        assertEquals(Map.of("system_site_packages", "yes", "prompt", "my env", "python", "3.12\n3.11",
                "app_data", "/srv/cache"), values);
    }

    @Test
    void missingMalformedAndUnreadableFilesSaySo() throws IOException {
        ConfigFile missing = ConfigFile.read(tmp.resolve("none.ini"));
        assertEquals(ConfigFile.Status.MISSING, missing.status());
        assertNull(missing.problem());

        Path broken = Files.writeString(tmp.resolve("broken.ini"), "[virtualenv]\nthis line has no value\n");
        ConfigFile failed = ConfigFile.read(broken);
        assertEquals(ConfigFile.Status.FAILED, failed.status());
        assertEquals("line 2: expected 'key = value', found 'this line has no value'", failed.problem());
        assertEquals(Map.of(), failed.values());

        Path noSection = Files.writeString(tmp.resolve("nosection.ini"), "clear = true\n");
        assertEquals("line 1: 'clear = true' comes before any [section]", ConfigFile.read(noSection).problem());

        Path latin1 = Files.write(tmp.resolve("latin1.ini"), new byte[] {'[', 'v', ']', '\n', 'p', '=', (byte) 0xe9});
        assertEquals("not UTF-8 text", ConfigFile.read(latin1).problem());

        Path directory = Files.createDirectory(tmp.resolve("dir.ini"));
        assertEquals(ConfigFile.Status.FAILED, ConfigFile.read(directory).status());

        ConfigFile active = ConfigFile.read(Files.writeString(tmp.resolve("ok.ini"), "[virtualenv]\nclear = 1\n"));
        assertEquals(ConfigFile.Status.ACTIVE, active.status());
        assertEquals("config file " + active.path() + " active (change via env var VIRTUALENV_CONFIG_FILE)",
                active.helpLine());
    }

    @Test
    void isFoundWhereVirtualenvLooks() {
        assertEquals(Path.of("/etc/my.ini"), ConfigFile.defaultPath(Map.of("VIRTUALENV_CONFIG_FILE", "/etc/my.ini",
                "XDG_CONFIG_HOME", "/x", "HOME", "/h")));
        assertEquals(Path.of("/x/virtualenv/virtualenv.ini"), ConfigFile.defaultPath(Map.of("XDG_CONFIG_HOME", "/x",
                "HOME", "/h")));
        assertEquals(Path.of("/h/.config/virtualenv/virtualenv.ini"), ConfigFile.defaultPath(Map.of("HOME", "/h")));
        assertEquals(Path.of("/h/.config/virtualenv/virtualenv.ini"),
                ConfigFile.defaultPath(Map.of("HOME", "/h", "XDG_CONFIG_HOME", "relative", "VIRTUALENV_CONFIG_FILE", "")),
                "an empty variable is unset; a relative XDG dir is ignored, as the XDG rules say");
        assertTrue(ConfigFile.defaultPath(Map.of()).toString().endsWith(".config/virtualenv/virtualenv.ini"));
    }
}

package org.jvirtualenv.activation;

/**
 * One file an activator writes.
 *
 * @param template   name under {@code scripts-templates/}
 * @param outputName name inside the env's scripts directory
 * @param crlf       write CRLF line endings (cmd.exe mis-parses labels and blocks with bare LF)
 * @param bom        start with a UTF-8 byte order mark (Windows PowerShell 5 reads a BOM-less
 *                   script in the ANSI code page and would mangle non-ASCII paths)
 */
public record ScriptFile(String template, String outputName, boolean crlf, boolean bom) {
    public static ScriptFile plain(String name) {
        return new ScriptFile(name, name, false, false);
    }
}

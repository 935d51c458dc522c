package org.jvirtualenv.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.jvirtualenv.activation.quoting.BatchQuoter;
import org.jvirtualenv.activation.quoting.CshQuoter;
import org.jvirtualenv.activation.quoting.FishQuoter;
import org.jvirtualenv.activation.quoting.NushellQuoter;
import org.jvirtualenv.activation.quoting.PosixShellQuoter;
import org.jvirtualenv.activation.quoting.PowerShellQuoter;
import org.jvirtualenv.activation.quoting.PythonQuoter;
import org.jvirtualenv.activation.quoting.UnquotableValueException;
import org.jvirtualenv.activation.quoting.XonshQuoter;

/** Input → token tables, one per shell family. '|' separates raw and expected (CSV quoting is off). */
class QuoterTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            plain            | 'plain'
            ~~               | ''
            a b              | 'a b'
            it's             | 'it'\\''s'
            $(x) `y` "z" \\  | '$(x) `y` "z" \\'
            50%! é           | '50%! é'
            """)
    void posix(String raw, String token) throws Exception {
        assertEquals(token, new PosixShellQuoter().quote(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            plain        | 'plain'
            it's         | 'it'\\''s'
            a!b          | 'a'\\!'b'
            !!           | ''\\!''\\!''
            $x `y` \\ %  | '$x `y` \\ %'
            """)
    void csh(String raw, String token) throws Exception {
        assertEquals(token, new CshQuoter().quote(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\rb"})
    void cshRefusesLineBreaks(String raw) {
        UnquotableValueException e = assertThrows(UnquotableValueException.class, () -> new CshQuoter().quote(raw));
        assertEquals("csh cannot hold a newline", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            plain         | 'plain'
            it's          | 'it\\'s'
            back\\slash   | 'back\\\\slash'
            $x (y) "z" !  | '$x (y) "z" !'
            """)
    void fish(String raw, String token) {
        assertEquals(token, new FishQuoter().quote(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            plain          | "plain"
            say "hi"       | "say \\"hi\\""
            back\\slash    | "back\\\\slash"
            $(x) 'y' `z`   | "$(x) 'y' `z`"
            """)
    void nushell(String raw, String token) {
        assertEquals(token, new NushellQuoter().quote(raw));
    }

    @org.junit.jupiter.api.Test
    void nushellWritesControlCharactersAsEscapes() {
        assertEquals("\"a\\u{a}b\\u{9}\\u{7f}\"", new NushellQuoter().quote("a\nb\t\u007f"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            plain           | 'plain'
            it's            | 'it''s'
            $env:X `n "y"   | '$env:X `n "y"'
            a\u2018b\u2019c | 'a\u2018\u2018b\u2019\u2019c'
            """)
    void powershell(String raw, String token) {
        assertEquals(token, new PowerShellQuoter().quote(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            C:\\my env      | "C:\\my env"
            50%             | "50%%"
            %PATH%          | "%%PATH%%"
            ~a&b|c<d>e^f(g)!~ | ~"a&b|c<d>e^f(g)!"~
            """)
    void batch(String raw, String token) throws Exception {
        assertEquals(token, new BatchQuoter().quote(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\"b", "a\nb", "a\rb", "a*b", "a?b"})
    void batchRefusesWhatCmdCannotHold(String raw) {
        assertThrows(UnquotableValueException.class, () -> new BatchQuoter().quote(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            plain     | b'plain'
            it's      | b'it\\'s'
            back\\sl  | b'back\\\\sl'
            é         | b'\\xc3\\xa9'
            \u2603    | b'\\xe2\\x98\\x83'
            """)
    void python(String raw, String token) {
        assertEquals(token, new PythonQuoter().quote(raw));
    }

    @org.junit.jupiter.api.Test
    void pythonEscapesControlCharacters() {
        assertEquals("b'a\\x0ab\\x09\\x7f'", new PythonQuoter().quote("a\nb\t\u007f"));
    }

    /** Only letters, digits, space and / . - _ stay as they are; everything else is an escape. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            /opt/my env-1.2_x  | '/opt/my env-1.2_x'
            ~~                 | ''
            it's "q"           | 'it\\x27s \\x22q\\x22'
            $HOME @(x) !(y)    | '\\x24HOME \\x40\\x28x\\x29 \\x21\\x28y\\x29'
            {env_name}`z`\\    | '\\x7benv_name\\x7d\\x60z\\x60\\x5c'
            é日\u2603           | '\\xe9\\u65e5\\u2603'
            """)
    void xonsh(String raw, String token) {
        assertEquals(token, new XonshQuoter().quote(raw));
    }

    @org.junit.jupiter.api.Test
    void xonshEscapesControlCharactersAndAstralCodePoints() {
        assertEquals("'a\\x0ab\\x09\\x7f\\U0001f600'", new XonshQuoter().quote("a\nb\t\u007f\uD83D\uDE00"));
    }
}

package org.jvirtualenv.activation;

import java.util.ArrayList;
import java.util.List;

/**
 * An environment directory name and prompt to try. Hostile payloads write a file named
 * {@value #MARKER} into the working directory if any shell ever runs them.
 */
record ProbeCase(String label, String envName, String prompt) {
    static final String MARKER = "MARKER";

    static ProbeCase plain() {
        return new ProbeCase("plain", "myenv", "myenv");
    }

    /** Characters that broke activators before; each is tried in the path and in the prompt. */
    static List<String> hostilePayloads() {
        return List.of(
                "with space",
                "unicode-\u00e9\u65e5\u672c-\u2603",
                "$(touch MARKER)",
                "`touch MARKER`",
                "x'; touch MARKER; '",
                "x\"; touch MARKER; \"",
                "a;touch MARKER",
                "bang!!-!touch",
                "back\\slash\\\\n\\",
                "per%cent%n%%%PATH%",
                "dollar $HOME ${PATH} $",
                "new\nline; touch MARKER\n",
                "amp & touch MARKER | cat > MARKER");
    }

    static List<ProbeCase> hostile() {
        List<ProbeCase> cases = new ArrayList<>();
        for (String payload : hostilePayloads()) {
            cases.add(new ProbeCase("path " + visible(payload), payload, "p"));
            cases.add(new ProbeCase("prompt " + visible(payload), "env", payload));
        }
        return cases;
    }

    boolean hasNewline() {
        return envName.contains("\n") || prompt.contains("\n");
    }

    static String visible(String s) {
        return s.replace("\n", "\\n");
    }
}

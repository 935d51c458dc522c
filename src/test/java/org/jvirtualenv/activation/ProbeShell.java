package org.jvirtualenv.activation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jvirtualenv.testing.Shells;

/** A real shell the activation scripts are tried in, and how to drive it without a terminal. */
enum ProbeShell {
    BASH("bash", Family.SH, List.of("--norc", "--noprofile"), "apt-get install bash"),
    DASH("dash", Family.SH, List.of(), "apt-get install dash"),
    ZSH("zsh", Family.SH, List.of("-f"), "apt-get install zsh"),
    KSH("ksh", Family.SH, List.of(), "apt-get install ksh"),
    MKSH("mksh", Family.SH, List.of(), "apt-get install mksh"),
    TCSH("tcsh", Family.CSH, List.of("-f"), "apt-get install tcsh"),
    CSH("csh", Family.CSH, List.of("-f"), "apt-get install csh"),
    FISH("fish", Family.FISH, List.of("--no-config"), "apt-get install fish"),
    NU("nu", Family.NU, List.of("--no-config-file", "--no-std-lib"), "npm install -g nushell"),
    XONSH("xonsh", Family.XONSH, List.of("--no-rc"), "apt-get install xonsh");

    enum Family {
        SH("activate", "probe.sh"),
        CSH("activate.csh", "probe.csh"),
        FISH("activate.fish", "probe.fish"),
        NU("activate.nu", "probe.nu"),
        XONSH("activate.xsh", "probe.xsh");

        final String script;
        final String probe;

        Family(String script, String probe) {
            this.script = script;
            this.probe = probe;
        }
    }

    final String executable;
    final Family family;
    final List<String> quietArgs;
    final String install;

    ProbeShell(String executable, Family family, List<String> quietArgs, String install) {
        this.executable = executable;
        this.family = family;
        this.quietArgs = quietArgs;
        this.install = install;
    }

    Optional<Path> path() {
        return Shells.find(executable);
    }

    String missingReason() {
        return Shells.notInstalled(executable, install);
    }

    /** The command that runs {@code script} non-interactively. */
    List<String> command(String script) {
        List<String> cmd = new ArrayList<>();
        cmd.add(path().orElseThrow().toString());
        cmd.addAll(quietArgs);
        cmd.add(script);
        return cmd;
    }

    /** The command for an interactive session reading its commands from standard input. */
    List<String> interactiveCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(path().orElseThrow().toString());
        cmd.addAll(quietArgs);
        cmd.add("-i");
        return cmd;
    }

    /** ksh and mksh turn '!' in PS1 into the history number when they draw the prompt. */
    boolean drawsBangAsHistoryNumber() {
        return this == KSH || this == MKSH;
    }
}

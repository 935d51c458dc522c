package org.jvirtualenv.discovery;

/** A Python version as sys.version_info reports it. */
public record PythonVersion(int major, int minor, int micro, String releaseLevel, int serial)
        implements Comparable<PythonVersion> {

    public String majorMinor() {
        return major + "." + minor;
    }

    /** "3.11.7" */
    public String dotted() {
        return major + "." + minor + "." + micro;
    }

    /** "3.11.7.final.0", the form virtualenv reports and writes to pyvenv.cfg. */
    public String full() {
        return dotted() + "." + releaseLevel + "." + serial;
    }

    public boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }

    @Override
    public int compareTo(PythonVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) c = Integer.compare(minor, o.minor);
        if (c == 0) c = Integer.compare(micro, o.micro);
        if (c == 0) c = Integer.compare(levelRank(releaseLevel), levelRank(o.releaseLevel));
        if (c == 0) c = Integer.compare(serial, o.serial);
        return c;
    }

    private static int levelRank(String level) {
        return switch (level) {
            case "alpha" -> 0;
            case "beta" -> 1;
            case "candidate" -> 2;
            default -> 3;
        };
    }
}

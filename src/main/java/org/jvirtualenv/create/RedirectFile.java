package org.jvirtualenv.create;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PEP 832 (draft) redirect: a file named {@code .venv} in the environment's parent folder
 * holding the environment's path relative to that folder (its name, and a newline), so tools that
 * look for {@code PROJECT/.venv} find an environment kept under another name.
 *
 * <p>The rules, as virtualenv 21.14.1 applies them:
 * <ul>
 * <li>{@link VenvRedirect#NEVER}, or an environment itself named {@code .venv}: nothing.
 * <li>{@link VenvRedirect#AUTO}: written only when the parent holds a {@code pyproject.toml} and
 *     no {@code .venv} of any kind; an existing one is left as it is.
 * <li>{@link VenvRedirect#ALWAYS}: written with or without {@code pyproject.toml}. An existing
 *     {@code .venv} is replaced only when it is a plain file (not a link, not a folder) of this
 *     user that points at an environment virtualenv or jvirtualenv made (its pyvenv.cfg has a
 *     {@code virtualenv} key), so a redirect we wrote moves to the newest environment and nothing
 *     else is ever overwritten.
 * </ul>
 * Links are never followed when writing: a new file is created exclusively, and a replaced one is
 * deleted first (which removes a link that appeared meanwhile, never its target). A redirect that
 * cannot be written is a warning: the environment itself is complete.
 */
public final class RedirectFile {
    private static final Logger LOG = LoggerFactory.getLogger(RedirectFile.class);
    public static final String NAME = ".venv";
    private static final int MAX_READ = 64 * 1024;

    /** What happened, and why (the reason is what -v logs). */
    public record Outcome(boolean written, Path file, String reason) {
    }

    private RedirectFile() {
    }

    /** Writes or skips the redirect for the environment at {@code dest} (absolute, normalized) and logs why. */
    public static Outcome apply(Path dest, VenvRedirect mode) {
        Outcome outcome;
        try {
            outcome = decideAndWrite(dest, mode);
        } catch (IOException e) {
            Path file = dest.getParent() == null ? null : dest.getParent().resolve(NAME);
            LOG.warn("could not write the {} redirect {}: {}", NAME, file, e.getMessage() == null ? e : e.getMessage());
            return new Outcome(false, file, "could not be written: " + e.getMessage());
        }
        if (outcome.written()) {
            LOG.debug("wrote {} pointing at {}: {}", outcome.file(), dest.getFileName(), outcome.reason());
        } else {
            LOG.debug("no {} redirect written: {}", NAME, outcome.reason());
        }
        return outcome;
    }

    private static Outcome decideAndWrite(Path dest, VenvRedirect mode) throws IOException {
        Path parent = dest.getParent();
        Path file = parent == null ? null : parent.resolve(NAME);
        if (mode == VenvRedirect.NEVER) {
            return new Outcome(false, file, "turned off (--no-venv-redirect)");
        }
        if (parent == null || dest.getFileName() == null) {
            return new Outcome(false, null, dest + " has no parent folder");
        }
        String name = dest.getFileName().toString();
        if (name.equals(NAME)) {
            return new Outcome(false, file, "the environment is itself named " + NAME);
        }
        if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            return new Outcome(false, file, "the environment's name has a line break, which the one-line file cannot hold");
        }
        if (mode == VenvRedirect.AUTO && !Files.isRegularFile(parent.resolve("pyproject.toml"))) {
            return new Outcome(false, file, parent + " has no pyproject.toml (--venv-redirect writes one anyway)");
        }
        String content = name + "\n";
        BasicFileAttributes existing = attributes(file);
        if (existing == null) {
            createExclusively(file, content);
            return new Outcome(true, file, mode == VenvRedirect.AUTO ? "beside pyproject.toml" : "--venv-redirect");
        }
        if (mode == VenvRedirect.AUTO) {
            return new Outcome(false, file, file + " already exists (--venv-redirect replaces a redirect virtualenv wrote)");
        }
        if (existing.isSymbolicLink()) {
            return new Outcome(false, file, file + " is a symbolic link, left as it is");
        }
        if (!existing.isRegularFile()) {
            return new Outcome(false, file, file + " is not a plain file, left as it is");
        }
        if (!ownedByUs(file)) {
            return new Outcome(false, file, file + " belongs to another user, left as it is");
        }
        String current = readLimited(file);
        if (current == null) {
            return new Outcome(false, file, file + " is too large to be a redirect, left as it is");
        }
        if (current.equals(content)) {
            return new Outcome(false, file, file + " already points at " + name);
        }
        String pointsAt = current.lines().findFirst().orElse("");
        if (!madeByVirtualenv(parent, pointsAt)) {
            return new Outcome(false, file, file + " points at '" + pointsAt
                    + "', not an environment virtualenv or jvirtualenv made; left as it is");
        }
        Files.delete(file);
        createExclusively(file, content);
        return new Outcome(true, file, "replacing the redirect to '" + pointsAt + "' (--venv-redirect)");
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** CREATE_NEW refuses anything already there, a dangling link included. */
    private static void createExclusively(Path file, String content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean ownedByUs(Path file) throws IOException {
        UserPrincipal owner = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS);
        try {
            UserPrincipal us = file.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            return owner.equals(us);
        } catch (IOException | UnsupportedOperationException e) {
            // Who we are is unknown: trust nothing.
            return false;
        }
    }

    /** The file's text, or null when it is larger than a redirect can reasonably be. */
    private static String readLimited(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_READ + 1);
            return bytes.length > MAX_READ ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Whether the redirect's target is an environment whose pyvenv.cfg has a {@code virtualenv} key. */
    private static boolean madeByVirtualenv(Path parent, String pointsAt) throws IOException {
        if (pointsAt.isBlank()) {
            return false;
        }
        Path cfg;
        try {
            cfg = parent.resolve(pointsAt).resolve("pyvenv.cfg");
        } catch (InvalidPathException e) {
            return false;
        }
        if (!Files.isRegularFile(cfg)) {
            return false;
        }
        String text;
        try (InputStream in = Files.newInputStream(cfg)) {
            byte[] bytes = in.readNBytes(MAX_READ + 1);
            if (bytes.length > MAX_READ) {
                return false;
            }
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        return PyvenvCfg.parse(text).containsKey("virtualenv");
    }
}

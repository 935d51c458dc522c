package org.jvirtualenv.create;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import org.jvirtualenv.util.SafePaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies a {@link CreationPlan} to a directory, replacing what is already there (update in place). */
public final class PlanExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(PlanExecutor.class);

    public void apply(CreationPlan plan, Path root) throws IOException {
        for (PlanStep step : plan.steps()) {
            Path target = SafePaths.inside(root, step.path());
            if (step instanceof PlanStep.MakeDir) {
                // A link left by an earlier (symlink-mode) creation must not make us write into its target.
                if (Files.isSymbolicLink(target)) {
                    Files.delete(target);
                }
                Files.createDirectories(target);
            } else if (step instanceof PlanStep.Symlink s) {
                Files.createDirectories(target.getParent());
                replaceable(target);
                Files.createSymbolicLink(target, Paths.get(s.target()));
                LOG.debug("symlink {} -> {}", target, s.target());
            } else if (step instanceof PlanStep.CopyFile c) {
                Files.createDirectories(target.getParent());
                replaceable(target);
                Files.copy(Paths.get(c.source()), target, StandardCopyOption.COPY_ATTRIBUTES);
                LOG.debug("copy {} <- {}", target, c.source());
            } else if (step instanceof PlanStep.WriteText w) {
                if (w.keepExisting() && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                replaceable(target);
                Files.writeString(target, w.content(), StandardCharsets.UTF_8);
            }
        }
    }

    /** A new file must never write through an old symlink (it could point outside the env). */
    private static void replaceable(Path target) throws IOException {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(target + " is a directory where a file belongs");
        }
        Files.deleteIfExists(target);
    }
}

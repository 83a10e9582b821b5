package org.govsite.history;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The revision history of report folders, read from the Git repository that holds the source folder (with JGit).
 * Only committed history counts: uncommitted edits, file times and the build time never reach a page. Commit dates
 * are those of the committer, in China Standard Time. Outside Git, every history is empty and nothing fails.
 */
public final class RevisionHistory implements AutoCloseable {
    /** The zone of every date shown: 北京时间. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Repository repository;
    private final Path workTree;

    private RevisionHistory(Repository repository, Path workTree) {
        this.repository = repository;
        this.workTree = workTree;
    }

    /** One commit that changed a report's files. */
    public record Revision(LocalDate date, String message, String commit) {
    }

    /**
     * A report's revisions, oldest first.
     */
    public record History(List<Revision> revisions) {
        public static final History NONE = new History(List.of());

        public History {
            revisions = List.copyOf(revisions);
        }

        /** Changed after its first publication: more than one commit touched it. */
        public boolean corrected() {
            return revisions.size() > 1;
        }

        /** The date of the latest correction, when corrected. */
        public Optional<LocalDate> correctedOn() {
            return corrected() ? Optional.of(revisions.get(revisions.size() - 1).date()) : Optional.empty();
        }
    }

    /** The history of the repository that holds {@code sourceDir}, or an empty one outside Git. */
    public static RevisionHistory open(Path sourceDir) {
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder()
                    .findGitDir(sourceDir.toAbsolutePath().toFile());
            if (builder.getGitDir() == null) {
                return new RevisionHistory(null, null);
            }
            Repository repo = builder.setMustExist(true).build();
            if (repo.isBare() || repo.resolve(Constants.HEAD) == null) {
                repo.close();
                return new RevisionHistory(null, null);
            }
            return new RevisionHistory(repo, repo.getWorkTree().toPath().toAbsolutePath().normalize()
                    .toRealPath());
        } catch (IOException | RuntimeException e) {
            return new RevisionHistory(null, null);
        }
    }

    /** Whether the source is in a Git repository with at least one commit. */
    public boolean available() {
        return repository != null;
    }

    /** The commits that changed anything under {@code folder} (a report's folder), oldest first. */
    public History of(Path folder) {
        if (repository == null) {
            return History.NONE;
        }
        String path;
        try {
            Path real = folder.toAbsolutePath().normalize().toRealPath();
            if (!real.startsWith(workTree)) {
                return History.NONE;
            }
            path = workTree.relativize(real).toString().replace('\\', '/');
        } catch (IOException e) {
            return History.NONE;
        }
        if (path.isEmpty()) {
            return History.NONE;
        }
        List<Revision> out = new ArrayList<>();
        try (Git git = Git.wrap(repository)) {
            for (RevCommit c : git.log().addPath(path).call()) {
                LocalDate date = Instant.ofEpochSecond(c.getCommitTime()).atZone(ZONE).toLocalDate();
                out.add(new Revision(date, c.getShortMessage().strip(), c.getId().abbreviate(7).name()));
            }
        } catch (GitAPIException | RuntimeException e) {
            return History.NONE;
        }
        java.util.Collections.reverse(out);
        return new History(out);
    }

    @Override
    public void close() {
        if (repository != null) {
            repository.close();
        }
    }
}

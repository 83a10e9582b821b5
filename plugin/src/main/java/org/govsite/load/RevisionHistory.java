package org.govsite.load;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    /** Folder (relative to the work tree) → the commits that changed something in it, newest first; built once. */
    private Map<String, List<Revision>> byFolder;
    /** Why the history could not be read, or {@code null}; guarded by {@code this}. */
    private String problem;

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
        File gitDir = null;
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder()
                    .findGitDir(sourceDir.toAbsolutePath().toFile());
            if (builder.getGitDir() == null) {
                return new RevisionHistory(null, null);
            }
            gitDir = builder.getGitDir();
            Repository repo = builder.setMustExist(true).build();
            ObjectId head = repo.isBare() ? null : repo.resolve(Constants.HEAD);
            if (head == null) {
                repo.close();
                return new RevisionHistory(null, null);
            }
            // the commit HEAD names must be readable: an incremental build that keeps every page walks no history,
            // and a corrupt repository must still be said
            try (RevWalk walk = new RevWalk(repo)) {
                walk.parseCommit(head);
            } catch (IOException | RuntimeException e) {
                repo.close();
                throw e;
            }
            return new RevisionHistory(repo, repo.getWorkTree().toPath().toAbsolutePath().normalize()
                    .toRealPath());
        } catch (IOException | RuntimeException e) {
            RevisionHistory none = new RevisionHistory(null, null);
            if (gitDir != null) {
                none.problem = describe(e);
            }
            return none;
        }
    }

    /**
     * Why the history could not be read although the source is in Git (a corrupt repository), or empty: the build
     * then shows no revisions and says so in a warning, never silently.
     */
    public synchronized Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private static String describe(Exception e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** Whether the source is in a Git repository with at least one commit. */
    public boolean available() {
        return repository != null;
    }

    /**
     * The commit HEAD names, or "" outside Git: the revisions shown are read from its history, so an incremental build
     * that keeps pages made at another commit must read them again.
     */
    public String head() {
        if (repository == null) {
            return "";
        }
        try {
            ObjectId id = repository.resolve(Constants.HEAD);
            return id == null ? "" : id.name();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
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
        List<Revision> newestFirst = index().getOrDefault(path, List.of());
        List<Revision> out = new ArrayList<>(newestFirst);
        Collections.reverse(out);
        return new History(out);
    }

    /**
     * One pass over the whole history: every non-merge commit is compared with its parent (a root commit with the
     * empty tree), and each changed file's folders are credited with the commit. Time grows with the history, not
     * with reports × commits, as a {@code git log -- <folder>} per report would.
     */
    private synchronized Map<String, List<Revision>> index() {
        if (byFolder != null) {
            return byFolder;
        }
        Map<String, List<Revision>> index = new HashMap<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.COMMIT_TIME_DESC, true);
            walk.markStart(walk.parseCommit(repository.resolve(Constants.HEAD)));
            tree.setRecursive(true);
            tree.setFilter(TreeFilter.ANY_DIFF);
            for (RevCommit c : walk) {
                if (c.getParentCount() > 1) {
                    continue;
                }
                tree.reset();
                if (c.getParentCount() == 1) {
                    tree.addTree(walk.parseCommit(c.getParent(0)).getTree());
                } else {
                    tree.addTree(new org.eclipse.jgit.treewalk.EmptyTreeIterator());
                }
                tree.addTree(c.getTree());
                LocalDate date = Instant.ofEpochSecond(c.getCommitTime()).atZone(ZONE).toLocalDate();
                Revision revision = new Revision(date, c.getShortMessage().strip(), c.getId().abbreviate(7).name());
                Set<String> folders = new HashSet<>();
                while (tree.next()) {
                    String file = tree.getPathString();
                    for (int slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
                        if (!folders.add(file.substring(0, slash))) {
                            break;
                        }
                    }
                }
                for (String folder : folders) {
                    index.computeIfAbsent(folder, k -> new ArrayList<>()).add(revision);
                }
            }
        } catch (IOException | RuntimeException e) {
            index = Map.of();
            problem = describe(e);
        }
        byFolder = index;
        return index;
    }

    @Override
    public void close() {
        if (repository != null) {
            repository.close();
        }
    }
}

package org.govsite.output.write;

import org.govsite.load.Utf8Paths;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stage 4, write: every file goes into a staging folder of this build's own, and only a successful build switches the
 * output to it. A failed build leaves the previous output exactly as it was. Safe for concurrent writers of different
 * files.
 *
 * <p>The layout beside the output folder {@code target/govsite}:
 * <pre>
 * target/govsite -&gt; .govsite.sites/site-123     a symbolic link: the published site
 * target/.govsite.sites/lock                      held by the build that writes (FileChannel.tryLock)
 * target/.govsite.sites/site-123/                 the published site, with the marker file .govsite-site
 * target/.govsite.sites/site-456/                 a build in progress: its staging folder
 * target/.govsite.sites/site-789/, base            the site before the published one, kept for the next incremental
 *                                                  build, and the paths at which it differs ({@link KeptSite})
 * </pre>
 *
 * <ul>
 *   <li><b>One build at a time.</b> The constructor takes the lock, waiting a bounded time for another build to
 *   finish, then fails with {@link OutputRefusedException}. Each build stages into a fresh folder of its own.</li>
 *   <li><b>An atomic switch.</b> {@link #commit()} makes a new link to the staged site and renames it over the output
 *   link: one {@code rename}, so there is no moment without a complete site. After the switch, the previous site of a
 *   build seeded from it is kept as the next build's staging folder, to be brought up to date at the paths this
 *   build touched ({@link #seedFromPublished()}); any other previous site is deleted. Where symbolic links cannot be made (Windows without the privilege), the output is a real folder
 *   swapped with two renames; a kill between them leaves the previous site in {@code .govsite.sites}, and the next
 *   build puts it back first.</li>
 *   <li><b>Never delete what govsite did not write.</b> An existing output must be such a link, a folder with the
 *   marker file, an empty folder, or a site of an earlier govsite version (index.html, 404.html and
 *   assets/govsite.css, no other kinds of file), which is migrated on the first build. Anything else (a regular file,
 *   a foreign folder, a link elsewhere) is refused with {@link OutputRefusedException} and left alone.</li>
 * </ul>
 */
public final class SiteWriter implements OutputSink {
    /** The marker file in every site folder govsite writes. */
    public static final String MARKER = ".govsite-site";
    /** How long a build waits for another build of the same output by default. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(5);

    static final String SITE_PREFIX = "site-";
    private static final String LINK_PREFIX = "link-";
    private static final String RESTORE = "restore";
    private static final String SCRATCH_PREFIX = "scratch-";
    private static final byte[] MARKER_TEXT = ("govsite-maven-plugin: a generated site; every build replaces this "
            + "folder as a whole.\n").getBytes(StandardCharsets.UTF_8);
    /** The files by which a site of govsite 0.1 (a real folder, without marker) is recognised. */
    private static final List<String> LEGACY_FILES = List.of("index.html", "404.html", "assets/govsite.css");

    /** Points of {@link #commit()} a test can stop at, to prove that a kill there leaves a whole site. */
    interface Steps {
        Steps NONE = step -> { };

        void reached(String step);
    }

    private final Path output;
    private final Path home;
    /** The staging folder: a fresh one, or the kept site before the published one ({@link KeptSite}). */
    private Path staging;
    private final Steps steps;
    private final boolean links;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicInteger files = new AtomicInteger();
    /** Every path written by this build (some perhaps deleted since). */
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    /** Every path this build wrote, deleted or removed: where its staged site may differ from the published one. */
    private final Set<String> touched = ConcurrentHashMap.newKeySet();
    /** Whether the staging folder was seeded with the published site's files. */
    private volatile boolean seeded;
    /** The site kept before the published one, when its record holds; else null, and why in {@link #seeding}. */
    private KeptSite kept;
    /** How the staging folder was seeded, for the build's note. */
    private String seeding = "";
    /** How many files the published site had, when seeded. */
    private int seededFiles;
    /** The inputs of the files kept or made by {@link #keepUnchanged} in this build, and in the published site's. */
    private final Map<String, String> inputs = new ConcurrentHashMap<>();
    private Map<String, String> publishedInputs = Map.of();
    /** Whether the switch was made: from then on the staging folder is the published site, never to be deleted. */
    private boolean committed;
    private Path scratch;

    public SiteWriter(Path outputDirectory) throws IOException {
        this(outputDirectory, DEFAULT_LOCK_WAIT, Steps.NONE);
    }

    public SiteWriter(Path outputDirectory, Duration lockWait) throws IOException {
        this(outputDirectory, lockWait, Steps.NONE);
    }

    SiteWriter(Path outputDirectory, Duration lockWait, Steps steps) throws IOException {
        this(outputDirectory, lockWait, steps, true);
    }

    /** @param links {@code false} to use the two-rename scheme of file systems without symbolic links */
    SiteWriter(Path outputDirectory, Duration lockWait, Steps steps, boolean links) throws IOException {
        this.output = outputDirectory.toAbsolutePath().normalize();
        this.steps = steps;
        this.links = links;
        if (output.getParent() == null) {
            throw new OutputRefusedException("outputDirectory " + output + " is a file system root");
        }
        this.home = home(output);
        checkExisting();
        Files.createDirectories(home);
        this.lockChannel = FileChannel.open(home.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock taken;
        try {
            taken = acquire(lockWait);
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
        this.lock = taken;
        try {
            checkExisting(); // the other build may have changed it while this one waited
            restoreInterruptedSwap();
            this.kept = keptSite();
            removeLeftovers();
            this.staging = Files.createTempDirectory(home, SITE_PREFIX);
            Files.write(staging.resolve(MARKER), MARKER_TEXT);
        } catch (IOException | RuntimeException e) {
            release();
            throw e;
        }
    }

    private FileLock acquire(Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                FileLock l = lockChannel.tryLock();
                if (l != null) {
                    return l;
                }
            } catch (OverlappingFileLockException e) {
                // another build in this JVM (mvn -T) holds it: wait as for another process
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new OutputRefusedException("outputDirectory " + output + " is being written by another build "
                        + "(lock " + home.resolve("lock") + " held for more than " + wait.toSeconds()
                        + " s); nothing was changed");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the lock on " + home.resolve("lock"), e);
            }
        }
    }

    /** Refuses an output that govsite did not write. */
    private void checkExisting() throws IOException {
        if (Files.isSymbolicLink(output)) {
            if (linkedSite().isEmpty()) {
                throw new OutputRefusedException("outputDirectory " + output + " is a symbolic link to "
                        + Files.readSymbolicLink(output) + ", not to a site govsite wrote in " + home
                        + "; it is left alone");
            }
            return;
        }
        if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputRefusedException("outputDirectory " + output + " is a file, not a folder govsite "
                    + "wrote; it is left alone");
        }
        if (Files.isRegularFile(output.resolve(MARKER)) || isEmpty(output) || isLegacySite(output)) {
            return;
        }
        throw new OutputRefusedException("outputDirectory " + output + " already exists and is not a site govsite "
                + "wrote (no " + MARKER + " file in it); it is left alone. Choose another folder or empty it");
    }

    /** The site folder the output link points at, when it is one of ours. */
    private Optional<Path> linkedSite() throws IOException {
        Path target = output.resolveSibling(Files.readSymbolicLink(output)).normalize();
        if (home.equals(target.getParent()) && target.getFileName().toString().startsWith(SITE_PREFIX)
                && Files.isRegularFile(target.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(target);
        }
        return Optional.empty();
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** A site written by govsite 0.1: its landmark files, and only kinds of file govsite writes. */
    private static boolean isLegacySite(Path dir) throws IOException {
        for (String f : LEGACY_FILES) {
            if (!Files.isRegularFile(dir.resolve(f), LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        Set<String> kinds = Set.of("html", "css", "js", "csv", "json", "xml", "txt", "svg", "png", "jpg", "jpeg",
                "gif", "webp", "pdf", "ofd", "doc", "docx", "wps", "xls", "xlsx", "et", "ico", "woff", "woff2");
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).allMatch(p -> {
                if (Files.isSymbolicLink(p)) {
                    return false;
                }
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    return true;
                }
                String n = p.getFileName().toString();
                int dot = n.lastIndexOf('.');
                return dot > 0 && kinds.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
            });
        }
    }

    /** The two-rename scheme was killed between its renames: the previous site is waiting in {@code restore}. */
    private void restoreInterruptedSwap() throws IOException {
        Path waiting = home.resolve(RESTORE);
        if (Files.isDirectory(waiting, LinkOption.NOFOLLOW_LINKS)
                && !Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(waiting, output, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * The site kept before the published one, when its record names a folder that is there and is relative to the
     * published site; else null, the record removed, and the reason in {@link #seeding}.
     */
    private KeptSite keptSite() throws IOException {
        StringBuilder why = new StringBuilder();
        Optional<KeptSite> record = KeptSite.read(home, why);
        if (record.isPresent()) {
            Optional<String> problem = record.get().problem(publishedSite());
            if (problem.isEmpty()) {
                return record.get();
            }
            why.append(problem.get());
        }
        KeptSite.claim(home); // nothing to trust: the folder it named, if any, is a leftover
        seeding = why.toString();
        return null;
    }

    /**
     * Staging folders and links of builds that were killed; only what carries govsite's names and marker. The site
     * kept before the published one stays.
     */
    private void removeLeftovers() throws IOException {
        Path current = Files.isSymbolicLink(output) ? linkedSite().orElse(null) : null;
        List<Path> children;
        try (Stream<Path> s = Files.list(home)) {
            children = s.sorted().toList();
        }
        for (Path p : children) {
            String name = p.getFileName().toString();
            if (name.startsWith(LINK_PREFIX) && Files.isSymbolicLink(p)) {
                Files.delete(p);
            } else if (name.startsWith(SITE_PREFIX) && !p.equals(current)
                    && (kept == null || !p.equals(kept.folder()))
                    && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    && Files.isRegularFile(p.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(p);
            } else if (name.startsWith(SCRATCH_PREFIX) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(p);
            } else if (name.equals(RESTORE) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                // the output exists again (restoreInterruptedSwap ran first): a previous site whose switch finished
                deleteTree(p);
            }
        }
    }

    /** A UTF-8 writer for a file at {@code path}, relative to the site root with '/' separators. */
    @Override
    public Writer open(String path) throws IOException {
        if (seeded) {
            return new OutputStreamWriter(new KeepingStream(path), StandardCharsets.UTF_8);
        }
        Path file = fresh(path);
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), StandardCharsets.UTF_8));
    }

    /** A stream for a file's bytes, written or kept as {@link #open} does. */
    @Override
    public OutputStream stream(String path) throws IOException {
        if (seeded) {
            return new KeepingStream(path);
        }
        return new BufferedOutputStream(Files.newOutputStream(fresh(path), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), 1 << 16);
    }

    /** A file up to this size is held in memory until closed, to keep the seeded file when the bytes are the same. */
    private static final int KEEP_LIMIT = 4 << 20;

    /**
     * The bytes of a file opened in a seeded staging folder: held in memory, then {@linkplain #write(String, byte[])
     * written or kept} when closed; past {@link #KEEP_LIMIT} (the dataset) written on into a new file as they come.
     */
    private final class KeepingStream extends OutputStream {
        private final String path;
        private ByteArrayOutputStream held = new ByteArrayOutputStream(1 << 14);
        private OutputStream file;

        KeepingStream(String path) {
            this.path = path;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (file != null) {
                file.write(b, off, len);
                return;
            }
            held.write(b, off, len);
            if (held.size() > KEEP_LIMIT) {
                file = new BufferedOutputStream(Files.newOutputStream(fresh(path),
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
                held.writeTo(file);
                held = null;
            }
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                file.close();
            } else if (held != null) {
                SiteWriter.this.write(path, held.toByteArray());
                held = null;
            }
        }
    }

    /**
     * Writes a file. In a staging folder seeded from the published site, a file that is already there with exactly
     * these bytes (an archive page the change did not touch) is kept as it is: nothing is written, and it is not
     * among the {@linkplain #written() files this build wrote}.
     */
    @Override
    public void write(String path, byte[] bytes) throws IOException {
        if (seeded) {
            Path file = resolve(path);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == bytes.length
                    && Arrays.equals(Files.readAllBytes(file), bytes)) {
                return;
            }
        }
        Files.write(fresh(path), bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    @Override
    public Optional<Path> file(String path) throws IOException {
        Path file = resolve(path);
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Optional.of(file)
                : Optional.empty();
    }

    /** A channel to a new file (an earlier one at {@code path} removed first, as {@link #fresh} does). */
    @Override
    public Optional<FileChannel> channel(String path) throws IOException {
        return Optional.of(FileChannel.open(fresh(path), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
    }

    /** In a staging folder seeded from the published site, keeps its file at {@code path} when there is one. */
    @Override
    public boolean keep(String path) throws IOException {
        return seeded && Files.isRegularFile(resolve(path), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * In a staging folder seeded from the published site, keeps its file at {@code path} when the published site's
     * build made it from the same {@code inputs}; records them for the next build either way.
     */
    @Override
    public boolean keepUnchanged(String path, String inputs) throws IOException {
        Path file = resolve(path);
        this.inputs.put(path, inputs);
        return seeded && inputs.equals(publishedInputs.get(path))
                && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** The files this build wrote (relative, with '/'), that are still there: all files but those kept as seeded. */
    public Set<String> written() {
        Set<String> out = new TreeSet<>();
        for (String p : written) {
            if (Files.exists(resolve(p), LinkOption.NOFOLLOW_LINKS)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Makes way for a new file at {@code path}: an earlier file there is removed first, never written through, because
     * a staging folder seeded from the published site ({@link #seedFromPublished()}) shares its files by hard links,
     * and writing into one would change the live site under its readers.
     */
    private Path fresh(String path) throws IOException {
        Path file = resolve(path);
        touched.add(path);
        written.add(path);
        Files.createDirectories(file.getParent());
        if (!Files.deleteIfExists(file)) {
            files.incrementAndGet();
        }
        return file;
    }

    /**
     * The published site folder, when the output is a link to one of ours (the layout every build since the atomic
     * switch leaves).
     */
    public Optional<Path> publishedSite() throws IOException {
        return Files.isSymbolicLink(output) ? linkedSite() : Optional.empty();
    }

    /** The folder beside an output folder where govsite keeps its sites, its lock and the incremental manifest. */
    public static Path home(Path outputDirectory) {
        Path output = outputDirectory.toAbsolutePath().normalize();
        return output.resolveSibling("." + output.getFileName() + ".sites");
    }

    /** The folder beside the output where govsite keeps its sites, its lock and the incremental manifest. */
    public Path home() {
        return home;
    }

    /** The name of the staging folder: the published site's name once committed. */
    public String stagingName() {
        return staging.getFileName().toString();
    }

    /**
     * Fills the staging folder with the published site's files, each a hard link to the published file (no copy).
     * Every later write replaces a file with a new one ({@link #fresh}), so the published site never changes.
     *
     * <p>When the site before the published one was kept ({@link KeptSite}), with the paths at which it differs from
     * the published one, that folder becomes the staging folder: only those paths are linked again (or removed),
     * instead of a link per file of the site. A kept site that cannot be trusted is deleted, and every file is linked;
     * {@link #seeding()} says which and why.
     *
     * @return false, with the staging folder emptied again, when there is no published site or hard links cannot be
     * made here
     */
    public boolean seedFromPublished() throws IOException {
        Optional<Path> site = publishedSite();
        if (site.isEmpty()) {
            return false;
        }
        Path from = site.get();
        if (kept != null) {
            KeptSite base = kept;
            kept = null;
            KeptSite.claim(home); // from here on the folder is this build's: a kill leaves it to be deleted
            steps.reached("claimed");
            String why;
            try {
                why = base.update(from, path -> resolveIn(base.folder(), path)).orElse(null);
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                why = "the kept site cannot be brought up to date (" + e + ")";
            }
            if (why == null) {
                deleteTree(staging); // the fresh folder made by the constructor, empty but for its marker
                staging = base.folder();
                files.set(base.files());
                seededFiles = base.files();
                seeded = true;
                seeding = "the site before the published one, brought up to date at " + base.paths().size()
                        + " path(s)";
                publishedInputs = PageInputs.read(home, from.getFileName().toString());
                steps.reached("updated");
                return true;
            }
            deleteTree(base.folder());
            seeding = why;
        }
        String why = seeding.isEmpty() ? "no earlier site kept" : seeding;
        int[] count = {0};
        List<String> links = new ArrayList<>();
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(staging.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = from.relativize(file).toString();
                    if (attrs.isRegularFile() && !rel.equals(MARKER)) {
                        links.add(rel);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            // the links themselves on all cores: one system call each, most of the time of an incremental build's
            // staging
            links.parallelStream().forEach(rel -> {
                try {
                    Files.createLink(staging.resolve(rel), from.resolve(rel));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            count[0] = links.size();
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof FileSystemException)) {
                throw e.getCause();
            }
            clearStaging();
            return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
            clearStaging();
            return false;
        }
        files.addAndGet(count[0]);
        seededFiles = count[0];
        publishedInputs = PageInputs.read(home, from.getFileName().toString());
        seeded = true;
        seeding = "every file linked, " + why;
        return true;
    }

    /**
     * How the staging folder was seeded from the published site, for the build's note: from the kept site before it,
     * or every file linked and why; empty when not seeded.
     */
    public String seeding() {
        return seeded ? seeding : "";
    }

    /**
     * Removes the staged files of {@code paths} (relative, with '/'; those not there are skipped), and the folders they
     * leave empty: what the published site had and this build no longer owns, known without walking the site.
     */
    public void remove(Set<String> paths) throws IOException {
        Set<Path> parents = new TreeSet<>(Comparator.reverseOrder());
        for (String p : paths) {
            Path file = resolve(p);
            touched.add(p);
            if (Files.deleteIfExists(file)) {
                files.decrementAndGet();
            }
            for (Path d = file.getParent(); d != null && !d.equals(staging); d = d.getParent()) {
                parents.add(d);
            }
        }
        for (Path d : parents) { // deepest first
            if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS) && isEmpty(d)) {
                Files.delete(d);
            }
        }
    }

    /** Removes every staged file whose path (relative, with '/') is not in {@code keep}, and empty folders. */
    public void prune(Set<String> keep) throws IOException {
        Files.walkFileTree(staging, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = Utf8Paths.relative(staging, file);
                if (!rel.equals(MARKER) && !keep.contains(rel)) {
                    touched.add(rel);
                    Files.delete(file);
                    files.decrementAndGet();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (!dir.equals(staging) && isEmpty(dir)) {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void clearStaging() throws IOException {
        deleteTree(staging);
        Files.createDirectories(staging);
        Files.write(staging.resolve(MARKER), MARKER_TEXT);
        files.set(0);
    }

    @Override
    public byte[] read(String path) throws IOException {
        return Files.readAllBytes(resolve(path));
    }

    @Override
    public void delete(String path) throws IOException {
        Path file = resolve(path);
        touched.add(path);
        if (Files.deleteIfExists(file)) {
            files.decrementAndGet();
        }
    }

    /** A folder beside the staging folder for this build's temporary files, deleted when the build ends. */
    @Override
    public synchronized Path scratch() throws IOException {
        if (scratch == null) {
            scratch = Files.createTempDirectory(home, SCRATCH_PREFIX);
        }
        return scratch;
    }

    private synchronized void deleteScratch() throws IOException {
        if (scratch != null) {
            deleteTree(scratch);
            scratch = null;
        }
    }

    /** The staged site, for checks that read it before it is published. */
    public Path stagingRoot() {
        return staging;
    }

    public int fileCount() {
        return files.get();
    }

    private Path resolve(String path) {
        return resolveIn(staging, path);
    }

    private static Path resolveIn(Path root, String path) {
        Path file = Utf8Paths.resolve(root, path).normalize();
        if (!file.startsWith(root) || file.equals(root) || file.equals(root.resolve(MARKER))) {
            throw new IllegalArgumentException("path outside the site: " + path);
        }
        return file;
    }

    /** Publishes the staged site in place of the output, then releases the lock. */
    public void commit() throws IOException {
        try {
            // before the switch: a kill after it leaves a record of another site than the published one, not trusted
            if (inputs.isEmpty()) {
                Files.deleteIfExists(home.resolve(PageInputs.FILE));
            } else {
                PageInputs.write(home, staging.getFileName().toString(), inputs);
            }
            Path previous = Files.isSymbolicLink(output) ? linkedSite().orElse(null) : null;
            Path link = home.resolve(LINK_PREFIX + staging.getFileName());
            boolean linked = false;
            if (links) {
                try {
                    Files.createSymbolicLink(link, output.getParent().relativize(staging));
                    linked = true;
                } catch (UnsupportedOperationException | FileSystemException e) {
                    linked = false;
                }
            }
            if (linked) {
                steps.reached("linked");
                if (Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
                    // a real folder: a site of the two-rename scheme or of an earlier version, moved aside once
                    // (a kill right after this rename leaves it in restore/, and the next build puts it back)
                    Path aside = home.resolve(RESTORE);
                    Files.move(output, aside, StandardCopyOption.ATOMIC_MOVE);
                    steps.reached("movedAside");
                    previous = aside;
                }
                Files.move(link, output, StandardCopyOption.ATOMIC_MOVE);
                steps.reached("switched");
            } else {
                Path aside = home.resolve(RESTORE);
                if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(output, aside, StandardCopyOption.ATOMIC_MOVE);
                    previous = aside;
                }
                steps.reached("movedAside");
                Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
                steps.reached("switched");
            }
            committed = true;
            keepOrDelete(previous);
        } finally {
            release();
        }
    }

    /**
     * After the switch: a seeded build's previous site (its staging folder's seed) is kept as the next build's
     * staging folder, recorded with the paths this build touched ({@link KeptSite}); any other previous site, and a
     * kept site this build did not use, is deleted.
     */
    private void keepOrDelete(Path previous) throws IOException {
        if (kept != null) { // not used by this build (a full build): relative to a site no longer published
            KeptSite.claim(home);
            deleteTree(kept.folder());
            kept = null;
        }
        if (previous == null) {
            return;
        }
        boolean keep = seeded && home.equals(previous.getParent())
                && previous.getFileName().toString().startsWith(SITE_PREFIX)
                && KeptSite.write(home, previous, staging.getFileName().toString(), files.get(), touched);
        steps.reached(keep ? "kept" : "deleting");
        if (!keep) {
            deleteTree(previous);
        }
    }

    /**
     * Throws the staged site away and releases the lock; the output is not touched. A staging folder seeded from the
     * published site is kept as the next build's base instead, with the paths this build touched ({@link KeptSite}):
     * a failed incremental build costs the next one no more than a successful one.
     */
    public void discard() {
        try {
            if (committed) {
                return; // the staging folder is the published site
            }
            Optional<Path> published = publishedSite();
            if (!(seeded && published.isPresent() && home.equals(staging.getParent())
                    && KeptSite.write(home, staging, published.get().getFileName().toString(), seededFiles,
                    touched))) {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                release();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void release() throws IOException {
        try {
            deleteScratch();
        } catch (IOException e) {
            // a scratch file still open (Windows): the next build removes the folder
        }
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } finally {
            lockChannel.close();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

package org.govsite.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summarises a JFR recording of a build (JDK 17 has no {@code jfr view hot-methods}): the top methods by self time
 * (top frame of each execution sample), the govsite method each sample is spent under (its innermost
 * {@code org.govsite} frame, outside the benchmark), the share of each library, the garbage collector's pauses, the
 * JIT compiler's time and the native methods threads wait in.
 *
 * <p>{@code java -cp benchmark/target/classes org.govsite.bench.JfrHotMethods recording.jfr [top]}
 */
public final class JfrHotMethods {
    /** Libraries, by the start of a class name; the first match wins, so the longer prefixes come first. */
    private static final List<String[]> LIBRARIES = List.of(
            new String[] {"org.govsite.", "govsite"},
            new String[] {"org.thymeleaf.", "Thymeleaf"},
            new String[] {"ognl.", "Thymeleaf (OGNL)"},
            new String[] {"org.attoparser.", "Thymeleaf (attoparser)"},
            new String[] {"org.unbescape.", "Thymeleaf (unbescape)"},
            new String[] {"com.vladsch.flexmark.", "flexmark"},
            new String[] {"org.jsoup.", "jsoup"},
            new String[] {"com.fasterxml.jackson.", "Jackson"},
            new String[] {"org.yaml.snakeyaml.", "SnakeYAML"},
            new String[] {"org.eclipse.jgit.", "JGit"},
            new String[] {"org.apache.maven.", "Maven"},
            new String[] {"org.codehaus.plexus.", "Maven (Plexus)"},
            new String[] {"org.eclipse.sisu.", "Maven (Sisu)"},
            new String[] {"com.google.inject.", "Maven (Guice)"},
            new String[] {"org.eclipse.aether.", "Maven (resolver)"},
            new String[] {"java.util.regex.", "JDK regex"},
            new String[] {"java.util.zip.", "JDK zip (jar reading)"},
            new String[] {"java.lang.invoke.", "JDK invoke (lambdas, reflection)"},
            new String[] {"jdk.internal.loader.", "JDK class loading"},
            new String[] {"java.lang.ClassLoader", "JDK class loading"},
            new String[] {"sun.nio.", "JDK file I/O"},
            new String[] {"java.nio.", "JDK file I/O"},
            new String[] {"java.io.", "JDK file I/O"},
            new String[] {"java.lang.String", "JDK strings"},
            new String[] {"java.lang.StringBuilder", "JDK strings"},
            new String[] {"java.lang.AbstractStringBuilder", "JDK strings"},
            new String[] {"java.util.", "JDK collections"},
            new String[] {"java.", "JDK other"},
            new String[] {"jdk.", "JDK other"},
            new String[] {"sun.", "JDK other"});

    private JfrHotMethods() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: JfrHotMethods recording.jfr [top]");
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> self = new TreeMap<>();
        Map<String, Integer> underGovsite = new TreeMap<>();
        Map<String, Integer> library = new TreeMap<>();
        Map<String, Integer> nativeMethods = new TreeMap<>();
        Map<String, Integer> nativeUnder = new TreeMap<>();
        int samples = 0;
        int nativeSamples = 0;
        long compilations = 0;
        Duration compileTime = Duration.ZERO;
        int gcs = 0;
        Duration gcPause = Duration.ZERO;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                gcs++;
                gcPause = gcPause.plus(event.getDuration("sumOfPauses"));
                continue;
            }
            if (type.equals("jdk.CompilerStatistics")) {
                compilations = Math.max(compilations, event.getLong("compileCount"));
                Duration spent = event.getDuration("totalTimeSpent");
                compileTime = spent.compareTo(compileTime) > 0 ? spent : compileTime;
                continue;
            }
            if (type.equals("jdk.NativeMethodSample") && event.getStackTrace() != null
                    && !event.getStackTrace().getFrames().isEmpty()) {
                nativeSamples++;
                nativeMethods.merge(name(event.getStackTrace().getFrames().get(0).getMethod()), 1, Integer::sum);
                nativeUnder.merge(innermostGovsite(event.getStackTrace().getFrames()), 1, Integer::sum);
                continue;
            }
            if (!type.equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            String topMethod = name(frames.get(0).getMethod());
            self.merge(topMethod, 1, Integer::sum);
            library.merge(library(topMethod), 1, Integer::sum);
            underGovsite.merge(innermostGovsite(frames), 1, Integer::sum);
        }
        System.out.printf(Locale.ROOT, "%s: %d execution samples, %d garbage collections, %.2f s of GC pauses%n",
                args[0], samples, gcs, gcPause.toNanos() / 1e9);
        System.out.printf(Locale.ROOT, "JIT: %d compilations, %.1f s in the compiler threads (wall time, not in the"
                + " samples below)%n", compilations, compileTime.toNanos() / 1e9);
        print("Top methods by self time (top frame of each sample)", self, samples, top);
        print("Innermost govsite method on the stack (where the time is spent, libraries included)", underGovsite,
                samples, top);
        print("Self time by library", library, samples, library.size());
        print("Threads waiting in native code (" + nativeSamples + " samples: file I/O, locks, sockets)",
                nativeMethods, nativeSamples, 8);
        print("… under the govsite method", nativeUnder, nativeSamples, 8);
    }

    private static String innermostGovsite(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String method = name(frame.getMethod());
            if (method.startsWith("org.govsite.") && !method.startsWith("org.govsite.bench.")) {
                return method;
            }
        }
        return "(no govsite frame: Maven, JVM start, class loading, idle pools)";
    }

    private static String name(RecordedMethod method) {
        return method == null ? "(unknown)" : method.getType().getName() + "." + method.getName();
    }

    private static String library(String method) {
        for (String[] library : LIBRARIES) {
            if (method.startsWith(library[0])) {
                return library[1];
            }
        }
        return "other";
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println();
        System.out.println(title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %%  %6d  %s%n",
                        100.0 * e.getValue() / samples, e.getValue(), e.getKey()));
    }
}

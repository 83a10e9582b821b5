package org.govsite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the tests in a JVM of its own: to kill it mid-way, to run two at once, or under LANG=C. */
public final class ChildJvm {
    /** A started JVM; its output goes to a file. */
    public record Child(Process process, Path log) {
        /** Waits for the end and returns the exit code. */
        public int await() throws IOException, InterruptedException {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("child JVM did not end: " + output());
            }
            return process.exitValue();
        }

        public String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }
    }

    private ChildJvm() {
    }

    /**
     * Starts {@code main} with the test class path.
     *
     * @param properties system properties, as {@code -Dkey=value} arguments
     * @param env        environment variables to set (e.g. LC_ALL=C)
     */
    public static Child start(Class<?> main, List<String> properties, Map<String, String> env, Path log,
                              String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.addAll(properties);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new Child(pb.start(), log);
    }
}

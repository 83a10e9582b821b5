package org.govsite.fuzz;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fuzz tests (tag {@code fuzz}) run in a JVM of their own, the {@code fuzz-regression} execution of
 * plugin/pom.xml, which is given this package's classes only; the main execution leaves them out by their tag. So a
 * test tagged {@code fuzz} anywhere else would run nowhere: none is.
 */
class FuzzTestsPlaceTest {
    private static final String PACKAGE = FuzzTestsPlaceTest.class.getPackageName();

    @Test
    void everyFuzzTaggedTestIsInTheFuzzPackage() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(FuzzTestsPlaceTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> tagged = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(file).toString().replace('\\', '/').replaceAll("\\.class$", "")
                        .replace('/', '.');
                Class<?> type = Class.forName(name, false, FuzzTestsPlaceTest.class.getClassLoader());
                boolean fuzz = fuzz(type);
                for (Method m : type.getDeclaredMethods()) {
                    fuzz |= fuzz(m);
                }
                if (fuzz) {
                    tagged.add(name);
                }
            }
        }
        assertTrue(tagged.contains(InputFuzzTest.class.getName()), "the walk sees the fuzz tests: " + tagged);
        assertEquals(List.of(), tagged.stream().filter(n -> !n.startsWith(PACKAGE + ".")).toList(),
                "tagged fuzz outside " + PACKAGE + ", where the fuzz-regression execution does not look");
    }

    private static boolean fuzz(AnnotatedElement element) {
        for (Tag tag : element.getAnnotationsByType(Tag.class)) {
            if (tag.value().equals("fuzz")) {
                return true;
            }
        }
        return false;
    }
}

package org.govsite.browser;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test classes run several at a time (junit-platform.properties), and the browser classes share two Chromium windows:
 * every class that takes one ({@link Chromium#shared()}, {@link Chromium#second()}) must hold that window's lock
 * ({@link Chromium#WINDOW}, {@link Chromium#SECOND_WINDOW}), or two classes would drive one window at once and fail
 * now and then, on a loaded machine only.
 */
class BrowserLockTest {
    @Test
    void everyClassThatTakesASharedBrowserHoldsItsLock() {
        List<JavaClass> classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages(getClass().getPackageName()).stream().toList();
        List<JavaClass> first = users(classes, "shared");
        List<JavaClass> second = users(classes, "second");
        assertTrue(first.size() >= 2 && second.size() >= 2, "the browser classes: " + first + ", " + second);
        List<String> unlocked = new ArrayList<>();
        first.stream().filter(c -> !holds(c, Chromium.WINDOW)).forEach(c -> unlocked.add(c.getName() + " (shared)"));
        second.stream().filter(c -> !holds(c, Chromium.SECOND_WINDOW))
                .forEach(c -> unlocked.add(c.getName() + " (second)"));
        assertEquals(List.of(), unlocked, "take a shared browser without @ResourceLock of its window");
    }

    /** The outermost classes (not Chromium itself) that call {@code Chromium.<method>()}. */
    private static List<JavaClass> users(List<JavaClass> classes, String method) {
        return classes.stream()
                .filter(c -> c.getMethodCallsFromSelf().stream().anyMatch(call ->
                        call.getTargetOwner().isEquivalentTo(Chromium.class) && call.getName().equals(method)))
                .map(c -> c.getEnclosingClass().map(BrowserLockTest::outermost).orElse(c))
                .filter(c -> !c.isEquivalentTo(Chromium.class))
                .distinct()
                .toList();
    }

    private static JavaClass outermost(JavaClass c) {
        Optional<JavaClass> enclosing = c.getEnclosingClass();
        return enclosing.isPresent() ? outermost(enclosing.get()) : c;
    }

    private static boolean holds(JavaClass c, String window) {
        return Arrays.stream(c.reflect().getAnnotationsByType(ResourceLock.class))
                .anyMatch(lock -> lock.value().equals(window) && lock.mode() == ResourceAccessMode.READ_WRITE);
    }
}

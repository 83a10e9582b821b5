package org.govsite.browser;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test classes run two at a time (junit-platform.properties), and the browser classes share one Chromium window: every
 * class that takes it ({@link Chromium#shared()}) must hold the lock {@link Chromium#WINDOW}, or two classes would
 * drive the one window at once and fail now and then, on a loaded machine only.
 */
class BrowserLockTest {
    @Test
    void everyClassThatTakesTheSharedBrowserHoldsItsLock() {
        List<JavaClass> users = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages(getClass().getPackageName()).stream()
                .filter(c -> c.getMethodCallsFromSelf().stream().anyMatch(call ->
                        call.getTargetOwner().isEquivalentTo(Chromium.class) && call.getName().equals("shared")))
                .map(c -> c.getEnclosingClass().map(BrowserLockTest::outermost).orElse(c))
                .distinct()
                .toList();
        assertTrue(users.size() >= 4, "the browser classes: " + users);
        List<String> unlocked = users.stream()
                .filter(c -> !c.isEquivalentTo(Chromium.class))
                .filter(c -> !holdsTheWindow(c))
                .map(JavaClass::getName)
                .toList();
        assertEquals(List.of(), unlocked, "take Chromium.shared() without @ResourceLock(Chromium.WINDOW)");
    }

    private static JavaClass outermost(JavaClass c) {
        Optional<JavaClass> enclosing = c.getEnclosingClass();
        return enclosing.isPresent() ? outermost(enclosing.get()) : c;
    }

    private static boolean holdsTheWindow(JavaClass c) {
        return Arrays.stream(c.reflect().getAnnotationsByType(ResourceLock.class))
                .anyMatch(lock -> lock.value().equals(Chromium.WINDOW) && lock.mode() == ResourceAccessMode.READ_WRITE);
    }
}

package org.govsite.browser;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which test classes are handed to the parallel executor (junit-platform.properties): the classes that
 * drive a browser window first, then the others, each group by name. The browser classes take turns at their window
 * and are the longest chain of the suite, so they start first, and the other classes fill the cores beside them.
 */
public final class BrowserClassesFirst implements ClassOrderer {
    private static final List<String> WINDOWS = List.of(Chromium.WINDOW, Chromium.SECOND_WINDOW);

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing((ClassDescriptor c) -> !drivesAWindow(c.getTestClass()))
                .thenComparing(c -> c.getTestClass().getName()));
    }

    static boolean drivesAWindow(Class<?> c) {
        return Arrays.stream(c.getAnnotationsByType(ResourceLock.class)).anyMatch(l -> WINDOWS.contains(l.value()));
    }
}

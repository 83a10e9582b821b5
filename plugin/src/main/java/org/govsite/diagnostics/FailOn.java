package org.govsite.diagnostics;

import java.util.Locale;
import java.util.Optional;

/** The threshold at which findings fail a build. */
public enum FailOn {
    ERROR, WARNING, NONE;

    public static FailOn parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("failOn must be error, warning or none, not " + text);
        }
    }

    /** The lowest severity that fails, or empty when nothing fails. */
    public Optional<Severity> threshold() {
        return switch (this) {
            case ERROR -> Optional.of(Severity.ERROR);
            case WARNING -> Optional.of(Severity.WARNING);
            case NONE -> Optional.empty();
        };
    }

    public boolean fails(Severity severity) {
        return threshold().map(severity::atLeast).orElse(false);
    }
}

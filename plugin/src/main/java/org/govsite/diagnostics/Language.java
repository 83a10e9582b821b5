package org.govsite.diagnostics;

import java.util.Locale;

/** The two languages findings are written in. Pages are always Chinese. */
public final class Language {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Language() {
    }

    public static boolean isEnglish(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    /** {@code zh} (default) or {@code en}. */
    public static Locale parse(String code) {
        if (code == null || code.isBlank()) {
            return CHINESE;
        }
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "en", "english" -> ENGLISH;
            case "zh", "zh-cn", "chinese" -> CHINESE;
            default -> throw new IllegalArgumentException("language must be zh or en, not " + code);
        };
    }
}

package org.govsite.diagnostics;

import org.govsite.model.Numbers;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of findings, in Chinese (default) or English. Bundles are read as UTF-8, and the platform's default
 * locale never chooses the language: there is no fallback to it.
 */
public final class Messages {
    private static final String BUNDLE = "org.govsite.messages";
    private final Locale locale;
    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        this.locale = Language.isEnglish(locale) ? Language.ENGLISH : Language.CHINESE;
        this.bundle = ResourceBundle.getBundle(BUNDLE, Language.isEnglish(locale) ? Locale.ENGLISH : Locale.ROOT,
                Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static final Messages CHINESE = new Messages(Language.CHINESE);
    private static final Messages ENGLISH = new Messages(Language.ENGLISH);

    /** The messages of a language, shared: they are immutable. */
    public static Messages of(Locale locale) {
        return Language.isEnglish(locale) ? ENGLISH : CHINESE;
    }

    /** A finding's message in words; its arguments that are messages are put into words first. */
    public String text(Message message) {
        Object[] args = new Object[message.args().size()];
        for (int i = 0; i < args.length; i++) {
            Object a = message.args().get(i);
            args[i] = a instanceof Message m ? text(m) : a;
        }
        return text(message.key(), args);
    }

    public Locale locale() {
        return locale;
    }

    /** The message for {@code key}, with {@code {0}}, {@code {1}} … replaced by the arguments. */
    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no message " + key + " for " + locale, e);
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof Number n ? Numbers.plain(n) : args[i];
        }
        return new MessageFormat(pattern, locale).format(shown);
    }
}

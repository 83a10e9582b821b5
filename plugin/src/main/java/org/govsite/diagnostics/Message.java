package org.govsite.diagnostics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * What a finding says, not yet in words: a key of the message bundles and its typed arguments. It is put into words
 * when printed, in the reader's language ({@link #in(Locale)}): the build's language on the console and in the
 * findings files, always Chinese on pages.
 *
 * @param args each a {@link String} (a label or a value as typed), a {@link Number} or another {@code Message}
 */
public record Message(String key, List<Object> args) {
    /** The longest value a message shows as typed; a longer one is cut, saying how long it was. */
    public static final int MAX_VALUE_LENGTH = 40;

    public Message {
        args = List.copyOf(args);
        for (Object a : args) {
            if (!(a instanceof String || a instanceof Number || a instanceof Message)) {
                throw new IllegalArgumentException("message " + key + ": an argument is a text, a number or a message,"
                        + " not " + a.getClass().getSimpleName());
            }
        }
    }

    public static Message of(String key, Object... args) {
        Object[] typed = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            typed[i] = args[i] instanceof Character c ? c.toString() : args[i];
        }
        return new Message(key, List.of(typed));
    }

    /** The message in words, in {@code locale}'s language (Chinese unless English). */
    public String in(Locale locale) {
        return Messages.of(locale).text(this);
    }

    /**
     * A value as the input typed it, cut to {@link #MAX_VALUE_LENGTH} characters so that a 5,000-digit number does
     * not become a 5,000-character message: {@code 12345…（共 5000 个字符）}.
     */
    public static Message typed(String value) {
        if (value.codePointCount(0, value.length()) <= MAX_VALUE_LENGTH) {
            return new Message("value.asTyped", List.of(value));
        }
        String head = value.substring(0, value.offsetByCodePoints(0, MAX_VALUE_LENGTH));
        return new Message("value.cut", List.of(head, value.codePointCount(0, value.length())));
    }

    /** A number for a message: plain digits, or cut like {@link #typed} when it is very long. */
    public static Object number(BigDecimal value) {
        if (value.precision() - value.scale() > MAX_VALUE_LENGTH || value.scale() > MAX_VALUE_LENGTH) {
            return typed(value.toString());
        }
        return value;
    }
}

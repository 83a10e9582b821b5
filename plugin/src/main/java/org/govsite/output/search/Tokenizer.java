package org.govsite.output.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How text becomes search tokens, the same at build time (here) and in the reader's browser
 * ({@code assets/govsite-search.js}, function {@code tokens}): a test compares the two.
 *
 * <ul>
 *   <li>Normalisation, one character for one character (so positions stay put): full-width ASCII forms
 *   (U+FF01–U+FF5E) become half-width, the ideographic space becomes a space, Latin capitals become small.</li>
 *   <li>Chinese has no spaces, so a run of Han characters (and 〇) gives every <b>character bigram</b>; the index also
 *   holds every <b>unigram</b>, for one-character queries.</li>
 *   <li>Latin letters and digits give <b>words</b>: a run of {@code [0-9a-z]}, with a '.' kept between two digits
 *   ({@code 38.6}). Words longer than {@value #MAX_WORD} characters are left out.</li>
 *   <li>Everything else (punctuation, spaces, other scripts) separates tokens.</li>
 * </ul>
 */
public final class Tokenizer {
    /** Longer Latin/digit runs (hashes, URLs) are not indexed. */
    public static final int MAX_WORD = 32;

    private Tokenizer() {
    }

    /** Receives the tokens of a text, in text order. */
    public interface Sink {
        /** A Han character at {@code position}. */
        void unigram(char c, int position);

        /** Two adjacent Han characters, the first at {@code position}. */
        void bigram(char first, char second, int position);

        /** A word of Latin letters and digits, normalised, starting at {@code position}. */
        void word(String word, int position);
    }

    /** The normalised form of one character. */
    public static char normalize(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            c = (char) (c - 0xFEE0);
        } else if (c == '\u3000') {
            return ' ';
        }
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        return c;
    }

    /** A Han ideograph of the BMP (CJK unified ideographs, extension A, compatibility ideographs) or 〇. */
    public static boolean isHan(char c) {
        return (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF')
                || c == '\u3007';
    }

    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Sends every token of {@code text} to {@code sink}. */
    public static void scan(CharSequence text, Sink sink) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = normalize(text.charAt(i));
            if (isHan(c)) {
                int j = i;
                char prev = 0;
                while (j < n) {
                    char d = normalize(text.charAt(j));
                    if (!isHan(d)) {
                        break;
                    }
                    sink.unigram(d, j);
                    if (j > i) {
                        sink.bigram(prev, d, j - 1);
                    }
                    prev = d;
                    j++;
                }
                i = j;
            } else if (isWordChar(c)) {
                int j = wordEnd(text, i);
                if (j - i <= MAX_WORD) {
                    StringBuilder w = new StringBuilder(j - i);
                    for (int k = i; k < j; k++) {
                        w.append(normalize(text.charAt(k)));
                    }
                    sink.word(w.toString(), i);
                }
                i = j;
            } else {
                i++;
            }
        }
    }

    private static int wordEnd(CharSequence text, int start) {
        int n = text.length();
        int j = start;
        while (j < n) {
            char d = normalize(text.charAt(j));
            if (isWordChar(d)) {
                j++;
            } else if (d == '.' && j > start && isDigit(normalize(text.charAt(j - 1))) && j + 1 < n
                    && isDigit(normalize(text.charAt(j + 1)))) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    /**
     * A query's tokens, distinct, in query order: the bigrams of each Han run of two or more characters, the single
     * character of a one-character run, and the words.
     */
    public static List<String> queryTokens(String query) {
        Set<String> out = new LinkedHashSet<>();
        for (List<String> run : queryRuns(query)) {
            out.addAll(run);
        }
        return new ArrayList<>(out);
    }

    /**
     * A query's tokens grouped by run: one list per Han run (its bigrams in order, or its single character) and one
     * list per word. Phrase matching looks at the bigrams of one run.
     */
    public static List<List<String>> queryRuns(String query) {
        List<List<String>> runs = new ArrayList<>();
        List<int[]> hanRuns = new ArrayList<>();
        scan(query, new Sink() {
            @Override
            public void unigram(char c, int position) {
                int[] last = hanRuns.isEmpty() ? null : hanRuns.get(hanRuns.size() - 1);
                if (last != null && last[1] == position) {
                    last[1] = position + 1;
                } else {
                    hanRuns.add(new int[] {position, position + 1});
                    runs.add(null);
                }
            }

            @Override
            public void bigram(char first, char second, int position) {
            }

            @Override
            public void word(String word, int position) {
                runs.add(List.of(word));
            }
        });
        int h = 0;
        for (int r = 0; r < runs.size(); r++) {
            if (runs.get(r) == null) {
                int[] span = hanRuns.get(h++);
                StringBuilder s = new StringBuilder();
                for (int k = span[0]; k < span[1]; k++) {
                    s.append(normalize(query.charAt(k)));
                }
                List<String> tokens = new ArrayList<>();
                if (s.length() == 1) {
                    tokens.add(s.toString());
                } else {
                    for (int k = 0; k + 1 < s.length(); k++) {
                        tokens.add(s.substring(k, k + 2));
                    }
                }
                runs.set(r, List.copyOf(tokens));
            }
        }
        return runs;
    }
}

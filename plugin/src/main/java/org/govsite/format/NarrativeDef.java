package org.govsite.format;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What R8 reads in a report's narrative, as the format defines it: statements that give a number of the tables, and
 * claims that the tables can contradict. Patterns are Java regular expressions matched against one paragraph of
 * report.md at a time (its lines joined, full-width digits read as half-width).
 */
public record NarrativeDef(List<Statement> statements, List<Claim> claims) {
    public static final NarrativeDef NONE = new NarrativeDef(List.of(), List.of());

    public NarrativeDef {
        statements = List.copyOf(statements);
        claims = List.copyOf(claims);
    }

    /**
     * The number a statement's pattern writes as {@code {n}}: Arabic digits (full-width ones are read as half-width
     * before matching) or Chinese numerals (二十三). Expanded when the format is read, into the group named {@code n}.
     */
    public static final String NUMBER = "(?<n>\\d+|[〇零一二两三四五六七八九十][〇零一二两三四五六七八九十百千万]*)";

    /**
     * A statement such as 收到政府信息公开申请13件: the number of its pattern (the group {@code n}, written {@code {n}}
     * in the format, or else group 1) must equal the sum of its cells: {@code rows × column} of {@code table}
     * (resolved to {@code cells} when the format is read; a row or column group stands for the sum of its leaves, and
     * several rows, as in 予以公开及部分公开, for the sum of them all).
     */
    public record Statement(String key, Pattern pattern, String table, List<String> rows, String column,
                            List<CellGroup> cells) {
        public Statement {
            rows = List.copyOf(rows);
            cells = List.copyOf(cells);
        }
    }

    /**
     * A claim such as 均获维持: it contradicts the table when any of {@code zero} is above 0 in the rows the claim
     * speaks of. Those rows are the ones of every clause whose word occurs in the claim's sentence before it, or
     * {@code rows} when no clause word occurs.
     */
    public record Claim(String key, Pattern pattern, String table, List<Header> zero, List<Header> rows,
                        List<Clause> clauses) {
        public Claim {
            zero = List.copyOf(zero);
            rows = List.copyOf(rows);
            clauses = List.copyOf(clauses);
        }
    }

    /** A word that narrows a claim to some rows, e.g. 复议 → the 行政复议 row. */
    public record Clause(String word, List<Header> rows) {
        public Clause {
            rows = List.copyOf(rows);
        }
    }
}

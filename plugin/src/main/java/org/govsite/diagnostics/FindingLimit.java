package org.govsite.diagnostics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * At most {@link #PER_FILE} findings per file: past that, one finding says how many more there are ("还有 N 处…"),
 * so that a file with 50,000 broken headings gives a readable report, not 50,000 lines.
 */
public final class FindingLimit {
    public static final int PER_FILE = 100;

    private static final Comparator<Finding> BY_PLACE = Comparator.comparingInt(Finding::line)
            .thenComparingInt(Finding::column);

    private FindingLimit() {
    }

    /** The findings, sorted, with each file's beyond the first {@code perFile} (by place) replaced by one finding. */
    public static List<Finding> apply(List<Finding> findings, int perFile) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : findings) {
            byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
        }
        List<Finding> out = new ArrayList<>();
        for (List<Finding> list : byFile.values()) {
            if (list.size() <= perFile) {
                out.addAll(list);
                continue;
            }
            list.sort(BY_PLACE);
            out.addAll(list.subList(0, perFile));
            List<Finding> rest = list.subList(perFile, list.size());
            Finding first = rest.get(0);
            Severity worst = rest.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElseThrow();
            Rule rule = rest.stream().filter(f -> f.severity() == worst).map(Finding::rule).findFirst().orElseThrow();
            TreeSet<Rule> codes = new TreeSet<>(Rule.ORDER);
            rest.forEach(f -> codes.add(f.rule()));
            String listed = String.join(", ", codes.stream().map(Rule::code).toList());
            out.add(new Finding(worst, rule, first.file(), first.line(), first.column(),
                    Message.of("more", rest.size(), listed), List.of()));
        }
        out.sort(Comparator.naturalOrder());
        return List.copyOf(out);
    }
}

package org.govsite.format;

import java.util.List;

/**
 * An equation between consecutive years of one agency: Σ left(N) = Σ previous(N−1) + Σ plus(N) − Σ minus(N).
 *
 * @param scope row paths the rule is limited to (for each = ROW), empty for all
 */
public record YearRuleDef(String code, String table, RuleDef.Each each, List<String> scope, List<String> left,
                          List<String> previous, List<String> plus, List<String> minus) {
    public YearRuleDef {
        scope = List.copyOf(scope);
        left = List.copyOf(left);
        previous = List.copyOf(previous);
        plus = List.copyOf(plus);
        minus = List.copyOf(minus);
    }
}

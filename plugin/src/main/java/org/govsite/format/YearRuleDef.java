package org.govsite.format;

import java.util.List;

/**
 * An equation between consecutive years of one agency: Σ left(N) = Σ previous(N−1) + Σ plus(N) − Σ minus(N).
 * The references to the report's own year are resolved when the format is read ({@link #instances()}); those to
 * the previous year are names, resolved against the previous report's table, which may be of another format.
 *
 * @param scope row paths the rule is limited to (for each = ROW), empty for all
 */
public record YearRuleDef(String code, String table, RuleDef.Each each, List<String> scope, List<String> left,
                          List<String> previous, List<String> plus, List<String> minus, List<Instance> instances) {
    public YearRuleDef {
        scope = List.copyOf(scope);
        left = List.copyOf(left);
        previous = List.copyOf(previous);
        plus = List.copyOf(plus);
        minus = List.copyOf(minus);
        instances = List.copyOf(instances);
    }

    /** The equation at one position of the report's own table. */
    public record Instance(Header position, List<CellGroup> left, List<CellGroup> plus, List<CellGroup> minus) {
        public Instance {
            left = List.copyOf(left);
            plus = List.copyOf(plus);
            minus = List.copyOf(minus);
        }
    }
}

package org.govsite.model;

import java.math.BigDecimal;

/**
 * One value as typed in the YAML.
 *
 * @param unit the unit typed with the value (元, 万元), or empty
 */
public record Cell(BigDecimal value, String unit, int line, int column) {
}

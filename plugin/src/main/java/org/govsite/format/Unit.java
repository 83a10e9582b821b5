package org.govsite.format;

import java.math.BigDecimal;

/**
 * A unit an amount may be published with (元, 万元, 亿元), and its worth in the format's base unit (the one worth 1).
 */
public record Unit(String name, BigDecimal worth) {
}

package org.govsite.model;

import java.math.BigDecimal;

/** A number a finding is about, with the label of its cell. */
public record Term(String label, BigDecimal value) {
}

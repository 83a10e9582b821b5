package org.govsite.model;

/** What a cell of a published table holds. */
public enum CellState {
    /** A number (with its unit, for an amount that carries one). */
    NUMBER,
    /** Left blank as published ({@code ~} or an empty value). */
    BLANK,
    /** "/" as published: 不适用. */
    NOT_APPLICABLE
}

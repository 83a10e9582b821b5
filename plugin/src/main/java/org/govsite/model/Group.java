package org.govsite.model;

/** A group of agencies, as the portal groups them (政府办公室, 部门, 乡镇/街道). */
public record Group(String key, String label) {
}

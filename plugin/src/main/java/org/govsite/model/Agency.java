package org.govsite.model;

/**
 * An agency whose reports the archive holds.
 *
 * @param id    its folder name, also its URL segment: lowercase ASCII letters, digits and hyphens
 * @param group the key of its group in site.yaml, or empty
 * @param order its place within the group
 */
public record Agency(String id, String name, AgencyKind kind, String group, int order) {
}

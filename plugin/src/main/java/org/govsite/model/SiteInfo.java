package org.govsite.model;

import java.util.List;

/** The portal's own settings, from site.yaml. */
public record SiteInfo(String title, List<Group> groups) {
    public static final String DEFAULT_TITLE = "政府信息公开工作年度报告";

    public SiteInfo {
        groups = List.copyOf(groups);
    }
}

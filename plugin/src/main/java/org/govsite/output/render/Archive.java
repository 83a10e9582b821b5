package org.govsite.output.render;

import org.govsite.model.Agency;
import org.govsite.model.Group;
import org.govsite.model.ReportSummary;
import org.govsite.model.SiteInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the archive's list pages are made from: the site, its agencies in the portal's order, and a summary of every
 * published report.
 *
 * @param figures the key figures shown in lists: key and label, in order
 */
public record Archive(SiteInfo site, List<Agency> agencies, List<ReportSummary> reports, List<Figure> figures) {
    /** A key figure column of the lists. */
    public record Figure(String key, String label) {
    }

    public static final String UNGROUPED = "其他机构";

    public Archive {
        agencies = agencies.stream().sorted(agencyOrder(site)).toList();
        reports = List.copyOf(reports);
        figures = List.copyOf(figures);
    }

    /** The portal's order: by group as site.yaml lists them, then by order, then by id. */
    public static Comparator<Agency> agencyOrder(SiteInfo site) {
        List<String> groups = site.groups().stream().map(Group::key).toList();
        return Comparator.comparingInt((Agency a) -> groups.contains(a.group()) ? groups.indexOf(a.group())
                        : groups.size())
                .thenComparingInt(Agency::order).thenComparing(Agency::id);
    }

    /** The agencies of each group, in the portal's order; agencies without a known group come last. */
    public Map<Group, List<Agency>> byGroup() {
        Map<Group, List<Agency>> out = new java.util.LinkedHashMap<>();
        for (Group g : site.groups()) {
            List<Agency> list = agencies.stream().filter(a -> a.group().equals(g.key())).toList();
            if (!list.isEmpty()) {
                out.put(g, list);
            }
        }
        List<Agency> rest = agencies.stream()
                .filter(a -> site.groups().stream().noneMatch(g -> g.key().equals(a.group()))).toList();
        if (!rest.isEmpty()) {
            out.put(new Group("", UNGROUPED), rest);
        }
        return out;
    }

    /** The years with reports, newest first, each with its reports in the portal's agency order. */
    public Map<Integer, List<ReportSummary>> byYear() {
        Map<Integer, List<ReportSummary>> out = new TreeMap<>(Comparator.reverseOrder());
        List<String> order = agencies.stream().map(Agency::id).toList();
        for (ReportSummary r : reports) {
            out.computeIfAbsent(r.year(), y -> new ArrayList<>()).add(r);
        }
        out.values().forEach(l -> l.sort(Comparator.comparingInt((ReportSummary r) -> order.indexOf(r.agencyId()))));
        return out;
    }

    /** An agency's reports, newest first. */
    public List<ReportSummary> reportsOf(String agencyId) {
        return reports.stream().filter(r -> r.agencyId().equals(agencyId))
                .sorted(Comparator.comparingInt(ReportSummary::year).reversed()).toList();
    }

    /** The key figures of every format, each key once, in the order of the newest format first. */
    public static List<Figure> figures(org.govsite.format.FormatCatalog formats) {
        List<Figure> out = new java.util.ArrayList<>();
        List<org.govsite.format.FormatDefinition> newestFirst = new java.util.ArrayList<>(formats.all());
        newestFirst.sort((a, b) -> Integer.compare(b.firstYear(), a.firstYear()));
        for (org.govsite.format.FormatDefinition f : newestFirst) {
            for (org.govsite.format.KeyFigureDef k : f.keyFigures()) {
                if (out.stream().noneMatch(x -> x.key().equals(k.key()))) {
                    out.add(new Figure(k.key(), k.label()));
                }
            }
        }
        return out;
    }
}

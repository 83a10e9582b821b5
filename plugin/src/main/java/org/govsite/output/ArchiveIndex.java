package org.govsite.output;

import org.govsite.check.YearSums;
import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.format.KeyFigureDef;
import org.govsite.model.Agency;
import org.govsite.model.Group;
import org.govsite.model.ReportSummary;
import org.govsite.model.SiteInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the archive outputs are made from, computed once per build: the site, its agencies in the portal's order, the
 * published reports (and only those: a report with errors is in no list, no feed and no sum), grouped by agency and by
 * year, and the year sums. Immutable; every grouping is computed in one pass over the reports.
 */
public final class ArchiveIndex {
    /** A key figure column of the lists. */
    public record Figure(String key, String label) {
    }

    /**
     * A published report as the archive keeps it: its summary and what the year sums need of its tables (neither the
     * tables nor the narrative are kept, so that memory stays small however large the archive).
     *
     * @param cells    its values for the year sums
     * @param dataRows the number of rows it has in the open data (its CSV and the dataset)
     */
    public record Entry(ReportSummary summary, YearSums.Cells cells, int dataRows) {
    }

    private final SiteInfo site;
    private final List<Agency> agencies;
    private final List<Entry> entries;
    private final FormatCatalog formats;
    private final List<Figure> figures;
    private final Map<String, List<ReportSummary>> byAgency;
    private final Map<Integer, List<ReportSummary>> byYear;
    private final Map<Group, List<Agency>> byGroup;
    private final YearSums yearSums = new YearSums();
    private final java.util.function.Predicate<String> unchanged;

    /**
     * @param agencies every agency, in any order
     * @param entries  the published reports, by agency id, then year
     */
    public ArchiveIndex(SiteInfo site, List<Agency> agencies, List<Entry> entries, FormatCatalog formats) {
        this(site, agencies, entries, formats, id -> false);
    }

    /**
     * @param unchanged whether an agency's published reports are those the previous build's archive showed, with the
     *                  same summaries (an incremental build): its page may be kept as it is
     */
    public ArchiveIndex(SiteInfo site, List<Agency> agencies, List<Entry> entries, FormatCatalog formats,
                        java.util.function.Predicate<String> unchanged) {
        this.site = site;
        this.unchanged = unchanged;
        this.agencies = agencies.stream().sorted(agencyOrder(site)).toList();
        this.entries = List.copyOf(entries);
        this.formats = formats;
        this.figures = figures(formats);
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < this.agencies.size(); i++) {
            order.put(this.agencies.get(i).id(), i);
        }
        Map<String, List<ReportSummary>> agencyLists = new HashMap<>();
        Map<Integer, List<ReportSummary>> yearLists = new TreeMap<>(Comparator.reverseOrder());
        for (Entry e : this.entries) {
            ReportSummary r = e.summary();
            agencyLists.computeIfAbsent(r.agencyId(), k -> new ArrayList<>()).add(r);
            yearLists.computeIfAbsent(r.year(), y -> new ArrayList<>()).add(r);
            yearSums.add(e.cells());
        }
        Map<String, List<ReportSummary>> agencyOut = new HashMap<>();
        agencyLists.forEach((id, list) -> {
            List<ReportSummary> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingInt(ReportSummary::year).reversed());
            agencyOut.put(id, List.copyOf(sorted));
        });
        this.byAgency = Collections.unmodifiableMap(agencyOut);
        Map<Integer, List<ReportSummary>> yearOut = new TreeMap<>(Comparator.reverseOrder());
        yearLists.forEach((year, list) -> {
            List<ReportSummary> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingInt((ReportSummary r) -> order.getOrDefault(r.agencyId(), -1)));
            yearOut.put(year, List.copyOf(sorted));
        });
        this.byYear = Collections.unmodifiableMap(yearOut);
        Map<Group, List<Agency>> groups = new LinkedHashMap<>();
        for (Group g : site.groups()) {
            List<Agency> list = this.agencies.stream().filter(a -> a.group().equals(g.key())).toList();
            if (!list.isEmpty()) {
                groups.put(g, list);
            }
        }
        List<Agency> rest = this.agencies.stream()
                .filter(a -> site.groups().stream().noneMatch(g -> g.key().equals(a.group()))).toList();
        if (!rest.isEmpty()) {
            groups.put(new Group("", ""), rest);
        }
        this.byGroup = Collections.unmodifiableMap(groups);
    }

    /** The portal's order: by group as site.yaml lists them, then by order, then by id. */
    public static Comparator<Agency> agencyOrder(SiteInfo site) {
        List<String> groups = site.groups().stream().map(Group::key).toList();
        return Comparator.comparingInt((Agency a) -> groups.contains(a.group()) ? groups.indexOf(a.group())
                        : groups.size())
                .thenComparingInt(Agency::order).thenComparing(Agency::id);
    }

    /** The key figures of every format, each key once, in the order of the newest format first. */
    public static List<Figure> figures(FormatCatalog formats) {
        List<Figure> out = new ArrayList<>();
        List<FormatDefinition> newestFirst = new ArrayList<>(formats.all());
        newestFirst.sort((a, b) -> Integer.compare(b.firstYear(), a.firstYear()));
        for (FormatDefinition f : newestFirst) {
            for (KeyFigureDef k : f.keyFigures()) {
                if (out.stream().noneMatch(x -> x.key().equals(k.key()))) {
                    out.add(new Figure(k.key(), k.label()));
                }
            }
        }
        return List.copyOf(out);
    }

    public SiteInfo site() {
        return site;
    }

    /** Every agency, in the portal's order. */
    public List<Agency> agencies() {
        return agencies;
    }

    /** The published reports, by agency id, then year. */
    public List<Entry> entries() {
        return entries;
    }

    /** The published reports' summaries, by agency id, then year. */
    public List<ReportSummary> reports() {
        return entries.stream().map(Entry::summary).toList();
    }

    public FormatCatalog formats() {
        return formats;
    }

    /** The key figures shown in lists: key and label, in order. */
    public List<Figure> figures() {
        return figures;
    }

    /**
     * The agencies of each group, in the portal's order; agencies without a known group come last, in a group whose
     * key and label are empty.
     */
    public Map<Group, List<Agency>> byGroup() {
        return byGroup;
    }

    /** The years with published reports, newest first, each with its reports in the portal's agency order. */
    public Map<Integer, List<ReportSummary>> byYear() {
        return byYear;
    }

    /** An agency's published reports, newest first. */
    public List<ReportSummary> reportsOf(String agencyId) {
        return byAgency.getOrDefault(agencyId, List.of());
    }

    /**
     * Whether the agency's published reports and their summaries are those of the previous build, whose agency page
     * an incremental build may then keep ({@link org.govsite.output.write.OutputSink#keep}).
     */
    public boolean unchanged(String agencyId) {
        return unchanged.test(agencyId);
    }

    /** The sums of every year's published reports, cell by cell. */
    public YearSums yearSums() {
        return yearSums;
    }
}

package org.govsite.output.render;

import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.format.KeyFigureDef;
import org.govsite.format.TableDef;
import org.govsite.model.ReportSummary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Trend charts as inline SVG, drawn at build time: no script in the browser. This class computes the geometry only;
 * the markup and every word of it (title, description, legend, axis titles) come from the template
 * {@code chart.html}, escaped by Thymeleaf like any page text.
 *
 * <p>The chart is laid out for the width it gets rather than scaled: horizontal positions are percentages of the
 * chart's width, vertical ones are CSS pixels, and its text keeps the page's font size (so it is as legible on a
 * 360-px phone as on a desktop, and grows with the larger-text mode). The lines are drawn in a nested SVG stretched
 * to the chart's width, with strokes that do not scale. The legend and the axis titles are HTML around the SVG.
 *
 * <p>Each chart carries a {@code <title>} and a {@code <desc>} that says every number in words, and the page shows
 * the same numbers in a table beside it. Series differ by dash pattern and marker shape, not only by colour, and are
 * drawn in {@code currentColor}-based classes so that forced colours (high contrast) and print keep them apart.
 */
public final class ChartRenderer {
    /** The chart's height in CSS pixels: room above the top grid line for its label, the plot, the year labels. */
    public static final int HEIGHT = 236;
    /** The width of the nested SVG's coordinate system for the lines: 1000 units are the chart's full width. */
    public static final int UNITS = 1000;
    private static final int TOP = 24;
    private static final int PLOT = 180;
    /** Horizontal margins of the plot, in percent of the width: the value labels sit at the left. */
    private static final double PAD_LEFT = 14;
    private static final double PAD_RIGHT = 8;
    /** At most this many year labels, so that they never overlap on a phone; the data table has every year. */
    private static final int MAX_YEAR_LABELS = 7;
    private static final String[] DASHES = {null, "8 4", "2 4", "12 4 2 4", "4 4", "16 6"};
    private static final int STYLES = DASHES.length;
    private static final int MARKERS = 4;

    private ChartRenderer() {
    }

    /** A chart's series: key figures of one table, e.g. 收到和处理政府信息公开申请情况. */
    public record Group(String title, List<String> keys, List<String> labels) {
        public Group {
            keys = List.copyOf(keys);
            labels = List.copyOf(labels);
        }
    }

    /**
     * One trend chart.
     *
     * @param id      a prefix for the ids of this chart, unique on its page
     * @param subject what the chart is about (the agency)
     * @param group   the table its figures come from
     * @param years   the x values, oldest first
     * @param ticks   the horizontal grid lines with their values
     * @param labels  the years written under the axis (every year, or every k-th when there are many)
     * @param series  one per key figure
     * @param rows    the data table: one row per year
     */
    public record ChartView(String id, String subject, String group, List<Integer> years, List<Tick> ticks,
                            List<YearLabel> labels, List<Series> series, List<DataRow> rows) {
        public ChartView {
            years = List.copyOf(years);
            ticks = List.copyOf(ticks);
            labels = List.copyOf(labels);
            series = List.copyOf(series);
            rows = List.copyOf(rows);
        }

        /** The series labels, the columns of the data table. */
        public List<String> columns() {
            return series.stream().map(Series::label).toList();
        }

        /** The marker shapes, drawn once and referenced by every point and legend key. */
        public List<Integer> markers() {
            return IntStream.range(0, Math.min(MARKERS, series.size())).boxed().toList();
        }

        public int height() {
            return HEIGHT;
        }

        public String viewBox() {
            return "0 0 " + UNITS + " " + HEIGHT;
        }
    }

    /** A horizontal grid line at {@code y} (px) for {@code value}, its label written just above it. */
    public record Tick(String y, String labelY, String value) {
    }

    /** A year under the axis, centred at {@code x} (percent of the width). */
    public record YearLabel(String x, String y, int year) {
    }

    /**
     * One line of the chart.
     *
     * @param style   its CSS classes (colour by series, kept apart by dash and marker too)
     * @param dash    its dash pattern, or {@code null} for a solid line
     * @param marker  its marker shape (an index into {@link ChartView#markers()})
     * @param lines   the polylines in the nested SVG's units; a missing value breaks the line
     * @param points  the markers, at x percent and y px
     * @param values  every year's value, {@code null} where the report has none
     */
    public record Series(String label, String style, String dash, int marker, List<String> lines,
                         List<Point> points, List<DataPoint> values) {
        public Series {
            lines = List.copyOf(lines);
            points = List.copyOf(points);
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    public record Point(String x, String y) {
    }

    /** A year and its value as written in the report, or {@code null}. */
    public record DataPoint(int year, String value) {
    }

    /** A row of the chart's data table: a year and the value of each series, {@code null} where missing. */
    public record DataRow(int year, List<String> values) {
        public DataRow {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** One chart per group, over the reports (oldest first); a group without any value is left out. */
    public static List<ChartView> trends(String idPrefix, String subject, List<ReportSummary> oldestFirst,
                                         List<Group> groups) {
        List<ChartView> out = new ArrayList<>();
        List<Integer> years = oldestFirst.stream().map(ReportSummary::year).toList();
        int n = 0;
        for (Group g : groups) {
            n++;
            List<List<BigDecimal>> series = new ArrayList<>();
            boolean any = false;
            for (String key : g.keys()) {
                List<BigDecimal> values = new ArrayList<>();
                for (ReportSummary r : oldestFirst) {
                    Optional<ReportSummary.Figure> f = r.figure(key);
                    values.add(f.map(ReportSummary.Figure::value).orElse(null));
                    any |= f.isPresent();
                }
                series.add(values);
            }
            if (any) {
                out.add(chart(idPrefix + "-" + n, subject, g.title(), years, g.labels(), series));
            }
        }
        return out;
    }

    /** A line chart; {@code series.get(i).get(j)} is series i in year j, {@code null} where missing. */
    public static ChartView chart(String id, String subject, String group, List<Integer> years, List<String> labels,
                                  List<List<BigDecimal>> series) {
        BigDecimal max = BigDecimal.ZERO;
        for (List<BigDecimal> s : series) {
            for (BigDecimal v : s) {
                if (v != null && v.compareTo(max) > 0) {
                    max = v;
                }
            }
        }
        BigDecimal step = step(max);
        int steps = max.signum() == 0 ? 1 : max.divide(step, 0, RoundingMode.CEILING).intValue();
        BigDecimal top = step.multiply(BigDecimal.valueOf(steps));
        List<Tick> ticks = new ArrayList<>();
        for (int t = 0; t <= steps; t++) {
            double y = TOP + PLOT - (double) PLOT * t / steps;
            ticks.add(new Tick(fmt(y), fmt(y - 5), step.multiply(BigDecimal.valueOf(t)).toPlainString()));
        }
        int every = (years.size() + MAX_YEAR_LABELS - 1) / MAX_YEAR_LABELS;
        List<YearLabel> yearLabels = new ArrayList<>();
        for (int j = 0; j < years.size(); j++) {
            if ((years.size() - 1 - j) % Math.max(every, 1) == 0) {
                yearLabels.add(new YearLabel(fmt(x(j, years.size())) + "%", fmt(TOP + PLOT + 22), years.get(j)));
            }
        }
        List<Series> out = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            List<String> lines = new ArrayList<>();
            List<Point> points = new ArrayList<>();
            List<DataPoint> values = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            List<BigDecimal> s = series.get(i);
            for (int j = 0; j < s.size(); j++) {
                BigDecimal v = s.get(j);
                values.add(new DataPoint(years.get(j), v == null ? null : v.toPlainString()));
                if (v == null) {
                    if (line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    continue;
                }
                double x = x(j, years.size());
                double y = top.signum() == 0 ? TOP + PLOT : TOP + PLOT - PLOT * v.doubleValue() / top.doubleValue();
                line.append(line.length() > 0 ? " " : "").append(fmt(x * UNITS / 100)).append(',').append(fmt(y));
                points.add(new Point(fmt(x) + "%", fmt(y)));
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
            out.add(new Series(labels.get(i), "gs-series gs-s" + (i % STYLES + 1), DASHES[i % STYLES],
                    i % MARKERS, lines, points, values));
        }
        List<DataRow> rows = new ArrayList<>();
        for (int j = 0; j < years.size(); j++) {
            List<String> values = new ArrayList<>();
            for (List<BigDecimal> s : series) {
                values.add(s.get(j) == null ? null : s.get(j).toPlainString());
            }
            rows.add(new DataRow(years.get(j), values));
        }
        return new ChartView(id, subject, group, years, ticks, yearLabels, out, rows);
    }

    /** The x of year j of {@code count}, in percent of the chart's width. */
    private static double x(int j, int count) {
        double span = 100 - PAD_LEFT - PAD_RIGHT;
        return count == 1 ? PAD_LEFT + span / 2 : PAD_LEFT + span * j / (count - 1);
    }

    /** 1, 2 or 5 × 10^k, so that the axis has at most five steps. */
    static BigDecimal step(BigDecimal max) {
        if (max.signum() <= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal magnitude = BigDecimal.ONE;
        while (magnitude.multiply(BigDecimal.TEN).multiply(BigDecimal.valueOf(5)).compareTo(max) < 0) {
            magnitude = magnitude.multiply(BigDecimal.TEN);
        }
        for (int m : new int[]{1, 2, 5, 10, 20, 50}) {
            BigDecimal s = magnitude.multiply(BigDecimal.valueOf(m));
            if (s.multiply(BigDecimal.valueOf(5)).compareTo(max) >= 0) {
                return s;
            }
        }
        return magnitude.multiply(BigDecimal.valueOf(100));
    }

    /**
     * {@code v} with one decimal, as {@code String.format(Locale.ROOT, "%.1f", v)} writes it (its shortest decimal
     * digits rounded half up), without a {@code Formatter} per number: the charts write a few hundred per page.
     */
    static String fmt(double v) {
        if (Double.doubleToRawLongBits(v) >= 0 && v < 1e15) { // not negative (nor -0.0), not NaN, no exponent
            return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).toPlainString();
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** The trend charts: the key figures of each table, in the order of the newest format. */
    public static List<Group> groups(FormatCatalog formats) {
        Map<String, Group> groups = new LinkedHashMap<>();
        List<FormatDefinition> newestFirst = new ArrayList<>(formats.all());
        newestFirst.sort((a, b) -> Integer.compare(b.firstYear(), a.firstYear()));
        Set<String> seen = new HashSet<>();
        for (FormatDefinition f : newestFirst) {
            for (KeyFigureDef k : f.keyFigures()) {
                if (!seen.add(k.key())) {
                    continue;
                }
                String caption = f.table(k.table()).map(TableDef::caption).orElse(k.table());
                Group g = groups.getOrDefault(k.table(), new Group(caption, List.of(),
                        List.of()));
                List<String> keys = new ArrayList<>(g.keys());
                List<String> labels = new ArrayList<>(g.labels());
                keys.add(k.key());
                labels.add(k.label());
                groups.put(k.table(), new Group(g.title(), keys, labels));
            }
        }
        return List.copyOf(groups.values());
    }
}

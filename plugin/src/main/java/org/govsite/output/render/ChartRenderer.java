package org.govsite.output.render;


import org.govsite.model.ReportSummary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * Trend charts as inline SVG, drawn at build time: no script in the browser. Each chart carries a {@code <title>} and
 * a {@code <desc>} that says every number in words, and the page shows the same numbers in a table beside it.
 * Series differ by dash pattern and marker shape, not only by colour, and are drawn in {@code currentColor}-based
 * classes so that forced colours (high contrast) and print keep them apart.
 */
public final class ChartRenderer {
    private static final int WIDTH = 640;
    private static final int LEFT = 56;
    private static final int RIGHT = 24;
    private static final int TOP = 16;
    private static final int PLOT = 200;
    private static final int LEGEND_ROW = 24;
    private static final String[] DASHES = {"", "8 4", "2 4", "12 4 2 4", "4 4", "16 6"};
    private static final int STYLES = DASHES.length;

    private ChartRenderer() {
    }

    /** A chart's series: key figures of one table, e.g. 收到和处理政府信息公开申请情况. */
    public record Group(String title, List<String> keys, List<String> labels) {
        public Group {
            keys = List.copyOf(keys);
            labels = List.copyOf(labels);
        }
    }

    /** A row of the chart's data table: one x value (a year) and the value of each series. */
    public record DataRow(String label, List<String> values) {
        public DataRow {
            values = List.copyOf(values);
        }
    }

    /**
     * @param id      a prefix for the ids of this chart, unique on its page
     * @param svg     the SVG markup, escaped here
     * @param columns the series labels, the columns of the data table
     */
    public record ChartView(String id, String title, String svg, List<String> columns, List<DataRow> rows) {
        public ChartView {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /** One chart per group, over the reports (oldest first); a group without any value is left out. */
    public static List<ChartView> trends(String idPrefix, String subject, List<ReportSummary> oldestFirst,
                                         List<Group> groups) {
        List<ChartView> out = new ArrayList<>();
        List<String> xs = oldestFirst.stream().map(r -> r.year() + "年").toList();
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
                out.add(chart(idPrefix + "-" + n, subject + "：" + g.title(), xs, g.labels(), series));
            }
        }
        return out;
    }

    /** A line chart; {@code series.get(i).get(j)} is series i at x j, {@code null} where missing. */
    public static ChartView chart(String id, String title, List<String> xs, List<String> labels,
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
        int ticks = max.signum() == 0 ? 1 : max.divide(step, 0, RoundingMode.CEILING).intValue();
        BigDecimal top = step.multiply(BigDecimal.valueOf(ticks));
        int legendRows = (labels.size() + 1) / 2;
        int height = TOP + PLOT + 40 + legendRows * LEGEND_ROW + 8;
        int plotWidth = WIDTH - LEFT - RIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"gs-chart-svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" role=\"img\" focusable=\"false\" aria-labelledby=\"")
                .append(id).append("-title ").append(id).append("-desc\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(esc(title)).append("</title>");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(esc(describe(xs, labels, series)))
                .append("</desc>");
        // axes and grid
        for (int t = 0; t <= ticks; t++) {
            double y = TOP + PLOT - (double) PLOT * t / ticks;
            svg.append("<line class=\"gs-grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>");
            svg.append("<text class=\"gs-tick\" x=\"").append(LEFT - 8).append("\" y=\"").append(fmt(y + 5))
                    .append("\" text-anchor=\"end\">").append(step.multiply(BigDecimal.valueOf(t)).toPlainString())
                    .append("</text>");
        }
        svg.append("<line class=\"gs-axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"")
                .append(TOP).append("\" y2=\"").append(TOP + PLOT).append("\"/>");
        for (int j = 0; j < xs.size(); j++) {
            double x = x(j, xs.size(), plotWidth);
            svg.append("<text class=\"gs-tick\" x=\"").append(fmt(x)).append("\" y=\"").append(TOP + PLOT + 24)
                    .append("\" text-anchor=\"middle\">").append(esc(xs.get(j))).append("</text>");
        }
        for (int i = 0; i < series.size(); i++) {
            String cls = "gs-series gs-s" + (i % STYLES + 1);
            StringBuilder points = new StringBuilder();
            StringBuilder markers = new StringBuilder();
            List<BigDecimal> s = series.get(i);
            for (int j = 0; j < s.size(); j++) {
                if (s.get(j) == null) {
                    if (points.length() > 0) {
                        line(svg, cls, i, points);
                        points.setLength(0);
                    }
                    continue;
                }
                double x = x(j, xs.size(), plotWidth);
                double y = top.signum() == 0 ? TOP + PLOT
                        : TOP + PLOT - PLOT * s.get(j).doubleValue() / top.doubleValue();
                points.append(points.length() > 0 ? " " : "").append(fmt(x)).append(',').append(fmt(y));
                marker(markers, i, x, y);
            }
            if (points.length() > 0) {
                line(svg, cls, i, points);
            }
            svg.append("<g class=\"").append(cls).append(" gs-marker\">").append(markers).append("</g>");
        }
        // legend: two per row, a line sample with its marker and the label
        int legendTop = TOP + PLOT + 48;
        for (int i = 0; i < labels.size(); i++) {
            int lx = LEFT + (i % 2) * (plotWidth / 2);
            int ly = legendTop + (i / 2) * LEGEND_ROW;
            String cls = "gs-series gs-s" + (i % STYLES + 1);
            StringBuilder sample = new StringBuilder();
            sample.append(lx).append(',').append(ly - 5).append(' ').append(lx + 36).append(',').append(ly - 5);
            line(svg, cls, i, sample);
            StringBuilder m = new StringBuilder();
            marker(m, i, lx + 18, ly - 5);
            svg.append("<g class=\"").append(cls).append(" gs-marker\">").append(m).append("</g>");
            svg.append("<text class=\"gs-legend\" x=\"").append(lx + 44).append("\" y=\"").append(ly)
                    .append("\">").append(esc(labels.get(i))).append("</text>");
        }
        svg.append("</svg>");
        List<DataRow> rows = new ArrayList<>();
        for (int j = 0; j < xs.size(); j++) {
            List<String> values = new ArrayList<>();
            for (List<BigDecimal> s : series) {
                values.add(s.get(j) == null ? ListingRows.NONE : s.get(j).toPlainString());
            }
            rows.add(new DataRow(xs.get(j), values));
        }
        return new ChartView(id, title, svg.toString(), labels, rows);
    }

    private static void line(StringBuilder svg, String cls, int i, CharSequence points) {
        svg.append("<polyline class=\"").append(cls).append("\" fill=\"none\" points=\"").append(points).append('"');
        String dash = DASHES[i % STYLES];
        if (!dash.isEmpty()) {
            svg.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        svg.append("/>");
    }

    /** Circle, square, triangle, diamond, … : a shape per series. */
    private static void marker(StringBuilder out, int i, double x, double y) {
        switch (i % 4) {
            case 0 -> out.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
                    .append("\" r=\"5\"/>");
            case 1 -> out.append("<rect x=\"").append(fmt(x - 5)).append("\" y=\"").append(fmt(y - 5))
                    .append("\" width=\"10\" height=\"10\"/>");
            case 2 -> out.append("<path d=\"M").append(fmt(x)).append(',').append(fmt(y - 6)).append(" L")
                    .append(fmt(x + 6)).append(',').append(fmt(y + 5)).append(" L").append(fmt(x - 6)).append(',')
                    .append(fmt(y + 5)).append(" Z\"/>");
            default -> out.append("<path d=\"M").append(fmt(x)).append(',').append(fmt(y - 7)).append(" L")
                    .append(fmt(x + 7)).append(',').append(fmt(y)).append(" L").append(fmt(x)).append(',')
                    .append(fmt(y + 7)).append(" L").append(fmt(x - 7)).append(',').append(fmt(y)).append(" Z\"/>");
        }
    }

    private static double x(int j, int count, int plotWidth) {
        return count == 1 ? LEFT + plotWidth / 2.0 : LEFT + 24 + (double) (plotWidth - 48) * j / (count - 1);
    }

    /** The chart's text alternative: every value of every series. */
    static String describe(List<String> xs, List<String> labels, List<List<BigDecimal>> series) {
        StringBuilder d = new StringBuilder();
        if (!xs.isEmpty()) {
            d.append(xs.size() == 1 ? xs.get(0) : xs.get(0) + "至" + xs.get(xs.size() - 1)).append("。");
        }
        for (int i = 0; i < labels.size(); i++) {
            d.append(labels.get(i)).append("：");
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < xs.size(); j++) {
                BigDecimal v = series.get(i).get(j);
                parts.add(xs.get(j) + " " + (v == null ? "无数据" : v.toPlainString()));
            }
            d.append(String.join("，", parts)).append("。");
        }
        return d.toString();
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

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The trend charts: the key figures of each table, in the order of the newest format. */
    public static List<Group> groups(org.govsite.format.FormatCatalog formats) {
        Map<String, Group> groups = new java.util.LinkedHashMap<>();
        List<org.govsite.format.FormatDefinition> newestFirst = new ArrayList<>(formats.all());
        newestFirst.sort((a, b) -> Integer.compare(b.firstYear(), a.firstYear()));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (org.govsite.format.FormatDefinition f : newestFirst) {
            for (org.govsite.format.KeyFigureDef k : f.keyFigures()) {
                if (!seen.add(k.key())) {
                    continue;
                }
                String caption = f.table(k.table()).map(org.govsite.format.TableDef::caption).orElse(k.table());
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

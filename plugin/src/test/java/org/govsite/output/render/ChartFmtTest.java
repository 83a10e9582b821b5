package org.govsite.output.render;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The charts' numbers are written exactly as {@code String.format("%.1f")} wrote them: the pages do not change. */
class ChartFmtTest {
    private static void same(double v) {
        assertEquals(String.format(Locale.ROOT, "%.1f", v), ChartRenderer.fmt(v), () -> "for " + v);
    }

    @Test
    void writesWhatFormatWrites() {
        for (double v : new double[] {0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 1.05, 2.675, 9.95, 99.95, 199.25,
                236, 24.000000000000004, 1e-9, 0.049999999999999996, -0.04, -3.25, 1e15, 1.5e20, Double.NaN,
                Double.POSITIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE}) {
            same(v);
        }
        for (int i = 0; i <= 200_000; i++) { // every tie and near-tie of the charts' range, and what they compute
            same(i / 100.0);
            same(i * 0.05);
            same(24 + 180 - 180.0 * (i % 997) / (1 + i % 13));
            same(14 + (100 - 14 - 8) * (double) (i % 50) / (1 + i % 49));
        }
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 200_000; i++) {
            same(random.nextDouble(0, 2000));
            same(random.nextDouble(0, 1e12));
        }
    }
}

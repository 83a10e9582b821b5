package org.govsite.output.write;

import org.govsite.diagnostics.Finding;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The generated site links to a file or an anchor that it does not hold, and neither the narratives nor the theme
 * explain it: a fault of the plugin, never of the input. The build stops (BUILD ERROR) and nothing is published.
 */
public final class SiteSelfCheckException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Finding> broken;

    public SiteSelfCheckException(List<Finding> broken) {
        super("the generated site has " + broken.size() + " broken link(s), a fault of the plugin: "
                + broken.stream().limit(5).map(f -> f.format(Locale.ROOT)).collect(Collectors.joining("; ")));
        this.broken = List.copyOf(broken);
    }

    /** The broken links, as findings on the generated pages. */
    public List<Finding> broken() {
        return broken;
    }
}

package org.govsite.output.write;

import java.io.IOException;

/**
 * The build refuses its output folder, before writing anything: it is, contains or lies inside a folder the build
 * reads (the project, the source, the theme or the formats), it is a file or a folder govsite did not write, or
 * another build holds it longer than the build waits. The message is plain and names the folder.
 */
public final class OutputRefusedException extends IOException {
    public OutputRefusedException(String message) {
        super(message);
    }
}

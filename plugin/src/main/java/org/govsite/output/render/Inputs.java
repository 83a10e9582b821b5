package org.govsite.output.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of what an archive page shows, for {@link org.govsite.output.write.OutputSink#keepUnchanged}: the
 * SHA-256 of the text of each part (records of strings, numbers and lists, whose text says all they hold), each
 * prefixed by its length. The templates, texts and parameters are not in it: a change to any of them is a full build.
 */
final class Inputs {
    private Inputs() {
    }

    /** The fingerprint of {@code parts}, in order. */
    static String of(Object... parts) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Object part : parts) {
            byte[] b = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 8; i++) {
                digest.update((byte) ((long) b.length >>> (8 * i)));
            }
            digest.update(b);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

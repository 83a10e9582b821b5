package org.govsite.pipeline;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Big-endian primitives into a stream through one unsynchronised buffer: what {@link java.io.DataOutputStream} over a
 * {@link java.io.BufferedOutputStream} writes, byte for byte, without a locked call per byte (the stored state of a
 * 20,000-report archive is tens of millions of them). Not thread-safe.
 */
final class BinaryOut implements AutoCloseable {
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int at;

    BinaryOut(OutputStream out) {
        this.out = out;
    }

    private void room(int n) throws IOException {
        if (at + n > buffer.length) {
            flush();
        }
    }

    void writeByte(int v) throws IOException {
        room(1);
        buffer[at++] = (byte) v;
    }

    void writeBoolean(boolean v) throws IOException {
        writeByte(v ? 1 : 0);
    }

    void writeShort(int v) throws IOException {
        room(2);
        buffer[at++] = (byte) (v >>> 8);
        buffer[at++] = (byte) v;
    }

    void writeInt(int v) throws IOException {
        room(4);
        buffer[at++] = (byte) (v >>> 24);
        buffer[at++] = (byte) (v >>> 16);
        buffer[at++] = (byte) (v >>> 8);
        buffer[at++] = (byte) v;
    }

    void writeLong(long v) throws IOException {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    void write(byte[] b, int off, int len) throws IOException {
        if (len > buffer.length) {
            flush();
            out.write(b, off, len);
            return;
        }
        room(len);
        System.arraycopy(b, off, buffer, at, len);
        at += len;
    }

    void flush() throws IOException {
        if (at > 0) {
            out.write(buffer, 0, at);
            at = 0;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}

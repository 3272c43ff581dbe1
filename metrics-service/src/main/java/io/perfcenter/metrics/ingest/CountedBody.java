package io.perfcenter.metrics.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An upload's body as its reader consumes it: the bytes read so far and the size the whole body has (the received
 * file's, or the declared Content-Length while it arrives; -1 when unknown). An upload sizes its last chunks by
 * them ({@link BulkIngestion}).
 */
final class CountedBody extends FilterInputStream {

    private final long expected;
    private long consumed;

    CountedBody(InputStream in, long expected) {
        super(in);
        this.expected = expected;
    }

    long expected() {
        return expected;
    }

    long consumed() {
        return consumed;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            consumed++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            consumed += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        consumed += skipped;
        return skipped;
    }
}

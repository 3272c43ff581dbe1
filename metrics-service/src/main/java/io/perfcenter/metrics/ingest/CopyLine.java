package io.perfcenter.metrics.ingest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/** Rows in PostgreSQL's COPY text format, encoded straight into a growing byte buffer: one chunk of an upload. */
final class CopyLine {

    private byte[] buffer = new byte[1 << 20];
    private int size;
    private int rows;
    private int[] starts = new int[1 << 12];

    void add(Object[] row) {
        if (rows == starts.length) {
            starts = Arrays.copyOf(starts, rows * 2);
        }
        starts[rows] = size;
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            append(row[i]);
        }
        put((byte) '\n');
        rows++;
    }

    /** Empties the chunk for the next rows, keeping its buffers (an upload alternates two chunks). */
    CopyLine clear() {
        size = 0;
        rows = 0;
        return this;
    }

    /**
     * Appends the chosen fields (0-based, ascending) of the chosen rows of {@code from}, as they are encoded (escapes
     * kept): COPY text rows of those fields only, one row of this chunk each.
     */
    CopyLine appendFields(CopyLine from, java.util.BitSet which, int... fields) {
        byte[] source = from.buffer;
        for (int i = which.nextSetBit(0); i >= 0 && i < from.rows; i = which.nextSetBit(i + 1)) {
            if (rows == starts.length) {
                starts = Arrays.copyOf(starts, rows * 2);
            }
            starts[rows++] = size;
            int p = from.start(i);
            int field = 0;
            for (int k = 0; k < fields.length; k++) {
                while (field < fields[k]) {
                    while (source[p] != '\t') {
                        p++;
                    }
                    p++;
                    field++;
                }
                int end = p;
                while (source[end] != '\t' && source[end] != '\n') {
                    end++;
                }
                if (k > 0) {
                    put((byte) '\t');
                }
                putAll(source, p, end - p);
            }
            put((byte) '\n');
        }
        return this;
    }

    int size() {
        return size;
    }

    int rows() {
        return rows;
    }

    byte[] bytes() {
        return buffer;
    }

    /** Offset of row {@code i} (0-based); {@code rows()} gives the end of the last row. */
    int start(int i) {
        return i == rows ? size : starts[i];
    }

    /** Field {@code f} (0-based) of row {@code i}, unescaped. */
    String field(int i, int f) {
        int p = start(i);
        for (int k = 0; k < f; k++) {
            while (buffer[p] != '\t') {
                p++;
            }
            p++;
        }
        int end = p;
        boolean escaped = false;
        while (buffer[end] != '\t' && buffer[end] != '\n') {
            escaped |= buffer[end] == '\\';
            end++;
        }
        String text = new String(buffer, p, end - p, StandardCharsets.UTF_8);
        if (!escaped) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\\' && k + 1 < text.length()) {
                char n = text.charAt(++k);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private void putAll(byte[] bytes, int from, int length) {
        if (size + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + length));
        }
        System.arraycopy(bytes, from, buffer, size, length);
        size += length;
    }

    private void put(byte b) {
        if (size == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[size++] = b;
    }

    private void append(Object value) {
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
        } else if (value instanceof String s) {
            text(s);
        } else if (value instanceof Moment m) {
            ascii(m.text());
        } else if (value instanceof RecordField.JsonText j) {
            text(j.json());
        } else if (value instanceof Integer n) {
            digits(n);
        } else if (value instanceof Boolean b) {
            put((byte) (b ? 't' : 'f'));
        } else if (value instanceof BigDecimal d) {
            ascii(d.toPlainString());
        } else if (value instanceof LocalDate d) {
            ascii(d.toString());
        } else {
            ascii(value.toString());
        }
    }

    /** A whole number's decimal digits, written straight into the buffer (no String per number). */
    private void digits(int n) {
        if (n == Integer.MIN_VALUE) {
            ascii(Integer.toString(n));
            return;
        }
        if (n < 0) {
            put((byte) '-');
            n = -n;
        }
        int length = 1;
        for (int v = n; v >= 10; v /= 10) {
            length++;
        }
        if (size + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + length));
        }
        for (int i = size + length - 1; i >= size; i--) {
            buffer[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        size += length;
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            put((byte) s.charAt(i));
        }
    }

    /** Text with COPY's escapes; anything beyond ASCII goes out as UTF-8. */
    private void text(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> { put((byte) '\\'); put((byte) '\\'); }
                case '\t' -> { put((byte) '\\'); put((byte) 't'); }
                case '\n' -> { put((byte) '\\'); put((byte) 'n'); }
                case '\r' -> { put((byte) '\\'); put((byte) 'r'); }
                default -> {
                    if (c < 0x80) {
                        put((byte) c);
                    } else {
                        int end = i + 1;
                        while (end < s.length() && s.charAt(end) >= 0x80) {
                            end++;
                        }
                        for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                            put(b);
                        }
                        i = end - 1;
                    }
                }
            }
        }
    }
}

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

    /**
     * The chosen fields (0-based, ascending) of the chosen rows, as they are encoded (escapes kept): COPY text rows of
     * those fields only.
     */
    byte[] fields(java.util.BitSet which, int... fields) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(which.cardinality() * 48);
        for (int i = which.nextSetBit(0); i >= 0 && i < rows; i = which.nextSetBit(i + 1)) {
            int p = start(i);
            int field = 0;
            for (int k = 0; k < fields.length; k++) {
                while (field < fields[k]) {
                    while (buffer[p] != '\t') {
                        p++;
                    }
                    p++;
                    field++;
                }
                int end = p;
                while (buffer[end] != '\t' && buffer[end] != '\n') {
                    end++;
                }
                if (k > 0) {
                    out.write('\t');
                }
                out.write(buffer, p, end - p);
            }
            out.write('\n');
        }
        return out.toByteArray();
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

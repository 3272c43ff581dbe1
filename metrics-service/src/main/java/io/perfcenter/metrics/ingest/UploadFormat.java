package io.perfcenter.metrics.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

/**
 * The formats an upload may come in. Each reads the body incrementally and hands every record to a {@link RowSink}
 * as the texts of the kind's input fields (unknown fields are ignored), so memory stays flat whatever the size.
 * Row numbers: the position in a JSON array, the line in NDJSON, the record after the header in CSV and XLSX.
 */
public enum UploadFormat {

    JSON("application/json") {
        @Override
        void read(InputStream body, RecordKind kind, RowSink sink) throws IOException, SQLException {
            try (JsonParser p = FACTORY.createParser(body)) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new MalformedUpload("the body must be a JSON array of records");
                }
                long row = 0;
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new MalformedUpload("the JSON array is not closed");
                    }
                    row++;
                    if (t != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        sink.malformed(row, "row", "must be a JSON object");
                        continue;
                    }
                    String[] texts = readObject(p, kind, row, sink);
                    if (texts != null) {
                        sink.accept(row, texts);
                    }
                }
            } catch (JsonProcessingException e) {
                throw new MalformedUpload("not valid JSON: " + e.getOriginalMessage());
            }
        }
    },

    NDJSON("application/x-ndjson") {
        @Override
        void read(InputStream body, RecordKind kind, RowSink sink) throws IOException, SQLException {
            // lines are cut from the raw bytes and parsed as UTF-8 bytes: no decoding to chars, no String per line
            byte[] buf = new byte[1 << 16];
            int start = 0;
            int end = 0;
            long row = 0;
            boolean eof = false;
            while (true) {
                int nl = -1;
                for (int i = start; i < end; i++) {
                    if (buf[i] == '\n') {
                        nl = i;
                        break;
                    }
                }
                if (nl < 0 && !eof) {
                    if (start > 0) {
                        System.arraycopy(buf, start, buf, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    if (end == buf.length) {
                        if (buf.length >= MAX_LINE) {
                            throw new MalformedUpload("line " + (row + 1) + " is longer than " + (MAX_LINE >> 20)
                                    + " MB");
                        }
                        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                    }
                    int n = body.read(buf, end, buf.length - end);
                    if (n < 0) {
                        eof = true;
                    } else {
                        end += n;
                    }
                    continue;
                }
                int lineEnd = nl < 0 ? end : nl;
                if (nl < 0 && start == end) {
                    return;
                }
                row++;
                line(buf, start, lineEnd, row, kind, sink);
                start = nl < 0 ? end : nl + 1;
            }
        }

        private void line(byte[] buf, int from, int to, long row, RecordKind kind, RowSink sink) throws IOException,
                SQLException {
            while (from < to && (buf[from] == ' ' || buf[from] == '\t' || buf[from] == '\r')) {
                from++;
            }
            if (from == to) {
                return;
            }
            String[] texts;
            // each line is parsed on its own, so one broken line is a row error, not the end of the upload
            try (JsonParser p = FACTORY.createParser(buf, from, to - from)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    sink.malformed(row, "row", "must be a JSON object");
                    return;
                }
                texts = readObject(p, kind, row, sink);
                if (texts == null) {
                    return;
                }
                if (p.nextToken() != null) {
                    sink.malformed(row, "row", "must hold exactly one JSON object");
                    return;
                }
            } catch (JsonProcessingException e) {
                sink.malformed(row, "row", "is not valid JSON: " + e.getOriginalMessage());
                return;
            }
            sink.accept(row, texts);
        }
    },

    CSV("text/csv") {
        @Override
        void read(InputStream body, RecordKind kind, RowSink sink) throws IOException, SQLException {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
            // a spreadsheet program's "CSV UTF-8" starts with a byte-order mark, which would be part of the first name
            Reader reader = new BufferedReader(new InputStreamReader(
                    BOMInputStream.builder().setInputStream(body).get(), StandardCharsets.UTF_8), 1 << 16);
            try (CSVParser csv = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                List<String> header = csv.getHeaderNames();
                int[] fieldOfColumn = new int[header.size()];
                for (int c = 0; c < header.size(); c++) {
                    fieldOfColumn[c] = kind.index(header.get(c));
                }
                int fields = kind.inputFields().size();
                long row = 0;
                try {
                    for (CSVRecord record : csv) {
                        row++;
                        String[] texts = new String[fields];
                        for (int c = 0; c < record.size() && c < fieldOfColumn.length; c++) {
                            if (fieldOfColumn[c] >= 0) {
                                String v = record.get(c);
                                texts[fieldOfColumn[c]] = v.isEmpty() ? null : v;
                            }
                        }
                        sink.accept(row, texts);
                    }
                } catch (UncheckedIOException e) {
                    throw new MalformedUpload("CSV unreadable after row " + row + ": " + e.getCause().getMessage());
                }
            } catch (IllegalArgumentException e) {
                throw new MalformedUpload("CSV header: " + e.getMessage());
            }
        }
    },

    /** The first sheet of a workbook, header row first, as {@link XlsxRows} reads it (the values endpoint takes it). */
    XLSX(XlsxRows.MEDIA_TYPE) {
        @Override
        void read(InputStream body, RecordKind kind, RowSink sink) throws IOException, SQLException {
            int fields = kind.inputFields().size();
            XlsxRows.read(body, new XlsxRows.Rows() {
                private int[] fieldOfColumn = new int[0];

                @Override
                public void header(List<String> names) {
                    fieldOfColumn = names.stream().mapToInt(kind::index).toArray();
                }

                @Override
                public void row(long row, List<String> cells) throws SQLException {
                    String[] texts = new String[fields];
                    for (int c = 0; c < cells.size() && c < fieldOfColumn.length; c++) {
                        if (fieldOfColumn[c] >= 0) {
                            texts[fieldOfColumn[c]] = cells.get(c);
                        }
                    }
                    sink.accept(row, texts);
                }
            });
        }
    };

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_LINE = 16 << 20;
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private final String mediaType;

    UploadFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    abstract void read(InputStream body, RecordKind kind, RowSink sink) throws IOException, SQLException;

    /** The format of a Content-Type header; JSON when there is none. */
    public static UploadFormat of(String contentType) {
        if (contentType == null) {
            return JSON;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")
                || type.startsWith("application/ndjson")) {
            return NDJSON;
        }
        if (type.startsWith("text/csv")) {
            return CSV;
        }
        if (type.startsWith(XlsxRows.MEDIA_TYPE)) {
            return XLSX;
        }
        return JSON;
    }

    /**
     * Reads the fields of one JSON object (the parser is on its START_OBJECT) as texts; an object or array is kept
     * as its JSON text only for a JSON field (QA items): anywhere else the row is malformed (reported, null returned),
     * never stored as the text of the structure.
     */
    private static String[] readObject(JsonParser p, RecordKind kind, long row, RowSink sink) throws IOException {
        String[] texts = new String[kind.inputFields().size()];
        String misshapen = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            int i = kind.index(p.currentName());
            JsonToken value = p.nextToken();
            if (i < 0) {
                p.skipChildren();
            } else if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
                if (kind.inputFields().get(i).type() == FieldType.JSON) {
                    texts[i] = MAPPER.readTree(p).toString();
                } else {
                    p.skipChildren();
                    misshapen = misshapen == null ? kind.inputFields().get(i).name() : misshapen;
                }
            } else if (value != JsonToken.VALUE_NULL) {
                texts[i] = p.getText();
            }
        }
        if (misshapen != null) {
            sink.malformed(row, misshapen, "must be a single value, not a JSON object or array");
            return null;
        }
        return texts;
    }

    /** Receives the records of an upload one by one. */
    interface RowSink {
        void accept(long row, String[] texts) throws SQLException;

        void malformed(long row, String field, String reason);
    }

    /** An upload whose body cannot be read as its format at all (as opposed to a bad row). */
    public static final class MalformedUpload extends RuntimeException {
        public MalformedUpload(String reason) {
            super(reason);
        }
    }
}

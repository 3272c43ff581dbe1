package io.perfcenter.metrics.hrimport;

import io.perfcenter.metrics.ingest.UploadFormat.MalformedUpload;
import io.perfcenter.metrics.ingest.XlsxRows;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HR file read whole: its header and its records (cells as texts, an empty cell null), each with its 1-based number
 * after the header, from CSV (UTF-8, a byte-order mark as Excel writes it is skipped) or the first sheet of an XLSX
 * workbook. The org directory's files are thousands of rows, and their bodies are bounded (see BodyLimits).
 */
record ImportTable(List<String> header, List<Row> rows) {

    static final String CSV = "text/csv";

    record Row(long number, List<String> cells) {
        String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : null;
        }
    }

    static ImportTable read(String contentType, InputStream body) throws IOException {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith(XlsxRows.MEDIA_TYPE)) {
            return xlsx(body);
        }
        return csv(body);
    }

    private static ImportTable csv(InputStream body) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
        InputStreamReader reader = new InputStreamReader(
                BOMInputStream.builder().setInputStream(body).get(), StandardCharsets.UTF_8);
        try (CSVParser csv = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<Row> rows = new ArrayList<>();
            long number = 0;
            try {
                for (CSVRecord record : csv) {
                    List<String> cells = new ArrayList<>(record.size());
                    for (String v : record) {
                        cells.add(v == null || v.isEmpty() ? null : v);
                    }
                    rows.add(new Row(++number, cells));
                }
            } catch (UncheckedIOException e) {
                throw new MalformedUpload("CSV unreadable after row " + number + ": " + e.getCause().getMessage());
            }
            return new ImportTable(csv.getHeaderNames(), rows);
        } catch (IllegalArgumentException e) {
            throw new MalformedUpload("CSV header: " + e.getMessage());
        }
    }

    private static ImportTable xlsx(InputStream body) throws IOException {
        List<String> header = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try {
            XlsxRows.read(body, new XlsxRows.Rows() {
                @Override
                public void header(List<String> names) {
                    header.addAll(names);
                }

                @Override
                public void row(long row, List<String> cells) {
                    rows.add(new Row(row, cells));
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("no store while reading", e);
        }
        return new ImportTable(header, rows);
    }
}

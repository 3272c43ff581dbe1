package io.perfcenter.metrics.ingest;

import io.perfcenter.metrics.aggregate.PlainNumbers;
import io.perfcenter.metrics.ingest.UploadFormat.MalformedUpload;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the first sheet of an XLSX workbook (as HR and WFM tools export them) row by row: the first non-empty row is
 * the header, every further non-empty row a record. Apache POI's streaming reader parses the sheet's XML as it goes
 * and the workbook is opened from a temporary file (random access into the zip), so memory does not grow with the
 * sheet. Cells come as the texts the API expects, not as the sheet displays them: a date cell as {@code 2026-10-31}
 * (with a time: ISO date-time), a number as written ({@code 0.1}, {@code 1200}, never {@code 1.2E+3} or a rounded
 * display format), text as typed.
 */
public final class XlsxRows {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Receives the header, then each record with its 1-based number after the header. */
    public interface Rows {
        void header(List<String> names);

        void row(long row, List<String> cells) throws SQLException;
    }

    private XlsxRows() {
    }

    public static void read(InputStream body, Rows rows) throws IOException, SQLException {
        Path file = Files.createTempFile("perfcenter-upload-", ".xlsx");
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(workbook);
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new MalformedUpload("the workbook has no sheet");
                }
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                        new ReadOnlySharedStringsTable(workbook), new Collector(rows), new ApiTexts(), false));
                try (InputStream sheet = sheets.next()) {
                    parser.parse(new InputSource(sheet));
                }
            } catch (StoreFailed e) {
                throw e.cause;
            } catch (NotOfficeXmlFileException | InvalidFormatException e) {
                throw new MalformedUpload("not an XLSX workbook: " + e.getMessage());
            } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
                throw new MalformedUpload("the XLSX workbook cannot be read: " + e.getMessage());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Gathers a row's cells by column (a missing cell is null) and hands header and records on. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Rows rows;
        private final List<String> cells = new ArrayList<>();
        private boolean headerSeen;
        private long row;

        Collector(Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void cell(String reference, String text, XSSFComment comment) {
            int column = column(reference);
            while (cells.size() <= column) {
                cells.add(null);
            }
            String trimmed = text == null ? null : text.trim();
            cells.set(column, trimmed == null || trimmed.isEmpty() ? null : trimmed);
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(java.util.Objects::isNull)) {
                return;
            }
            if (!headerSeen) {
                headerSeen = true;
                rows.header(cells.stream().map(c -> c == null ? "" : c).toList());
                return;
            }
            try {
                rows.row(++row, new ArrayList<>(cells));
            } catch (SQLException e) {
                throw new StoreFailed(e);
            }
        }

        /** The 0-based column of a cell reference such as {@code AB12}. */
        private static int column(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
                column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            }
            return column - 1;
        }
    }

    /** Numbers as written and dates as ISO text, whatever format the sheet displays them in. */
    private static final class ApiTexts extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value, use1904);
                return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toString();
            }
            return PlainNumbers.text(BigDecimal.valueOf(value));
        }
    }

    /** A store failure carried out of the SAX callback. */
    private static final class StoreFailed extends RuntimeException {
        final SQLException cause;

        StoreFailed(SQLException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}

package io.perfcenter.incentive.run;

import io.perfcenter.incentive.run.RunPayloads.RunView;
import io.perfcenter.incentive.section.SectionRegistry;
import io.perfcenter.incentive.statement.Numbers;
import io.perfcenter.incentive.statement.StatementPayloads.LineView;
import io.perfcenter.incentive.statement.StatementPayloads.StatementView;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payroll file of an approved run: one row per statement with the amount of each paid kind, the total, the
 * entitlements (perks, honors without prize) and the flags. CSV is RFC 4180 (commons-csv); XLSX has numeric money
 * cells (Apache POI, streaming workbook). Amounts are the statements' rounded amounts, never recomputed.
 */
final class PayrollExport {

    /** Paid kinds in the order of their columns: the plan sections' paid line kinds, in statement order. */
    static final List<String> KINDS = SectionRegistry.PAID_KINDS;
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private PayrollExport() {
    }

    /** One row of the file. */
    record Line(StatementView statement, Map<String, BigDecimal> byKind, String entitlements) {
    }

    static List<String> header() {
        List<String> header = new ArrayList<>(List.of("runId", "revision", "planCode", "planVersion", "period",
                "unitCode", "employeeId", "currency"));
        header.addAll(KINDS);
        header.addAll(List.of("total", "entitlements", "flags"));
        return header;
    }

    static List<Line> rows(RunView run) {
        List<Line> rows = new ArrayList<>();
        for (StatementView s : run.statements()) {
            Map<String, BigDecimal> byKind = new LinkedHashMap<>();
            List<String> entitlements = new ArrayList<>();
            for (LineView l : s.lines()) {
                if (!l.monetary()) {
                    entitlements.add(entitlement(l));
                } else if (l.amount() != null) {
                    byKind.merge(l.kind(), l.amount(), BigDecimal::add);
                }
            }
            rows.add(new Line(s, byKind, String.join("; ", entitlements)));
        }
        return rows;
    }

    /** FLEX-SHIFTS ×2 for a perk, SERVICE-STAR 2026-06 for an honor: as the line's section writes it. */
    private static String entitlement(LineView l) {
        return SectionRegistry.entitlement(l.kind(), l.source());
    }

    static byte[] csv(RunView run) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                     .setHeader(header().toArray(String[]::new)).get())) {
            for (Line r : rows(run)) {
                StatementView s = r.statement();
                List<Object> values = new ArrayList<>(List.of(run.id(), run.revision(), run.planCode(),
                        run.planVersion(), run.period(), s.unitCode(), s.employeeId(), s.currency()));
                for (String kind : KINDS) {
                    BigDecimal amount = r.byKind().get(kind);
                    values.add(amount == null ? "" : Numbers.asGiven(amount));
                }
                values.add(s.total() == null ? "" : Numbers.asGiven(s.total()));
                values.add(r.entitlements());
                values.add(String.join(";", s.flags()));
                csv.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(RunView run) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet sheet = book.createSheet("Payroll " + run.period());
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<String> header = header();
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
                head.getCell(c).setCellStyle(bold);
                sheet.setColumnWidth(c, (c < 8 ? 14 : 16) * 256);
            }
            int r = 1;
            for (Line row : rows(run)) {
                StatementView s = row.statement();
                Row x = sheet.createRow(r++);
                int c = 0;
                x.createCell(c++).setCellValue(run.id());
                x.createCell(c++).setCellValue(run.revision());
                x.createCell(c++).setCellValue(run.planCode());
                x.createCell(c++).setCellValue(run.planVersion());
                x.createCell(c++).setCellValue(run.period());
                x.createCell(c++).setCellValue(s.unitCode());
                x.createCell(c++).setCellValue(s.employeeId());
                x.createCell(c++).setCellValue(s.currency());
                for (String kind : KINDS) {
                    moneyCell(x, c++, row.byKind().get(kind), money);
                }
                moneyCell(x, c++, s.total(), money);
                x.createCell(c++).setCellValue(row.entitlements());
                x.createCell(c).setCellValue(String.join(";", s.flags()));
            }
            sheet.createFreezePane(0, 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A blank cell for no amount; the number otherwise (exact to the cent: amounts have 2 decimals). */
    private static void moneyCell(Row row, int column, BigDecimal amount,
                                  CellStyle style) {
        var cell = row.createCell(column);
        if (amount != null) {
            cell.setCellValue(amount.doubleValue());
            cell.setCellStyle(style);
        }
    }
}

package io.perfcenter.scoring.indicator;

import io.perfcenter.scoring.indicator.IndicatorPayloads.Effect;
import io.perfcenter.scoring.indicator.IndicatorPayloads.Item;
import io.perfcenter.scoring.indicator.IndicatorPayloads.Review;
import io.perfcenter.scoring.indicator.IndicatorPayloads.Summary;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The indicator review as CSV for HR (RFC 4180 by commons-csv, as incentive's payroll export: comma-separated, CRLF
 * line ends, a field with a comma, quote or line break in double quotes, quotes doubled; UTF-8). One row per item; text that a spreadsheet would take for a formula
 * (starting with =, +, -, @) is prefixed with an apostrophe. Numbers are plain (no grouping, '.' decimals).
 */
final class IndicatorCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final List<String> HEADER = List.of("unitCode", "period", "templateCode", "templateVersion", "runId",
            "itemCode", "itemName", "metricCode", "ruleType", "scored", "insufficientData",
            "valueMin", "valueQ1", "valueMedian", "valueQ3", "valueMax", "valueMean", "valueStdDev",
            "pointsMin", "pointsQ1", "pointsMedian", "pointsQ3", "pointsMax", "pointsMean", "pointsStdDev",
            "targetBasis", "targetDescription", "meeting", "meetingShare", "aimFlag",
            "ceilingCount", "ceilingShare", "ceilingFlagged", "floorCount", "floorShare", "floorFlagged",
            "csatR", "csatPairs", "csatReason");

    private IndicatorCsv() {
    }

    static String of(Review review) {
        StringBuilder text = new StringBuilder();
        CSVPrinter csv = printer(text);
        line(csv, HEADER);
        for (Item item : review.items()) {
            List<String> row = new ArrayList<>();
            row.add(text(review.unitCode()));
            row.add(text(review.period()));
            row.add(text(review.templateCode()));
            row.add(Integer.toString(review.templateVersion()));
            row.add(Long.toString(review.runId()));
            row.add(text(item.itemCode()));
            row.add(text(item.name()));
            row.add(text(item.metricCode()));
            row.add(text(item.ruleType()));
            row.add(Integer.toString(item.scored()));
            row.add(Integer.toString(item.insufficientData()));
            summary(row, item.values());
            summary(row, item.points());
            var target = item.target();
            row.add(target == null ? "" : target.basis().name());
            row.add(target == null ? "" : text(target.description()));
            row.add(target == null ? "" : Integer.toString(target.meeting()));
            row.add(target == null ? "" : number(target.share()));
            row.add(target == null || target.aim() == null ? "" : target.aim().name());
            effect(row, item.ceiling());
            effect(row, item.floor());
            row.add(item.csat() == null ? "" : number(item.csat().r()));
            row.add(item.csat() == null ? "" : Integer.toString(item.csat().pairs()));
            row.add(item.csat() == null ? "" : text(item.csat().reason()));
            line(csv, row);
        }
        return text.toString();
    }

    private static void summary(List<String> row, Summary s) {
        List<BigDecimal> figures = s == null ? null : List.of(s.min(), s.q1(), s.median(), s.q3(), s.max(), s.mean(),
                s.stdDev());
        for (int i = 0; i < 7; i++) {
            row.add(figures == null ? "" : number(figures.get(i)));
        }
    }

    private static void effect(List<String> row, Effect e) {
        row.add(e == null ? "" : Integer.toString(e.count()));
        row.add(e == null ? "" : number(e.share()));
        row.add(e == null ? "" : Boolean.toString(e.flagged()));
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** Text as a spreadsheet shows it, never as a formula. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static CSVPrinter printer(StringBuilder text) {
        try {
            return CSVFormat.RFC4180.print(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringBuilder does not fail
        }
    }

    private static void line(CSVPrinter csv, List<String> fields) {
        try {
            csv.printRecord(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringBuilder does not fail
        }
    }
}

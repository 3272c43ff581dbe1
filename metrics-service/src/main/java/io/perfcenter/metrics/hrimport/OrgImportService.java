package io.perfcenter.metrics.hrimport;

import io.perfcenter.metrics.hrimport.Columns.CellRejected;
import io.perfcenter.metrics.hrimport.Columns.Column;
import io.perfcenter.metrics.ingest.IngestReport.RowError;
import io.perfcenter.metrics.org.OrgPayloads.AgentSync;
import io.perfcenter.metrics.org.OrgPayloads.SyncReport;
import io.perfcenter.metrics.org.OrgPayloads.UnitInput;
import io.perfcenter.metrics.org.OrgSync;
import io.perfcenter.metrics.org.OrgUnit;
import io.perfcenter.metrics.web.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * HR's org files (units; agents with positions and hire dates) imported as the bulk sync stores them: each record of
 * the file becomes a sync row, a record whose cells cannot (a date that is no date, an unknown kind) is rejected with
 * its field before the sync sees it, and the sync's own row checks (unknown parent, a cycle, an employee id twice)
 * come back under the file's row numbers. A dry run does the whole import in a transaction that is rolled back, so it
 * reports exactly what the import would do and changes nothing.
 */
@ApplicationScoped
public class OrgImportService {

    static final List<Column> UNIT_COLUMNS = List.of(
            Column.required("code", "编码", "组织编码", "部门编码"),
            Column.required("name", "名称", "组织名称", "部门名称"),
            Column.required("kind", "类型", "层级"),
            Column.optional("parentCode", "上级编码", "上级"),
            Column.optional("leaderEmployeeId", "负责人工号", "负责人"));

    static final List<Column> AGENT_COLUMNS = List.of(
            Column.required("employeeId", "工号", "员工编号"),
            Column.required("name", "姓名"),
            Column.required("position", "岗位", "职位"),
            Column.optional("hireDate", "入职日期"),
            Column.optional("status", "状态", "在职状态"),
            Column.optional("leftOn", "离职日期"),
            Column.optional("unitCode", "组编码", "所属组", "部门编码"),
            Column.optional("memberFrom", "调入日期", "生效日期"));

    private static final Map<String, String> KINDS = words("CENTER", "中心", "TEAM", "团队", "GROUP", "组", "班组", "小组");
    private static final Map<String, String> STATUSES = words("ACTIVE", "在职", "LEFT", "离职");

    /** The most rows one file may hold, as for the JSON syncs. */
    static final int MAX_UNITS = 50_000;
    static final int MAX_AGENTS = 100_000;

    private final OrgSync sync;

    OrgImportService(OrgSync sync) {
        this.sync = sync;
    }

    public ImportReport units(ImportTable table, boolean dryRun) {
        return load(table, dryRun, UNIT_COLUMNS, MAX_UNITS, "/api/v1/metrics/org/imports/units in several files",
                (columns, row) -> new UnitInput(columns.text(row, "code"), columns.text(row, "name"),
                        OrgUnit.Kind.valueOf(or(columns.word(row, "kind", KINDS), "kind")),
                        columns.text(row, "parentCode"), columns.text(row, "leaderEmployeeId")),
                sync::units);
    }

    public ImportReport agents(ImportTable table, boolean dryRun) {
        return load(table, dryRun, AGENT_COLUMNS, MAX_AGENTS, "/api/v1/metrics/org/imports/agents in several files",
                (columns, row) -> new AgentSync(columns.text(row, "employeeId"), columns.text(row, "name"),
                        columns.text(row, "position"), columns.date(row, "hireDate"),
                        columns.word(row, "status", STATUSES), columns.date(row, "leftOn"),
                        columns.text(row, "unitCode"), columns.date(row, "memberFrom")),
                sync::agents);
    }

    private <T> ImportReport load(ImportTable table, boolean dryRun, List<Column> definition, int maxRows,
                                  String instead, BiFunction<Columns, ImportTable.Row, T> convert,
                                  Function<List<T>, SyncReport> store) {
        if (table.rows().size() > maxRows) {
            throw Problems.tooManyRows(maxRows, instead);
        }
        Columns columns = Columns.of(table.header(), definition);
        List<T> rows = new ArrayList<>();
        List<Long> numberOf = new ArrayList<>();   // the file's row number of each sync row
        List<RowError> errors = new ArrayList<>();
        for (ImportTable.Row row : table.rows()) {
            try {
                rows.add(convert.apply(columns, row));
                numberOf.add(row.number());
            } catch (CellRejected e) {
                errors.add(new RowError((int) row.number(), e.field, e.getMessage()));
            }
        }
        SyncReport report = stored(rows, store, dryRun);
        for (RowError e : report.errors()) {
            errors.add(new RowError(numberOf.get(e.row() - 1).intValue(), e.field(), e.reason()));
        }
        errors.sort(Comparator.comparingInt(RowError::row));
        return new ImportReport(dryRun, table.rows().size(), report.created(), report.updated(), report.unchanged(),
                errors.size(), List.copyOf(errors), columns.ignored());
    }

    /** The sync's report; in a dry run the transaction ends by rolling back (an exception carries the report out). */
    private static <T> SyncReport stored(List<T> rows, Function<List<T>, SyncReport> store, boolean dryRun) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                SyncReport stored = store.apply(rows);
                if (dryRun) {
                    throw new DryRun(stored);
                }
                return stored;
            });
        } catch (DryRun e) {
            return e.report;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof DryRun dry) {
                return dry.report;
            }
            throw e;
        }
    }

    private static final class DryRun extends RuntimeException {
        final SyncReport report;

        DryRun(SyncReport report) {
            super(null, null, false, false);
            this.report = report;
        }
    }

    /** A required word: an empty cell is rejected here, with the field's name. */
    private static String or(String word, String field) {
        if (word == null) {
            throw new CellRejected(field, "is required");
        }
        return word;
    }

    /** Pairs of (word, Chinese name), looked up by upper-cased text. */
    private static Map<String, String> words(String... pairs) {
        Map<String, String> words = new LinkedHashMap<>();
        String word = null;
        for (String p : pairs) {
            if (p.chars().allMatch(c -> c < 128)) {
                word = p;
            }
            words.put(p.toUpperCase(java.util.Locale.ROOT), word);
        }
        return words;
    }
}

package io.perfcenter.metrics.ingest;

import io.agroal.api.AgroalDataSource;
import io.perfcenter.metrics.aggregate.AggregateLoad;
import io.perfcenter.metrics.config.MetricsConfig;
import io.perfcenter.metrics.ingest.IngestReport.RowError;
import io.perfcenter.metrics.ingest.RecordField.Invalid;
import io.perfcenter.metrics.ingest.RecordKind.RowInvalid;
import io.perfcenter.metrics.qa.QaForm;
import io.perfcenter.metrics.qa.QaFormScoring;
import io.perfcenter.metrics.qa.QaForms;
import io.perfcenter.metrics.web.Problems;
import io.perfcenter.metrics.web.RequestIdFilter;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Stores uploads of records idempotently at bulk-load speed. Rows are checked one by one as they stream in and
 * stored in chunks keyed by (source system, external id): unknown keys are COPYed into the record table, keys stored
 * with a lower revision are replaced (the table's trigger keeps the replaced version in record_revision), everything
 * else is a duplicate. The whole upload
 * is one transaction, so an interrupted upload stores nothing and the client's retry is the only copy that counts.
 */
@ApplicationScoped
public class BulkIngestion {

    private static final Logger LOG = Logger.getLogger(BulkIngestion.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * Metrics whose values count things (calls, errors, contributions): sums of a record count, or pushed-only sums
     * in unit "count". A pushed value of one must not be negative.
     */
    private static final String COUNT_METRICS = "SELECT code FROM metric_definition WHERE aggregation = 'SUM' AND "
            + "(derivation->'numerator'->>'function' = 'COUNT' AND derivation->>'subtract' IS NULL "
            + "OR (derivation IS NULL OR jsonb_typeof(derivation) = 'null') AND unit = 'count')";

    private final AgroalDataSource dataSource;
    private final MetricsConfig config;
    private final IngestCounters counters;
    private final RecordPartitions partitions;
    private final RawRetention retention;
    private final AggregateLoad load;

    BulkIngestion(AgroalDataSource dataSource, MetricsConfig config, IngestCounters counters,
                  RecordPartitions partitions, RawRetention retention, AggregateLoad load) {
        this.dataSource = dataSource;
        this.config = config;
        this.counters = counters;
        this.partitions = partitions;
        this.retention = retention;
        this.load = load;
    }

    public IngestReport ingest(RecordKind kind, UploadFormat format, InputStream body, IngestOptions options) {
        return run(kind, options, upload -> {
            upload.body = body instanceof CountedBody counted ? counted : null;
            format.read(body, kind, upload);
        });
    }

    /** Rows already in memory (the JSON array of the original values endpoint). */
    public IngestReport ingestTexts(RecordKind kind, List<String[]> rows, IngestOptions options) {
        return run(kind, options, upload -> {
            long row = 0;
            for (String[] texts : rows) {
                row++;
                if (texts == null) {
                    upload.malformed(row, "row", "is empty");
                } else {
                    upload.accept(row, texts);
                }
            }
        });
    }

    @FunctionalInterface
    private interface Feed {
        void into(Upload upload) throws IOException, SQLException;
    }

    /**
     * Every upload (calls, surveys, QA evaluations, incidents, sales, values, …) comes through here, as foreground
     * work ({@link AggregateLoad}): someone waits for it (in a month close, the HR or operations team), so the
     * scheduled anomaly scan waits between its pieces while it is stored, in this replica (the counter) and in every
     * other (the foreground lock its transaction holds, {@link #runNow}). The upload itself never waits for that.
     */
    private IngestReport run(RecordKind kind, IngestOptions options, Feed feed) {
        return load.inForeground(() -> runNow(kind, options, feed));
    }

    private IngestReport runNow(RecordKind kind, IngestOptions options, Feed feed) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Upload upload = null;
            try {
                // the foreground lock, shared, on the upload's transaction: the first statement, released at its
                // commit or rollback (a failed upload's too), before any savepoint (a chunk's rollback keeps it)
                load.holdForeground(c);
                upload = new Upload(c, kind, options);
                feed.into(upload);
                upload.finish();
                boolean keep = !options.dryRun() && !(options.atomic() && upload.rejected > 0);
                if (keep) {
                    long committing = System.nanoTime();
                    c.commit();
                    LOG.debugf("committed %s in %d ms", kind.path(), ms(System.nanoTime() - committing));
                } else {
                    c.rollback();
                }
                IngestReport report = upload.report();
                counters.count(kind, report, keep);
                if (options.atomic() && upload.rejected > 0) {
                    throw Problems.uploadRejected(report);
                }
                return report;
            } catch (RuntimeException | SQLException | IOException e) {
                if (upload != null) {
                    upload.abort();
                }
                c.rollback();
                if (e instanceof UploadFormat.MalformedUpload m) {
                    throw Problems.malformedBody(m.getMessage());
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the upload", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the upload", e);
        }
    }

    /**
     * The state of one upload. The request thread checks rows and encodes them in COPY format into a chunk; a
     * writer thread stores each finished chunk, so PostgreSQL stores chunk k while chunk k+1 is parsed. At most two
     * chunks are in memory: the one being filled and the one being stored.
     */
    private final class Upload implements UploadFormat.RowSink {

        private static final int MAX_CHUNK_BYTES = 48 << 20;
        /**
         * Rows of the first chunk; each next one doubles up to the configured chunk size. The first chunk is parsed
         * while nothing is being stored, so a small one lets PostgreSQL start at once: with a first chunk of the full
         * size (100,000 rows) an upload of up to that many rows (QA evaluations, incidents, sales of a month) was
         * parsed whole before its first row was sent, and even a million calls waited for the first 100,000 to be
         * parsed by a JIT not yet warm. With 4,096 rows a month's QA evaluations still waited 58 ms (warm) to 130 ms
         * (the kind's first upload) of a 0.3-0.5 s upload before their first row was stored; 1,024 rows is a quarter
         * of that. Later chunks grow so that the statements per chunk stay few.
         */
        private static final int FIRST_CHUNK_ROWS = 1024;
        /** The smallest of the last chunks, which are kept small (see {@link #nextChunkLimit}). */
        private static final int LAST_CHUNKS_MIN_ROWS = 4096;

        private final Connection c;
        private final RecordKind kind;
        private final IngestOptions options;
        private final List<RecordField> fields;
        private final String stage;
        private final String columnList;
        private final String keyTable;
        private final int dayIndex;          // activity_date in a staged row, for a partitioned kind; else -1
        private final LocalDate firstDayKept;   // the retention's bound, or null
        private int chunkLimit;   // rows of the chunk being filled: FIRST_CHUNK_ROWS, doubling up to chunkRows
        private CountedBody body;   // the body being read, when its size is known: sizes the last chunks
        private long rowsRead;
        private final KnownIds agents;
        private final KnownIds metrics;
        private final KnownIds countMetrics;
        private final QaForms forms;   // QA evaluations: the forms that check and score them
        private Connection evaluations;   // a QA specialist's upload: looks up who made the stored evaluations
        private PreparedStatement storedEvaluator;
        private final SeenKeys seen = new SeenKeys();
        private final List<RowError> errors = new ArrayList<>();
        private final int evaluatorIndex;
        private final ExecutorService writer;
        private CopyLine chunk = new CopyLine();
        private CopyLine storing;   // the chunk the writer stores (or stored last); refilled after it is done
        private final CopyLine keys = new CopyLine();   // the writer's: a chunk's keys for the key table
        private Set<YearMonth> months = new HashSet<>();   // of the chunk being filled: their partitions must exist
        private final Set<YearMonth> ensured = new HashSet<>();   // the writer's: months whose partitions exist
        private Future<?> merging;
        private boolean staged;
        private boolean allNewSoFar = true;
        private long accepted;   // written by the writer thread, read after its last task
        // where an upload's time goes, logged at DEBUG when it ends (see finish)
        private final long began = System.nanoTime();
        private long ready;            // when the look-ups of the set-up were done
        private long firstHanded;      // when the first chunk went to the writer
        private int chunks;
        private long parserWaited;     // nanoseconds the request thread waited for the writer
        private volatile long writerBusy;   // nanoseconds the writer spent storing (written by the writer only)
        private long duplicate;
        private long rejected;

        Upload(Connection c, RecordKind kind, IngestOptions options) throws SQLException {
            this.c = c;
            this.kind = kind;
            this.options = options;
            this.fields = kind.inputFields();
            this.stage = "pc_stage_" + kind.table();
            this.columnList = String.join(", ", kind.columns());
            this.keyTable = kind.keyTable();
            this.dayIndex = kind.partitioned() ? kind.columns().indexOf("activity_date") : -1;
            this.firstDayKept = kind.partitioned() ? retention.firstDayKept().orElse(null) : null;
            this.agents = new KnownIds(keys(c, "SELECT employee_id FROM agent"));
            this.metrics = new KnownIds(kind == RecordKind.VALUES ? keys(c, "SELECT code FROM metric_definition")
                    : Set.of());
            this.countMetrics = new KnownIds(kind == RecordKind.VALUES ? keys(c, COUNT_METRICS) : Set.of());
            this.evaluatorIndex = kind.index("evaluatorId");
            this.chunkLimit = Math.min(FIRST_CHUNK_ROWS, config.ingest().chunkRows());
            this.forms = kind == RecordKind.QA_EVALUATIONS ? QaForms.load(c) : null;
            try (Statement st = c.createStatement()) {
                // the key look-ups and updates of a chunk hash a few hundred thousand keys
                st.execute("SET LOCAL work_mem = '64MB'");
            }
            this.ready = System.nanoTime();
            // the writer thread is made for this upload's request: its log lines carry the request id
            this.writer = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(RequestIdFilter.carried(r), "ingest-writer-" + kind.path());
                t.setDaemon(true);
                return t;
            });
        }

        @Override
        public void malformed(long row, String field, String reason) {
            rowsRead = row;
            reject(row, field, reason);
        }

        @Override
        public void accept(long row, String[] texts) throws SQLException {
            rowsRead = row;
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                RecordField field = fields.get(i);
                try {
                    values[i] = field.parse(texts[i], config.timeZone());
                } catch (Invalid e) {
                    reject(row, field.name(), e.getMessage());
                    return;
                }
            }
            String problem = checkReferences(values);
            if (problem != null) {
                int split = problem.indexOf(':');
                reject(row, problem.substring(0, split), problem.substring(split + 2));
                return;
            }
            Object[] full;
            try {
                full = kind.complete(values);
            } catch (RowInvalid e) {
                reject(row, e.field, e.getMessage());
                return;
            }
            if (forms != null && values[kind.index("formCode")] != null) {
                try {
                    scoreByForm(values, full);
                } catch (QaFormScoring.Refused e) {
                    reject(row, e.field, e.getMessage());
                    return;
                }
            }
            YearMonth month = null;
            if (dayIndex >= 0) {
                LocalDate day = (LocalDate) full[dayIndex];
                if (day.isBefore(RecordPartitions.FIRST_DAY) || day.isAfter(RecordPartitions.LAST_DAY)) {
                    reject(row, kind.dayField(), "counts for " + day + "; records count for days from "
                            + RecordPartitions.FIRST_DAY + " to " + RecordPartitions.LAST_DAY);
                    return;
                }
                if (firstDayKept != null && day.isBefore(firstDayKept)) {
                    reject(row, kind.dayField(), "counts for " + day + ", before " + firstDayKept
                            + ": raw records of months before it are not kept (retention)");
                    return;
                }
                month = YearMonth.from(day);
            }
            if (options.atomic() && rejected > 0) {
                // all or nothing, and it is nothing already: only check the rest
                return;
            }
            String source = (String) values[RecordKind.SOURCE_SYSTEM];
            String external = (String) values[RecordKind.EXTERNAL_ID];
            if (!seen.add(source, external)) {
                // the same record twice in one upload: merge what came before, so the later one applies after it
                flush();
                seen.add(source, external);
            }
            chunk.add(full);
            if (month != null) {
                months.add(month);
            }
            if (chunk.rows() >= chunkLimit || chunk.size() >= MAX_CHUNK_BYTES) {
                flush();
            }
        }

        /**
         * A QA evaluation naming a form: its items checked and scored by the form version, which fills the score
         * (a score sent along must be the form's), the per-item results and the critical item that bit.
         */
        private void scoreByForm(Object[] values, Object[] full) throws QaFormScoring.Refused {
            QaForm form = forms.scoring((String) values[kind.index("formCode")],
                    (Integer) values[kind.index("formVersion")]);
            RecordField.JsonText items = (RecordField.JsonText) values[kind.index("items")];
            QaFormScoring.Scored scored = QaFormScoring.score(form, items == null ? null : items.json());
            int score = kind.index("score");
            BigDecimal sent = (BigDecimal) values[score];
            if (sent != null && sent.compareTo(scored.score()) != 0) {
                throw new QaFormScoring.Refused("score", "QA form " + form.code + " v" + form.version
                        + " scores this evaluation " + scored.score().toPlainString()
                        + "; leave score out or send that");
            }
            int derived = fields.size();
            full[score] = scored.score();
            full[derived] = new RecordField.JsonText(scored.itemResults());
            full[derived + 1] = scored.criticalItem();
        }

        private String checkReferences(Object[] values) throws SQLException {
            String employee = (String) values[RecordKind.EMPLOYEE_ID];
            if (!agents.contains(employee)) {
                return "employeeId: no agent " + employee + " is registered";
            }
            if (kind == RecordKind.VALUES) {
                String metric = (String) values[kind.index("metricCode")];
                if (!metrics.contains(metric)) {
                    return "metricCode: no metric " + metric + " in the catalog";
                }
                if (countMetrics.contains(metric) && ((BigDecimal) values[kind.index("value")]).signum() < 0) {
                    return "value: " + metric + " counts things; a count must not be negative";
                }
            }
            if (options.evaluator() != null && evaluatorIndex >= 0) {
                if (!options.evaluator().equals(values[evaluatorIndex])) {
                    return "evaluatorId: a QA specialist may upload only their own evaluations ("
                            + options.evaluator() + ")";
                }
                String stored = storedEvaluator((String) values[RecordKind.SOURCE_SYSTEM],
                        (String) values[RecordKind.EXTERNAL_ID]);
                if (stored != null && !stored.equals(options.evaluator())) {
                    // who made it is not told: that is another QA specialist's business
                    return "evaluatorId: a QA specialist may revise only their own evaluations";
                }
            }
            return null;
        }

        /**
         * The evaluator of a stored evaluation, or null. Looked up on a connection of its own (the upload's is busy
         * with COPY on the writer thread); only QA specialists' uploads, which are small, look anything up.
         */
        private String storedEvaluator(String source, String external) throws SQLException {
            if (storedEvaluator == null) {
                evaluations = dataSource.getConnection();
                // through the key table: it names the stored record's agent and day (one partition, the agent's rows)
                storedEvaluator = evaluations.prepareStatement("SELECT t.evaluator_id FROM " + keyTable + " k JOIN "
                        + kind.table() + " t ON t.employee_id = k.employee_id AND t.activity_date = k.activity_date "
                        + "AND t.source_system = k.source_system AND t.external_id = k.external_id "
                        + "WHERE k.source_system = ? AND k.external_id = ?");
            }
            storedEvaluator.setString(1, source);
            storedEvaluator.setString(2, external);
            try (ResultSet rs = storedEvaluator.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }

        private void closeLookups() {
            if (evaluations != null) {
                try {
                    evaluations.close();
                } catch (SQLException e) {
                    LOG.debug("could not close the evaluator look-up connection", e);
                }
                evaluations = null;
                storedEvaluator = null;
            }
        }

        private void reject(long row, String field, String reason) {
            rejected++;
            if (errors.size() < config.ingest().maxListedErrors()) {
                errors.add(new RowError(Math.toIntExact(row), field, reason));
            }
        }

        /** Hands the filled chunk to the writer, after the one before it is merged. */
        private void flush() throws SQLException {
            if (chunk.rows() == 0) {
                return;
            }
            long waitFrom = System.nanoTime();
            awaitMerge();
            parserWaited += System.nanoTime() - waitFrom;
            if (chunks++ == 0) {
                firstHanded = System.nanoTime();
            }
            // the chunk the writer stored last is free again: refilled rather than allocated (a chunk of calls is
            // ~10 MB; two buffers serve the whole upload)
            CopyLine free = storing;
            CopyLine full = chunk;
            storing = full;
            Set<YearMonth> itsMonths = months;
            merging = writer.submit(() -> {
                long from = System.nanoTime();
                // a partition made or found for this upload stays (only the retention drops one, and only of a
                // month before the bound this upload checks its days against): looked for once per upload
                itsMonths.removeAll(ensured);
                partitions.ensure(c, kind, itsMonths);
                ensured.addAll(itsMonths);
                merge(full);
                writerBusy += System.nanoTime() - from;
                return null;
            });
            chunk = free == null ? new CopyLine() : free.clear();
            chunkLimit = nextChunkLimit();
            months = new HashSet<>();
            seen.clear();
        }

        /**
         * Rows of the next chunk: twice the last, up to chunkRows, and, when the body's size is known, at most a quarter
         * of the rows still to come (estimated from the bytes a row took so far), at least LAST_CHUNKS_MIN_ROWS (or
         * twice the last, when that is less). The last chunk is stored after all parsing is done, with nothing to
         * overlap it: kept small, it ends the upload soon after its last row is parsed.
         */
        private int nextChunkLimit() {
            long next = Math.min((long) chunkLimit * 2, config.ingest().chunkRows());
            if (body != null && body.expected() > 0 && body.consumed() > 0 && rowsRead > 0) {
                long remainingBytes = Math.max(0, body.expected() - body.consumed());
                long remainingRows = remainingBytes * rowsRead / body.consumed();
                next = Math.min(next, Math.max(LAST_CHUNKS_MIN_ROWS, remainingRows / 4));
            }
            return (int) Math.min(next, config.ingest().chunkRows());
        }

        private void awaitMerge() throws SQLException {
            if (merging == null) {
                return;
            }
            try {
                merging.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while storing the upload", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw new IllegalStateException("Could not store the upload", e.getCause());
            } finally {
                merging = null;
            }
        }

        void finish() throws SQLException {
            closeLookups();
            long parsed = System.nanoTime();
            try {
                flush();
                awaitMerge();
            } finally {
                writer.shutdown();
            }
            if (LOG.isDebugEnabled()) {
                long end = System.nanoTime();
                LOG.debugf("upload of %d %s: %d ms; set-up %d ms, first chunk handed over at %d ms, body parsed at "
                                + "%d ms, %d chunks, writer busy %d ms, request thread waited %d ms for it, %d ms "
                                + "after the body was parsed", rowsRead, kind.path(), ms(end - began), ms(ready - began),
                        ms(firstHanded - began), ms(parsed - began), chunks, ms(writerBusy), ms(parserWaited),
                        ms(end - parsed));
            }
            if (staged) {
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TABLE " + stage);
                }
            }
        }

        /** Lets a running merge end so the connection can roll back and go back to the pool. */
        void abort() {
            closeLookups();
            try {
                awaitMerge();
            } catch (RuntimeException | SQLException e) {
                LOG.debug("merge failed while aborting", e);
            } finally {
                writer.shutdownNow();
            }
        }

        /**
         * On the writer thread: stores one chunk (its months' partitions were made just before). While chunks turn
         * out all new, the next is simply COPYed into the record table, for a partitioned kind its keys into the key
         * table first (under a savepoint: a key stored already stops it at once, and it is rolled back). Otherwise
         * its keys are looked up in the primary key (of the key table) with the stored revisions; rows with new keys
         * are COPYed in, rows with a higher revision than stored go through staging into an UPDATE, and the rest are
         * duplicates that cost nothing more.
         */
        private void merge(CopyLine rows) throws SQLException {
            long began = System.nanoTime();
            int n = rows.rows();
            if (allNewSoFar) {
                BitSet all = new BitSet(n);
                all.set(0, n);
                Savepoint before = c.setSavepoint();
                try {
                    copyKeys(rows, all);
                    long inserted = copy(kind.table(), rows, all);
                    c.releaseSavepoint(before);
                    accepted += inserted;
                    LOG.debugf("copied %s new %s in %s ms", Integer.valueOf(n), kind.path(),
                            Long.valueOf((System.nanoTime() - began) / 1_000_000));
                    return;
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    c.rollback(before);
                    allNewSoFar = false;
                }
            }
            String[] sources = new String[n];
            String[] externals = new String[n];
            int[] revisions = new int[n];
            for (int i = 0; i < n; i++) {
                sources[i] = rows.field(i, RecordKind.SOURCE_SYSTEM);
                externals[i] = rows.field(i, RecordKind.EXTERNAL_ID);
                revisions[i] = Integer.parseInt(rows.field(i, RecordKind.REVISION));
            }
            BitSet fresh = new BitSet(n);
            fresh.set(0, n);
            BitSet newer = new BitSet(n);
            try (PreparedStatement st = c.prepareStatement("SELECT k.i, t.revision FROM unnest(?::text[], ?::text[]) "
                    + "WITH ORDINALITY AS k(s, e, i) JOIN " + keyTable + " t ON t.source_system = k.s "
                    + "AND t.external_id = k.e")) {
                st.setArray(1, c.createArrayOf("text", sources));
                st.setArray(2, c.createArrayOf("text", externals));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        int i = rs.getInt(1) - 1;
                        fresh.clear(i);
                        if (revisions[i] > rs.getInt(2)) {
                            newer.set(i);
                        }
                    }
                }
            }
            long inserted = fresh.isEmpty() ? 0 : insertFresh(rows, fresh);
            long replaced = newer.isEmpty() ? 0 : replaceOlder(rows, newer);
            allNewSoFar = inserted == n;
            accepted += inserted + replaced;
            duplicate += n - inserted - replaced;
            LOG.debugf("merged %d %s in %d ms: %d new, %d replaced", n, kind.path(),
                    (System.nanoTime() - began) / 1_000_000, inserted, replaced);
        }

        /**
         * COPYs rows with keys not stored a moment ago straight into the record table. Should a concurrent upload
         * store one of them in between, the primary key stops the COPY, and the rows go through staging with
         * ON CONFLICT DO NOTHING instead.
         */
        private long insertFresh(CopyLine rows, BitSet which) throws SQLException {
            Savepoint before = c.setSavepoint();
            try {
                copyKeys(rows, which);
                long n = copy(kind.table(), rows, which);
                c.releaseSavepoint(before);
                return n;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                c.rollback(before);
            }
            copy(staging(), rows, which);
            try (Statement st = c.createStatement()) {
                long n = st.executeLargeUpdate(kind.partitioned()
                        // the keys not stored meanwhile, and the records of those keys only
                        ? "WITH k AS (INSERT INTO " + keyTable + " (source_system, external_id, revision, employee_id, "
                        + "activity_date) SELECT source_system, external_id, revision, employee_id, activity_date FROM "
                        + stage
                        + " ON CONFLICT (source_system, external_id) DO NOTHING RETURNING source_system, external_id) "
                        + "INSERT INTO " + kind.table() + " (" + columnList + ") SELECT " + qualified("s")
                        + " FROM " + stage + " s JOIN k ON k.source_system = s.source_system "
                        + "AND k.external_id = s.external_id"
                        : "INSERT INTO " + kind.table() + " (" + columnList + ") SELECT "
                        + columnList + " FROM " + stage + " ON CONFLICT (source_system, external_id) DO NOTHING");
                st.execute("TRUNCATE " + stage);
                return n;
            }
        }

        /** Replaces stored rows by the given ones where their revision is still higher (checked again in SQL). */
        private long replaceOlder(CopyLine rows, BitSet which) throws SQLException {
            copy(staging(), rows, which);
            List<String> updatable = kind.columns().stream()
                    .filter(col -> !col.equals("source_system") && !col.equals("external_id")).toList();
            String set = updatable.stream().map(col -> col + " = s." + col).collect(Collectors.joining(", "));
            try (Statement st = c.createStatement()) {
                if (kind.partitioned()) {
                    // the keys first, in one order: a concurrent revision of the same record waits here for this one
                    // to commit and then reads where it went. Without it both find the record in its old month and
                    // the second fails when the first has moved it to another month's partition (PostgreSQL cannot
                    // follow a row across partitions); in key order two uploads never wait on each other in turn
                    st.execute("SELECT 1 FROM " + keyTable + " k JOIN " + stage + " s ON k.source_system = "
                            + "s.source_system AND k.external_id = s.external_id ORDER BY k.source_system, "
                            + "k.external_id FOR UPDATE OF k");
                }
                // a QA specialist's revision never replaces another evaluator's evaluation (checked per row before)
                String ownOnly = options.evaluator() != null && evaluatorIndex >= 0
                        ? " AND t.evaluator_id = s.evaluator_id" : "";
                long n = st.executeLargeUpdate(kind.partitioned()
                        // the stored record is found through its key's agent and day (one partition, the agent's
                        // rows by the index); a day in another month moves it to that month's partition; the key
                        // follows the records replaced
                        ? "WITH u AS (UPDATE " + kind.table() + " t SET " + set + ", received_at = now() FROM "
                        + stage + " s JOIN " + keyTable + " k ON k.source_system = s.source_system "
                        + "AND k.external_id = s.external_id WHERE t.employee_id = k.employee_id "
                        + "AND t.activity_date = k.activity_date AND t.source_system = s.source_system "
                        + "AND t.external_id = s.external_id AND t.revision < s.revision" + ownOnly
                        + " RETURNING t.source_system, t.external_id, t.revision, t.employee_id, t.activity_date) "
                        + "UPDATE " + keyTable + " k SET revision = u.revision, employee_id = u.employee_id, "
                        + "activity_date = u.activity_date FROM u WHERE k.source_system = u.source_system "
                        + "AND k.external_id = u.external_id"
                        : "UPDATE " + kind.table() + " t SET " + set + ", received_at = now() "
                        + "FROM " + stage + " s WHERE t.source_system = s.source_system "
                        + "AND t.external_id = s.external_id AND t.revision < s.revision" + ownOnly);
                st.execute("TRUNCATE " + stage);
                return n;
            }
        }

        /** The staging table, made on first use: no constraints or indexes, so COPY into it is cheap. */
        private String staging() throws SQLException {
            if (!staged) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TEMP TABLE " + stage + " AS SELECT " + columnList + " FROM " + kind.table()
                            + " WITH NO DATA");
                }
                staged = true;
            }
            return stage;
        }

        /** The staged columns, each prefixed by a table alias. */
        private String qualified(String alias) {
            return kind.columns().stream().map(col -> alias + "." + col).collect(Collectors.joining(", "));
        }

        /**
         * For a partitioned kind, COPYs the keys of the chosen rows (source system, external id, revision, agent, day)
         * into the key table, before the rows themselves: a key stored already stops it at once (the record tables
         * have no unique index of their own).
         */
        private void copyKeys(CopyLine rows, BitSet which) throws SQLException {
            if (!kind.partitioned()) {
                return;
            }
            keys.clear().appendFields(rows, which, RecordKind.SOURCE_SYSTEM, RecordKind.EXTERNAL_ID,
                    RecordKind.REVISION, RecordKind.EMPLOYEE_ID, dayIndex);
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + keyTable
                    + " (source_system, external_id, revision, employee_id, activity_date) FROM STDIN");
            try {
                copy.writeToCopy(keys.bytes(), 0, keys.size());
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }

        /** COPYs the chosen rows of a chunk into a table, in runs of consecutive rows. */
        private long copy(String table, CopyLine rows, BitSet which) throws SQLException {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columnList + ") FROM STDIN");
            try {
                for (int from = which.nextSetBit(0); from >= 0; ) {
                    int to = which.nextClearBit(from);
                    int start = rows.start(from);
                    copy.writeToCopy(rows.bytes(), start, rows.start(to) - start);
                    from = to < rows.rows() ? which.nextSetBit(to) : -1;
                }
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }

        IngestReport report() {
            return new IngestReport(Math.toIntExact(accepted), Math.toIntExact(duplicate), Math.toIntExact(rejected),
                    List.copyOf(errors), options.dryRun(), rejected > errors.size());
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static Set<String> keys(Connection c, String sql) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }
}

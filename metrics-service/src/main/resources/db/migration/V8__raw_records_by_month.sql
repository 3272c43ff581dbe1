-- Raw activity partitioned by month (issue 11): every raw record table becomes a table partitioned by RANGE on
-- activity_date (the day the record counts for, in the center's time zone, as ingestion computes it), one partition
-- per calendar month (<table>_YYYY_MM, [first day, first day of the next month)). A month's aggregates read that
-- month's partitions only (plan-time pruning: the aggregate queries name their dates), and a month past the
-- retention bound goes as a whole (DROP TABLE of its partitions; PERFCENTER_RAW_RETENTION_MONTHS, README).
--
-- The idempotency key stays exact. A unique constraint of a partitioned table must contain the partition key, so
-- (source_system, external_id) cannot be the primary key of a partitioned table, and (source_system, external_id,
-- activity_date) would let a revision that moves a record to another day (another partition) be stored as a second
-- record. So the key of a record across all months lives in a table of its own, <table>_key, PRIMARY KEY
-- (source_system, external_id), with the stored revision, agent and day. Ingestion writes it in the same transaction
-- as the record and before it (a re-sent key stops a COPY at once), looks re-sent keys up there, finds a stored record
-- to replace through it (its agent and day: the partition and the index by agent), and updates it with the record.
-- Ingestion is the only writer of these tables. A revision that moves the record to another month moves the row to
-- that month's partition (an UPDATE of the partition key; the BEFORE UPDATE trigger on the parent still writes the
-- replaced version to record_revision).
--
-- The partitions have no key index of their own: the key table's primary key is the one unique index a record's
-- key costs, as the table's primary key was before. A second one on the partitions would cost as much again (COPY of
-- 300,000 calls at load ~30: 4.5 s into a table with the BRIN and agent indexes, 9-10 s with a primary key too; 5 s
-- for the keys), for look-ups the key table answers.
--
-- Partitions are made when a record of their month first arrives (ensure_record_partition, below, called by
-- ingestion before it writes a chunk, for the chunk's months) and here for the months already stored. There is no
-- DEFAULT partition: rows in it would keep their month's partition from being created later (and each new
-- partition would have to scan it); a month's partition always exists before a row of it is written.
--
-- metric_value (pushed values) stays as it is: small, and not part of the raw activity.

-- Makes the partition of a month of a raw record table if it is missing and answers its name. Safe when several
-- uploads (or replicas) ask at once: a transaction-level advisory lock per partition name, and the check again under
-- it. CREATE TABLE ... PARTITION OF would take an ACCESS EXCLUSIVE lock on the parent, so it would wait for every
-- upload in progress and stop every read meanwhile; a table made alone and then attached needs only SHARE UPDATE
-- EXCLUSIVE on the parent, which neither readers nor writers hold against it. Call it in a short transaction of its
-- own (ingestion does, on a connection of its own), so the lock is not held for an upload's duration.
CREATE FUNCTION ensure_record_partition(parent regclass, day date) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    first  date := date_trunc('month', day)::date;
    schema text;
    base   text;
    name   text;
BEGIN
    SELECT n.nspname, c.relname INTO schema, base
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = parent;
    name := base || '_' || to_char(first, 'YYYY_MM');
    -- asked of pg_class with a fresh snapshot each time (to_regclass could answer from a stale cache entry and
    -- miss a partition another session made while this one waited for the lock)
    IF EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = schema AND c.relname = name) THEN
        RETURN name;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('perfcenter.record_partition'), hashtext(schema || '.' || name));
    IF NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = schema AND c.relname = name) THEN
        EXECUTE format('CREATE TABLE %I.%I (LIKE %I.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)',
                       schema, name, schema, base);
        -- the parent's indexes (BRIN on the day, btree by agent) and its trigger come with the attach
        EXECUTE format('ALTER TABLE %I.%I ATTACH PARTITION %I.%I FOR VALUES FROM (%L) TO (%L)',
                       schema, base, schema, name, first, (first + interval '1 month')::date);
    END IF;
    RETURN name;
END $$;

-- The record tables, one at a time: the table as it was is renamed and emptied into the partitioned one.
CREATE FUNCTION pg_temp.partition_by_month(tab text, kind text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    old   text := tab || '_v7';
    month date;
BEGIN
    EXECUTE format('ALTER TABLE %I RENAME TO %I', tab, old);
    EXECUTE format('DROP TRIGGER %I ON %I', tab || '_revision', old);
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', old, tab || '_pkey');
    EXECUTE format('DROP INDEX %I, %I', tab || '_day_idx', tab || '_agent_idx');
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS) '
                   'PARTITION BY RANGE (activity_date)', tab, old);
    -- BRIN on the day (a day or a week inside a month) and the btree by agent of V7, on every partition
    EXECUTE format('CREATE INDEX %I ON %I USING brin (activity_date)', tab || '_day_idx', tab);
    EXECUTE format('CREATE INDEX %I ON %I (employee_id)', tab || '_agent_idx', tab);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW '
                   'WHEN (OLD.revision IS DISTINCT FROM NEW.revision) EXECUTE FUNCTION keep_replaced_revision(%L)',
                   tab || '_revision', tab, kind);
    -- the key of every stored record across all months, with what finds the record; BRIN on the day for the
    -- retention's delete
    EXECUTE format('CREATE TABLE %I (source_system text NOT NULL, external_id text NOT NULL, '
                   'revision integer NOT NULL, employee_id text NOT NULL, activity_date date NOT NULL, '
                   'PRIMARY KEY (source_system, external_id))', tab || '_key');
    EXECUTE format('CREATE INDEX %I ON %I USING brin (activity_date)', tab || '_key_day_idx', tab || '_key');
    FOR month IN EXECUTE format('SELECT DISTINCT date_trunc(''month'', activity_date)::date FROM %I', old) LOOP
        PERFORM ensure_record_partition(tab::regclass, month);
    END LOOP;
    EXECUTE format('INSERT INTO %I SELECT * FROM %I', tab, old);
    EXECUTE format('INSERT INTO %I SELECT source_system, external_id, revision, employee_id, activity_date FROM %I',
                   tab || '_key', old);
    EXECUTE format('DROP TABLE %I', old);
END $$;

SELECT pg_temp.partition_by_month('call_record', 'calls');
SELECT pg_temp.partition_by_month('ticket_record', 'tickets');
SELECT pg_temp.partition_by_month('survey_record', 'surveys');
SELECT pg_temp.partition_by_month('qa_evaluation', 'qa-evaluations');
SELECT pg_temp.partition_by_month('schedule_record', 'adherence');
SELECT pg_temp.partition_by_month('incident_record', 'incidents');
SELECT pg_temp.partition_by_month('sale_record', 'sales');

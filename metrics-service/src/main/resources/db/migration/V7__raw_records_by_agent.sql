-- One agent's figures (their scorecard, their trend, a recompute after an appeal, the raw-day check of pushed values)
-- read that agent's records of a period. With only the primary key and the BRIN index on activity_date, such a read
-- scanned the whole period of every agent (issue 11: 0.3-1 s per read at 10,000 agents and 1,000,000 calls a month,
-- growing with the records). A btree on employee_id finds the agent's rows; PostgreSQL intersects it with the BRIN
-- index on activity_date (BitmapAnd) when the table holds other periods too, so the read touches the agent's pages
-- of the period only (EXPLAIN at 2,000,000 calls over two months: 100 heap pages, ~1-4 ms instead of ~175 ms).
--
-- Why employee_id alone and not (employee_id, activity_date): the index is maintained on every load, and ingestion
-- speed is a target too. Measured with COPY of 1,000,000 calls: +30 % time with employee_id (9 MB: an agent's many
-- rows are deduplicated into few index entries), +70 % with (employee_id, activity_date) (18 MB); the date is
-- already selective through the BRIN index.
--
-- Monthly partitioning is not done (metrics-service README, "Storage"): the idempotency key (source_system,
-- external_id) would have to include activity_date, and a corrected record that moves to another day would become a
-- second record instead of a new revision of the first.
CREATE INDEX call_record_agent_idx ON call_record (employee_id);
CREATE INDEX ticket_record_agent_idx ON ticket_record (employee_id);
CREATE INDEX survey_record_agent_idx ON survey_record (employee_id);
CREATE INDEX qa_evaluation_agent_idx ON qa_evaluation (employee_id);
CREATE INDEX schedule_record_agent_idx ON schedule_record (employee_id);
CREATE INDEX incident_record_agent_idx ON incident_record (employee_id);
CREATE INDEX sale_record_agent_idx ON sale_record (employee_id);
-- pushed values have no BRIN index on their date: the btree carries it
CREATE INDEX metric_value_agent_day_idx ON metric_value (employee_id, value_date);

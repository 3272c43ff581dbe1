-- Raw records are partitioned by month (V8): a revision of a QA evaluation that moves it to a day of another month
-- moves the row to that month's partition, which PostgreSQL does as a delete and an insert, so the AFTER row trigger
-- of V9 sees an INSERT, not an UPDATE, and would add the new item rows beside the old ones (primary key violation).
-- The item rows of the key are therefore replaced on every insert too (a new evaluation has none: nothing deleted).
CREATE OR REPLACE FUNCTION qa_item_results_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM qa_item_result WHERE source_system = NEW.source_system AND external_id = NEW.external_id;
    IF TG_OP = 'UPDATE' AND (OLD.source_system, OLD.external_id) IS DISTINCT FROM (NEW.source_system, NEW.external_id) THEN
        DELETE FROM qa_item_result WHERE source_system = OLD.source_system AND external_id = OLD.external_id;
    END IF;
    IF NEW.item_results IS NOT NULL AND NEW.form_code IS NOT NULL THEN
        INSERT INTO qa_item_result (source_system, external_id, revision, employee_id, activity_date, form_code,
                                    form_version, section_code, item_code, not_applicable, passed, critical, points,
                                    max_points)
        SELECT NEW.source_system, NEW.external_id, NEW.revision, NEW.employee_id, NEW.activity_date, NEW.form_code,
               NEW.form_version, i.section, i.code, i."notApplicable", i.passed, i.critical, i.points, i."maxPoints"
          FROM jsonb_to_recordset(NEW.item_results) AS i(section text, code text, "notApplicable" boolean,
               passed boolean, critical boolean, points numeric, "maxPoints" numeric);
    END IF;
    RETURN NULL;
END $$;

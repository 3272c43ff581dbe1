-- Agents a run leaves out (scored with another unit under the template's mover policy, or another position), with
-- the reason: [{"employeeId": "E2001", "reason": "moved to G-2 on 2026-10-16; scored there (...)"}].
ALTER TABLE scorecard_run ADD COLUMN skipped jsonb;

-- One current (published or locked) scorecard per employee, template and period across all runs: a mover, or an
-- agent of two nested units' runs, is never paid twice. Units templates score each unit's leader per unit, so the
-- unit scored is part of the key. Creating it fails if such duplicates were published before; supersede them first.
CREATE UNIQUE INDEX scorecard_one_current_idx
    ON scorecard (template_code, period, employee_id, coalesce(subject_unit_code, ''))
    WHERE status IN ('PUBLISHED', 'LOCKED');

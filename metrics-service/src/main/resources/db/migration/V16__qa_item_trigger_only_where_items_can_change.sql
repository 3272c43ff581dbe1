-- QA evaluation ingestion (issue 11: 0.39 x COPY in the month close, where calls reach 0.66 x). The AFTER row trigger
-- of V9/V10 ran its PL/pgSQL function for every inserted evaluation: a DELETE of the key's item rows (V10: a revision
-- moved to another month's partition arrives as an INSERT) and, for a form-scored one, the item rows. Most evaluations
-- are new and name no form, so the function found nothing to delete and had nothing to insert, yet each row queued an
-- after-trigger event and ran it: COPY of 30,000 such evaluations took 1.12-1.20 s with it, 0.59-0.60 s with the
-- WHEN below (same rows, rolled back, machine at load ~40).
--
-- The function is unchanged; on INSERT it now runs only when it can do something: the evaluation has item results
-- and a form (item rows to write), or its revision is above 1. A moved evaluation is always a later revision (it
-- replaced a stored one, whose revision was at least 1), so it still clears the item rows its earlier revision left.
-- A new key with revision 1 has no item rows: a key names one record across all months (the key table), so no
-- stored revision can have written any. A WHEN condition is evaluated without calling the function, and an AFTER row
-- trigger whose condition is false queues no event. UPDATE keeps the trigger as it was.
DROP TRIGGER qa_evaluation_items ON qa_evaluation;
CREATE TRIGGER qa_evaluation_items AFTER UPDATE ON qa_evaluation FOR EACH ROW
    EXECUTE FUNCTION qa_item_results_follow();
CREATE TRIGGER qa_evaluation_items_new AFTER INSERT ON qa_evaluation FOR EACH ROW
    WHEN (NEW.revision > 1 OR (NEW.item_results IS NOT NULL AND NEW.form_code IS NOT NULL))
    EXECUTE FUNCTION qa_item_results_follow();

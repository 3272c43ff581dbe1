-- The texts the service writes itself in Simplified Chinese beside the English (issue 12), as V10 did for the
-- scorecards' explanations: a coaching agenda's basis, an audit event's detail, the record an appeal disputes as the
-- service names it. Written from now on; rows stored before have none (NULL) and the API answers their English
-- whatever the Accept-Language. (An improvement plan's evaluation is JSON: its Chinese is kept inside it, as
-- explanationZh beside each explanation, and evaluations stored before have none.)
ALTER TABLE coaching_session ADD COLUMN agenda_basis_zh text;
ALTER TABLE audit_event ADD COLUMN detail_zh text;
ALTER TABLE appeal ADD COLUMN data_point_zh text;
-- What people wrote is the same in both languages: a decider's reason (the detail of an appeal accepted or rejected)
-- and a data point the agent typed (an appeal naming no record: the service composes one only for a named record).
UPDATE audit_event SET detail_zh = detail
 WHERE detail IS NOT NULL AND action IN ('APPEAL_ACCEPTED', 'APPEAL_REJECTED');
UPDATE appeal SET data_point_zh = data_point WHERE data_point IS NOT NULL AND record_kind IS NULL;

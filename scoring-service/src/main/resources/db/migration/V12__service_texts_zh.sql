-- The texts the service writes itself in Simplified Chinese beside the English (issue 12), as V10 did for the
-- scorecards' explanations: a coaching agenda's basis, an audit event's detail, the record an appeal disputes as the
-- service names it. Written from now on; rows stored before have none (NULL) and the API answers their English
-- whatever the Accept-Language. (An improvement plan's evaluation is JSON: its Chinese is kept inside it, as
-- explanationZh beside each explanation, and evaluations stored before have none.)
ALTER TABLE coaching_session ADD COLUMN agenda_basis_zh text;
ALTER TABLE audit_event ADD COLUMN detail_zh text;
ALTER TABLE appeal ADD COLUMN data_point_zh text;

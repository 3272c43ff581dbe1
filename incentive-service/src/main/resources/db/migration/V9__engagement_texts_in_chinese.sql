-- Engagement texts in Simplified Chinese beside the English ones (issue 12: the API answers in the language of
-- Accept-Language), written when a contest closes with the same figures. Rows stored before this migration keep NULL
-- here and are answered in English whatever the language asked for; nothing is back-filled. The ledger stays
-- append-only: adding a column fires no row trigger, and no entry is changed. Frozen leaderboards and closed
-- contests keep their texts in their JSON (a "reasonZh" beside each "reason"); those frozen or closed before read in
-- English.
ALTER TABLE points_entry ADD COLUMN reason_zh text;
ALTER TABLE badge_grant ADD COLUMN reason_zh text;

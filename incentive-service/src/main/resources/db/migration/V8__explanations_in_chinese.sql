-- Explanations in Simplified Chinese beside the English ones, written at compute time with the same figures
-- (issue 12: the API answers in the language of Accept-Language). Rows stored before this migration keep NULL here
-- and are answered in English whatever the language asked for; nothing is back-filled (the texts are computed from
-- the facts of their time, which are not all kept). A payout run recomputed afterwards stores both texts (a new
-- revision whose changes list no line), and an honor judgement repeated unchanged gains its Chinese reasons.
ALTER TABLE payout_line ADD COLUMN explanation_zh text;
ALTER TABLE honor_winner ADD COLUMN reason_zh text;

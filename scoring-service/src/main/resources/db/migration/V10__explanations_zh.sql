-- Explanations in Simplified Chinese beside the English (issue 12): written when a scorecard is computed; scorecards
-- computed before have none (NULL) and the API answers their English whatever the Accept-Language.
ALTER TABLE scorecard ADD COLUMN total_explanation_zh text;
ALTER TABLE scorecard_item ADD COLUMN explanation_zh text;

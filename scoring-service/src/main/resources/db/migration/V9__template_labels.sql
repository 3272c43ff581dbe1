-- A template's labels per language (its items' and grades' labels live in their JSON); null: the name is shown.
ALTER TABLE scorecard_template ADD COLUMN name_zh text, ADD COLUMN name_en text;

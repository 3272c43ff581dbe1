-- How the seeded metrics follow from raw records (DOMAIN.md section 2). Rates are ratios of sums over the period
-- (a group's AHT is its total handle seconds over its total calls, not a mean of the agents' means).
UPDATE metric_definition SET aggregation = 'SUM', derivation = '{"numerator":{"record":"calls","function":"COUNT"}}'
 WHERE code = 'calls_handled';
UPDATE metric_definition SET aggregation = 'RATIO', derivation = '{"numerator":{"record":"calls","function":"SUM","fields":["talkSeconds","holdSeconds","wrapSeconds"]},"denominator":{"record":"calls","function":"COUNT"}}'
 WHERE code = 'aht';
UPDATE metric_definition SET aggregation = 'RATIO', derivation = '{"numerator":{"record":"calls","function":"COUNT","where":[{"field":"resolvedFirstContact","op":"IS_TRUE"}]},"denominator":{"record":"calls","function":"COUNT"},"scale":100}'
 WHERE code = 'fcr';
UPDATE metric_definition SET aggregation = 'RATIO', derivation = '{"numerator":{"record":"calls","function":"COUNT","where":[{"field":"repeatContact","op":"IS_TRUE"}]},"denominator":{"record":"calls","function":"COUNT"},"scale":100}'
 WHERE code = 'repeat_contact_rate';
UPDATE metric_definition SET aggregation = 'RATIO', derivation = '{"numerator":{"record":"incidents","function":"COUNT","where":[{"field":"kind","op":"EQ","value":"COMPLAINT"}]},"denominator":{"record":"calls","function":"COUNT"},"scale":100}'
 WHERE code = 'complaint_rate';
UPDATE metric_definition SET aggregation = 'RATIO', derivation = '{"numerator":{"record":"adherence","function":"SUM","fields":["adherentMinutes"]},"denominator":{"record":"adherence","function":"SUM","fields":["scheduledMinutes"]},"scale":100}'
 WHERE code = 'adherence';
UPDATE metric_definition SET aggregation = 'RATIO', derivation = '{"numerator":{"record":"adherence","function":"SUM","fields":["handlingMinutes"]},"denominator":{"record":"adherence","function":"SUM","fields":["loggedInMinutes"],"where":[{"field":"handlingMinutes","op":"IS_SET"}]},"scale":100}'
 WHERE code = 'occupancy';
UPDATE metric_definition SET aggregation = 'RATIO', derivation = '{"numerator":{"record":"adherence","function":"COUNT","where":[{"field":"absent","op":"IS_FALSE"}]},"denominator":{"record":"adherence","function":"COUNT"},"scale":100}'
 WHERE code = 'attendance_rate';
UPDATE metric_definition SET aggregation = 'SUM', derivation = '{"numerator":{"record":"incidents","function":"COUNT","where":[{"field":"kind","op":"EQ","value":"ERROR"}]}}'
 WHERE code = 'error_count';
UPDATE metric_definition SET aggregation = 'SUM', derivation = '{"numerator":{"record":"incidents","function":"COUNT","where":[{"field":"kind","op":"EQ","value":"RULE_VIOLATION"}]}}'
 WHERE code = 'rule_violations';
UPDATE metric_definition SET aggregation = 'MEAN', derivation = '{"numerator":{"record":"qa-evaluations","function":"SUM","fields":["score"]},"denominator":{"record":"qa-evaluations","function":"COUNT"}}'
 WHERE code = 'qa_score';
UPDATE metric_definition SET aggregation = 'MEAN', derivation = '{"numerator":{"record":"surveys","function":"SUM","fields":["csat"]},"denominator":{"record":"surveys","function":"COUNT","where":[{"field":"csat","op":"IS_SET"}]}}'
 WHERE code = 'csat';
UPDATE metric_definition SET aggregation = 'RATIO', derivation = '{"numerator":{"record":"surveys","function":"COUNT","where":[{"field":"nps","op":"GE","value":"9"}]},"subtract":{"record":"surveys","function":"COUNT","where":[{"field":"nps","op":"LE","value":"6"}]},"denominator":{"record":"surveys","function":"COUNT","where":[{"field":"nps","op":"IS_SET"}]},"scale":100}'
 WHERE code = 'nps';
UPDATE metric_definition SET aggregation = 'MEAN', derivation = '{"numerator":{"record":"tickets","function":"SUM","fields":["firstResponseMinutes"]},"denominator":{"record":"tickets","function":"COUNT","where":[{"field":"firstResponseMinutes","op":"IS_SET"}]}}'
 WHERE code = 'reply_minutes';
UPDATE metric_definition SET aggregation = 'SUM', derivation = '{"numerator":{"record":"sales","function":"SUM","fields":["amount"]}}'
 WHERE code = 'sales_amount';

INSERT INTO metric_definition (code, name_zh, name_en, unit, direction, aggregation, category, source, derivation) VALUES
 ('avg_talk_time',       '平均通话时长', 'Average talk time',          'seconds', 'TARGET_BAND',   'RATIO', 'internal-operations', 'acd',
  '{"numerator":{"record":"calls","function":"SUM","fields":["talkSeconds"]},"denominator":{"record":"calls","function":"COUNT"}}'),
 ('transfer_rate',       '转接率',       'Transfer rate',              'percent', 'LOWER_BETTER',  'RATIO', 'customer',            'acd',
  '{"numerator":{"record":"calls","function":"COUNT","where":[{"field":"transferred","op":"IS_TRUE"}]},"denominator":{"record":"calls","function":"COUNT"},"scale":100}'),
 ('tickets_handled',     '工单处理量',   'Tickets handled',            'tickets', 'HIGHER_BETTER', 'SUM',   'internal-operations', 'crm',
  '{"numerator":{"record":"tickets","function":"COUNT"}}'),
 ('ticket_handling_hours','工单处理时效','Ticket handling time',       'hours',   'LOWER_BETTER',  'MEAN',  'internal-operations', 'crm',
  '{"numerator":{"record":"tickets","function":"SUM","fields":["handlingHours"]},"denominator":{"record":"tickets","function":"COUNT","where":[{"field":"handlingHours","op":"IS_SET"}]}}'),
 ('closure_3day_rate',   '3日内闭环率',  '3-day closure rate',         'percent', 'HIGHER_BETTER', 'RATIO', 'customer',            'crm',
  '{"numerator":{"record":"tickets","function":"COUNT","where":[{"field":"closedWithin3Days","op":"IS_TRUE"}]},"denominator":{"record":"tickets","function":"COUNT"},"scale":100}'),
 ('commendations',       '表扬次数',     'Commendations',              'count',   'HIGHER_BETTER', 'SUM',   'customer',            'crm',
  '{"numerator":{"record":"incidents","function":"COUNT","where":[{"field":"kind","op":"EQ","value":"COMMENDATION"}]}}'),
 ('qa_evaluations',      '质检抽检数',   'QA evaluations',             'count',   'HIGHER_BETTER', 'SUM',   'internal-operations', 'qa',
  '{"numerator":{"record":"qa-evaluations","function":"COUNT"}}');

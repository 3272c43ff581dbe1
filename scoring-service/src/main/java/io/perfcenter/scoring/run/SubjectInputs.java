package io.perfcenter.scoring.run;

/**
 * One scorecard to compute: whose it is, the unit it scores (units templates only) and its inputs.
 */
public record SubjectInputs(String employeeId, String subjectUnitCode, ScorecardInputs inputs) {
}

package io.perfcenter.scoring.run;

import io.perfcenter.scoring.web.Problems;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One current scorecard per employee, template and period across all runs (a mover, or an agent of two nested
 * units, is scored and paid once). Current are the scorecards of a unit's published or locked run and those of its
 * latest revision; revisions of the same template, unit and period replace each other as before. Published ones are
 * also held unique by the database (scorecard_one_current_idx).
 */
final class CurrentScorecards {

    private static final int NAMED = 5;

    private CurrentScorecards() {
    }

    /** A run of the unit may not score anyone who has a current scorecard from another unit's run: 409. */
    @SuppressWarnings("unchecked")
    static void checkNoneElsewhere(EntityManager em, String templateCode, String unitCode, String period,
                                   List<SubjectInputs> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        // employee ids and unit codes hold no ',' or '|' (codes are letters, digits, '_', '.' and '-')
        String keys = subjects.stream().map(s -> s.employeeId() + "|" + Objects.toString(s.subjectUnitCode(), ""))
                .collect(Collectors.joining(","));
        List<Object[]> clashes = em.createNativeQuery("""
                SELECT s.employee_id, s.subject_unit_code, r.id, r.unit_code, r.status
                FROM scorecard s JOIN scorecard_run r ON r.id = s.run_id
                WHERE r.template_code = :template AND r.period = :period AND r.unit_code <> :unit
                  AND s.status <> 'SUPERSEDED'
                  AND (r.status IN ('PUBLISHED', 'LOCKED')
                       OR r.revision = (SELECT max(x.revision) FROM scorecard_run x WHERE x.template_code = r.template_code
                                        AND x.unit_code = r.unit_code AND x.period = r.period))
                  AND s.employee_id || '|' || coalesce(s.subject_unit_code, '') = ANY (string_to_array(:keys, ','))
                ORDER BY s.employee_id, r.id""")
                .setParameter("template", templateCode).setParameter("period", period).setParameter("unit", unitCode)
                .setParameter("keys", keys).setMaxResults(NAMED + 1).getResultList();
        if (clashes.isEmpty()) {
            return;
        }
        String named = clashes.stream().limit(NAMED).map(c -> c[0] + (c[1] == null ? "" : " (unit " + c[1] + ")")
                + " in run " + c[2] + " of unit " + c[3] + " (" + c[4] + ")").collect(Collectors.joining(", "));
        throw Problems.conflict("A run of template " + templateCode + " for unit " + unitCode + " and " + period
                + " would give a second current scorecard to " + named + (clashes.size() > NAMED ? " and others" : "")
                + ". An employee is scored once per period and template: compute that unit again so that it no "
                + "longer scores them (and publish that revision if its run is published), or score a unit that "
                + "does not overlap it.");
    }

    /** Publishing may not make a second published scorecard of the same employee, template and period: 409. */
    @SuppressWarnings("unchecked")
    static void checkNonePublishedElsewhere(EntityManager em, ScorecardRun run) {
        List<Object[]> clashes = em.createNativeQuery("""
                SELECT o.employee_id, o.subject_unit_code, o.run_id, o.unit_code
                FROM scorecard n
                JOIN scorecard o ON o.template_code = n.template_code AND o.period = n.period
                                 AND o.employee_id = n.employee_id
                                 AND coalesce(o.subject_unit_code, '') = coalesce(n.subject_unit_code, '')
                                 AND o.run_id <> n.run_id AND o.status IN ('PUBLISHED', 'LOCKED')
                WHERE n.run_id = :run
                ORDER BY o.employee_id""").setParameter("run", run.id).setMaxResults(NAMED + 1).getResultList();
        if (clashes.isEmpty()) {
            return;
        }
        String named = clashes.stream().limit(NAMED).map(c -> c[0] + (c[1] == null ? "" : " (unit " + c[1] + ")")
                + " in run " + c[2] + " of unit " + c[3]).collect(Collectors.joining(", "));
        throw Problems.conflict("Publishing run " + run.id + " would give a second published scorecard of template "
                + run.templateCode + " for " + run.period + " to " + named + (clashes.size() > NAMED ? " and others"
                : "") + ". Publish a revision of that unit's run that no longer scores them first.");
    }

    static RuntimeException publishedAtTheSameMoment(ScorecardRun run) {
        return Problems.conflict("Another unit's run of template " + run.templateCode + " for " + run.period
                + " published scorecards of the same employees at the same moment; run " + run.id
                + " was not published");
    }
}

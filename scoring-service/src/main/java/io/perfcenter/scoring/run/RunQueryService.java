package io.perfcenter.scoring.run;

import io.perfcenter.scoring.audit.AuditEvent;
import io.perfcenter.scoring.audit.AuditPayloads.EventView;
import io.perfcenter.scoring.run.RunPayloads.AgentChange;
import io.perfcenter.scoring.run.RunPayloads.RunSummary;
import io.perfcenter.scoring.run.RunPayloads.RunView;
import io.perfcenter.scoring.scorecard.ScorecardPayloads.ScorecardView;
import io.perfcenter.scoring.scorecard.ScorecardService;
import io.perfcenter.scoring.security.DataScope;
import io.perfcenter.scoring.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;

/**
 * Reads runs within the caller's data scope: one run, its changes against another revision, its audit trail, and the
 * list by period, unit and template. The list is one named query ({@link ScorecardRun#LIST}) whose every filter is a
 * parameter: nothing is put together from strings, and the filters and their values are built in one place
 * ({@link Filter#parameters()}).
 */
@ApplicationScoped
public class RunQueryService {

    private final DataScope scope;

    RunQueryService(DataScope scope) {
        this.scope = scope;
    }

    /** The run, or 404 for an unknown one and, alike, for one outside the caller's scope (ids cannot be probed). */
    public ScorecardRun visibleRun(long id) {
        ScorecardRun run = ScorecardRun.<ScorecardRun>findByIdOptional(id)
                .orElseThrow(() -> Problems.notFound("Run", id));
        if (!scope.visibility().seesUnit(run.unitCode)) {
            throw Problems.notFound("Run", id);
        }
        return run;
    }

    public RunView get(long id) {
        return view(visibleRun(id));
    }

    public List<EventView> history(long id) {
        visibleRun(id);
        return AuditEvent.ofRun(id).stream().map(EventView::of).toList();
    }

    /** What changed against the previous revision (or the given run of the same template, unit and period). */
    public List<AgentChange> changes(long id, Long against) {
        ScorecardRun run = visibleRun(id);
        Long other = against != null ? against : run.previousRunId;
        if (other == null) {
            return List.of();
        }
        ScorecardRun before = ScorecardRun.<ScorecardRun>findByIdOptional(other)
                .orElseThrow(() -> Problems.invalid("against", "no run " + other));
        if (!before.templateCode.equals(run.templateCode) || !before.unitCode.equals(run.unitCode)
                || !before.period.equals(run.period)) {
            throw Problems.invalid("against", "run " + other + " is not a revision of the same template, unit and "
                    + "period");
        }
        return RunChanges.between(ScorecardService.ofRun(before.id), ScorecardService.ofRun(run.id));
    }

    /** Runs matching the filters (each optional) in the caller's scope: newest period first, then unit, newest run. */
    public List<RunSummary> list(String period, String unitCode, String templateCode) {
        DataScope.Visibility visibility = scope.visibility();
        if (!visibility.everything() && visibility.units().isEmpty()) {
            return List.of();
        }
        Filter filter = new Filter(period == null ? null : EvaluationPeriod.parse("period", period).code(), unitCode,
                templateCode, visibility.everything() ? null : visibility.units());
        var query = ScorecardRun.getEntityManager().createNamedQuery(ScorecardRun.LIST, Object[].class);
        filter.parameters().forEach(query::setParameter);
        return query.getResultList().stream().map(row -> {
            ScorecardRun r = (ScorecardRun) row[0];
            return new RunSummary(r.id, r.templateCode, r.templateVersion, r.unitCode, r.period, r.status,
                    r.revision, r.computedAt, r.publishedAt, ((Number) row[1]).longValue());
        }).toList();
    }

    /**
     * The filters of {@link ScorecardRun#LIST}; null: not filtered. Each filter is a flag ("any …") and a value, so
     * that one query serves every combination; {@code units} null: every unit.
     */
    record Filter(String period, String unitCode, String templateCode, List<String> units) {

        Map<String, Object> parameters() {
            return Map.of(
                    "anyPeriod", period == null, "period", period == null ? "" : period,
                    "anyUnit", unitCode == null, "unit", unitCode == null ? "" : unitCode,
                    "anyTemplate", templateCode == null, "template", templateCode == null ? "" : templateCode,
                    // a list is bound either way: an empty one is not valid SQL in every database
                    "everyUnit", units == null, "units", units == null ? List.of("") : units);
        }
    }

    /**
     * The run without its scorecards and changes (a publish or lock asked {@code ?scorecards=false}): nothing read
     * beyond the run itself, whose stamps are as the step set them.
     */
    public static RunView summary(ScorecardRun run) {
        return RunView.of(run, null).summary();
    }

    /** The run with its scorecards, best rank first, as they are now in the database. */
    public static RunView view(ScorecardRun run) {
        EntityManager em = ScorecardRun.getEntityManager();
        if (em.isJoinedToTransaction()) {
            // the answer of a step reads what the step wrote (bulk status updates, the run's stamps)
            em.flush();
        }
        // read as columns, not entities (ScorecardService.ofRun): the answer of a publish or lock reads a whole run,
        // ten thousand scorecards and their items at a center's close, and nothing of it joins the transaction
        return RunView.of(run, ScorecardView.all(ScorecardService.ofRun(run.id)));
    }
}

package io.perfcenter.scoring.run;

import io.perfcenter.scoring.review.Rating;
import io.perfcenter.scoring.rule.RuleContext;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardInput;
import io.perfcenter.scoring.template.ScorecardTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes one scorecard in place after its inputs changed (a manual rating, an appeal's adjustment or data
 * correction), with the template version it was computed with, then ranks its run again: total, grade, rank and
 * percentile of everyone in the run follow. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ScorecardRecompute {

    private final Ranking ranking;
    private final EntityManager em;

    ScorecardRecompute(Ranking ranking, EntityManager em) {
        this.ranking = ranking;
        this.em = em;
    }

    public ScorecardInputs inputsOf(long scorecardId) {
        ScorecardInput stored = ScorecardInput.findById(scorecardId);
        return stored == null ? ScorecardInputs.of(Map.of()) : stored.inputs;
    }

    public void recompute(Scorecard card, ScorecardInputs inputs) {
        ScorecardRun run = ScorecardRun.findById(card.runId);
        ScorecardTemplate template = ScorecardTemplate.findById(run.templateId);
        Map<String, List<RuleContext.Rating>> ratings = new HashMap<>();
        Rating.<Rating>list("scorecardId = ?1 order by id", card.id).forEach(r -> ratings
                .computeIfAbsent(r.itemCode, k -> new ArrayList<>())
                .add(new RuleContext.Rating(r.raterRole, r.raterId, r.scores)));
        ScorecardCalculator.Result result = ScorecardCalculator.score(template, inputs, ratings, run.period);
        card.items.clear();
        card.items.addAll(result.items());
        card.total = result.total();
        card.bandGrade = result.grade();
        card.grade = result.grade();
        card.totalExplanation = result.totalExplanation().en();
        card.totalExplanationZh = result.totalExplanation().zh();
        ScorecardInput stored = ScorecardInput.findById(card.id);
        if (stored == null) {
            stored = new ScorecardInput();
            stored.scorecardId = card.id;
        }
        stored.inputs = inputs;
        stored.persist();
        em.flush();
        ranking.rank(run.id, template);
        em.refresh(card);
    }

    /** After a data correction, the run's inputs are what its scorecards now rest on. */
    public void rehash(long runId) {
        ScorecardRun run = ScorecardRun.findById(runId);
        ScorecardTemplate template = ScorecardTemplate.findById(run.templateId);
        List<Object[]> rows = em.createQuery("select s.employeeId, s.subjectUnitCode, i.inputs from Scorecard s, "
                + "ScorecardInput i where i.scorecardId = s.id and s.runId = :run", Object[].class)
                .setParameter("run", runId).getResultList();
        List<SubjectInputs> subjects = rows.stream().map(r -> new SubjectInputs((String) r[0], (String) r[1],
                (ScorecardInputs) r[2])).toList();
        run.inputsHash = InputsHash.of(template, subjects, run.skipped);
    }
}

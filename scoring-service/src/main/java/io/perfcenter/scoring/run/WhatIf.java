package io.perfcenter.scoring.run;

import io.perfcenter.scoring.run.RunPayloads.PreviewInput;
import io.perfcenter.scoring.run.RunPayloads.PreviewLine;
import io.perfcenter.scoring.run.RunPayloads.PreviewView;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardPayloads.ScorecardView;
import io.perfcenter.scoring.scorecard.ScorecardService;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateService;
import io.perfcenter.scoring.web.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static io.perfcenter.scoring.rule.Figures.plain;

/**
 * What-if: scores a past period with a template version — a stored one or a draft of the next — exactly as a run
 * would (same gathering, calculation, SQL ranking and forced distribution), inside a transaction that is rolled back,
 * so nothing is stored; then compares totals, grades, ranks and the grade distribution with the stored run of the
 * same template, unit and period (the published one, else the latest revision).
 */
@ApplicationScoped
public class WhatIf {

    private final RunService runs;
    private final TemplateService templates;

    WhatIf(RunService runs, TemplateService templates) {
        this.runs = runs;
        this.templates = templates;
    }

    public PreviewView preview(PreviewInput input) {
        if (input.unitCode() == null || input.unitCode().isBlank()) {
            throw Problems.invalid("unitCode", "is required");
        }
        EvaluationPeriod period = EvaluationPeriod.parse("period", input.period());
        ScorecardTemplate template;
        boolean draft = input.template() != null;
        if (draft) {
            try {
                template = templates.draft(input.template());
            } catch (io.quarkiverse.resteasy.problem.HttpProblem problem) {
                // the draft's fields are named as they are in this request: template.items[0].rule …
                Object field = problem.getParameters().get("field");
                if (field == null) {
                    throw problem;
                }
                throw Problems.invalid("template." + field, String.valueOf(problem.getParameters().get("reason")));
            }
        } else if (input.templateCode() == null || input.templateCode().isBlank()) {
            throw Problems.invalid("templateCode", "name a stored template, or give a draft as template");
        } else {
            template = runs.template(input.templateCode(), input.templateVersion());
        }
        InputGathering.Gathered gathered = runs.gather(template, input.unitCode(), period, input.units());
        List<SubjectInputs> subjects = gathered.subjects();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (template.id == null) {
                    template.persist();
                }
                ScorecardRun stored = comparedRun(input, template.code, period);
                List<Scorecard> before = stored == null ? List.of() : ScorecardService.ofRun(stored.id);
                RunService.Outcome outcome = runs.store(template, input.unitCode(), period, subjects,
                        gathered.skipped(), "what-if",
                        true, true);
                // leaving by an exception rolls everything back: the draft version, the run, its scorecards, its
                // audit line
                throw new Previewed(compare(template, draft, input.unitCode(), period, stored, before,
                        outcome.run().scorecards()));
            });
        } catch (Previewed previewed) {
            return previewed.view;
        }
        throw new IllegalStateException("a preview always ends by rolling back");
    }

    /** Carries the preview out of the transaction it rolls back. */
    private static final class Previewed extends RuntimeException {
        private final transient PreviewView view;

        Previewed(PreviewView view) {
            super(null, null, false, false);
            this.view = view;
        }
    }

    private static ScorecardRun comparedRun(PreviewInput input, String templateCode, EvaluationPeriod period) {
        if (input.compareRunId() != null) {
            return ScorecardRun.<ScorecardRun>findByIdOptional(input.compareRunId())
                    .orElseThrow(() -> Problems.invalid("compareRunId", "no run " + input.compareRunId()));
        }
        ScorecardRun published = ScorecardRun.<ScorecardRun>find("templateCode = ?1 and unitCode = ?2 and period = ?3 "
                        + "and status in ?4", templateCode, input.unitCode(), period.code(),
                List.of(ScorecardRun.Status.PUBLISHED, ScorecardRun.Status.LOCKED)).firstResult();
        return published != null ? published : ScorecardRun.<ScorecardRun>find("templateCode = ?1 and unitCode = ?2 "
                + "and period = ?3 order by revision desc", templateCode, input.unitCode(), period.code()).firstResult();
    }

    private static PreviewView compare(ScorecardTemplate template, boolean draft, String unitCode,
                                       EvaluationPeriod period, ScorecardRun stored, List<Scorecard> before,
                                       List<ScorecardView> after) {
        Map<String, Scorecard> old = new HashMap<>();
        before.forEach(s -> old.put(s.employeeId + "|" + Objects.toString(s.subjectUnitCode, ""), s));
        List<PreviewLine> lines = new ArrayList<>();
        Map<String, Integer> distributionBefore = new TreeMap<>();
        Map<String, Integer> distributionAfter = new TreeMap<>();
        before.forEach(s -> distributionBefore.merge(s.grade, 1, Integer::sum));
        int gradesChanged = 0;
        BigDecimal sumAfter = BigDecimal.ZERO;
        for (ScorecardView now : after) {
            Scorecard was = old.get(now.employeeId() + "|" + Objects.toString(now.subjectUnitCode(), ""));
            distributionAfter.merge(now.grade(), 1, Integer::sum);
            sumAfter = sumAfter.add(now.total());
            if (was != null && !Objects.equals(was.grade, now.grade())) {
                gradesChanged++;
            }
            lines.add(new PreviewLine(now.employeeId(), now.subjectUnitCode(),
                    was == null ? null : plain(was.total), now.total(),
                    was == null ? null : was.grade, now.grade(), was == null ? null : was.rank, now.rank(),
                    was == null ? null : plain(now.total().subtract(was.total))));
        }
        BigDecimal averageBefore = before.isEmpty() ? null : before.stream().map(s -> s.total)
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(before.size()), 2,
                        RoundingMode.HALF_UP);
        BigDecimal averageAfter = after.isEmpty() ? null : sumAfter.divide(BigDecimal.valueOf(after.size()), 2,
                RoundingMode.HALF_UP);
        return new PreviewView(template.code, template.version, draft, unitCode, period.code(),
                stored == null ? null : stored.id, stored == null ? null : stored.templateVersion, averageBefore,
                averageAfter, distributionBefore, distributionAfter, gradesChanged, lines, after);
    }
}

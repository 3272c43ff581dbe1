package io.perfcenter.scoring.indicator;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.perfcenter.scoring.client.MetricsClient;
import io.perfcenter.scoring.client.MetricsPayloads.AgentAggregates;
import io.perfcenter.scoring.client.MetricsPayloads.AggregateReport;
import io.perfcenter.scoring.client.MetricsPayloads.MetricAggregate;
import io.perfcenter.scoring.indicator.IndicatorPayloads.AimFlag;
import io.perfcenter.scoring.indicator.IndicatorPayloads.Basis;
import io.perfcenter.scoring.indicator.IndicatorPayloads.Correlation;
import io.perfcenter.scoring.indicator.IndicatorPayloads.Effect;
import io.perfcenter.scoring.indicator.IndicatorPayloads.Item;
import io.perfcenter.scoring.indicator.IndicatorPayloads.Review;
import io.perfcenter.scoring.indicator.IndicatorPayloads.TargetShare;
import io.perfcenter.scoring.indicator.IndicatorPayloads.Thresholds;
import io.perfcenter.scoring.rule.Figures;
import io.perfcenter.scoring.rule.PointRange;
import io.perfcenter.scoring.rule.RuleContext;
import io.perfcenter.scoring.rule.ScoringRule;
import io.perfcenter.scoring.rule.TargetAchievementRule;
import io.perfcenter.scoring.run.EvaluationPeriod;
import io.perfcenter.scoring.run.ScorecardInputs;
import io.perfcenter.scoring.run.ScorecardRun;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardInput;
import io.perfcenter.scoring.scorecard.ScorecardItem;
import io.perfcenter.scoring.security.DataScope;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateItem;
import io.perfcenter.scoring.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The indicator review (指标合理性, the monthly meeting on whether the indicators are reasonable): for each item of the
 * template that scored a unit's published (or locked) run of a period, how the metric's values and the item's points
 * are spread, how many agents meet the target, whether the item has a ceiling or floor effect, and how the metric
 * moves with CSAT. Read by the unit's leaders, hr and admin; the CSAT figures come from metrics-service's aggregates
 * of the unit, read with the caller's token (their own scope).
 */
@ApplicationScoped
public class IndicatorReviewService {

    static final BigDecimal CEILING_SHARE = BigDecimal.valueOf(90);
    static final BigDecimal FLOOR_SHARE = BigDecimal.valueOf(90);
    static final BigDecimal AIM_SHARE = BigDecimal.valueOf(80);
    static final BigDecimal AIM_TOLERANCE = BigDecimal.valueOf(15);
    static final String CSAT = "csat";
    static final String ROUNDING = "quartiles (linear interpolation, QUARTILE.INC), mean, population standard "
            + "deviation and Pearson's r: 4 decimals half up; shares: percent, 2 decimals half up";

    private final DataScope scope;
    private final MetricsClient metrics;

    IndicatorReviewService(DataScope scope, MetricsClient metrics) {
        this.scope = scope;
        this.metrics = metrics;
    }

    public Review review(String unitCode, String periodCode, String templateCode) {
        if (unitCode == null || unitCode.isBlank()) {
            throw Problems.invalid("unit", "is required");
        }
        if (periodCode == null || periodCode.isBlank()) {
            throw Problems.invalid("period", "is required, e.g. 2026-10");
        }
        EvaluationPeriod period = EvaluationPeriod.parse("period", periodCode);
        if (!scope.visibility().seesUnit(unitCode)) {
            // out of scope answers exactly as an unknown unit
            throw Problems.notFound("Unit", unitCode);
        }
        List<ScorecardRun> runs = ScorecardRun.<ScorecardRun>list("unitCode = ?1 and period = ?2 and status in ?3 "
                        + "order by templateCode, id", unitCode, period.code(),
                List.of(ScorecardRun.Status.PUBLISHED, ScorecardRun.Status.LOCKED)).stream()
                .filter(r -> templateCode == null || r.templateCode.equals(templateCode)).toList();
        if (runs.isEmpty()) {
            throw Problems.notFound("Published or locked run of unit " + unitCode
                    + (templateCode == null ? "" : " and template " + templateCode) + " for", period.code());
        }
        if (runs.size() > 1) {
            throw Problems.invalid("templateCode", "unit " + unitCode + " has published scorecards of several "
                    + "templates in " + period.code() + " (" + runs.stream().map(r -> r.templateCode).distinct()
                    .collect(Collectors.joining(", ")) + "): name one");
        }
        ScorecardRun run = runs.get(0);
        ScorecardTemplate template = ScorecardTemplate.version(run.templateCode, run.templateVersion)
                .orElseThrow(() -> new IllegalStateException("run " + run.id + " names a missing template version"));
        List<Scorecard> scorecards = Scorecard.list("runId = ?1 order by employeeId", run.id);
        Map<Long, ScorecardInputs> inputs = new HashMap<>();
        ScorecardInput.<ScorecardInput>list("scorecardId in ?1", scorecards.stream().map(s -> s.id).toList())
                .forEach(i -> inputs.put(i.scorecardId, i.inputs));
        Map<String, BigDecimal> csat = csatOf(unitCode, period);
        List<Item> items = new ArrayList<>();
        for (TemplateItem item : template.items) {
            items.add(item(item, scorecards, inputs, csat));
        }
        return new Review(unitCode, period.code(), run.templateCode, run.templateVersion, run.id, run.status.name(),
                scorecards.size(), new Thresholds(CEILING_SHARE, FLOOR_SHARE, AIM_SHARE, AIM_TOLERANCE,
                Statistics.MIN_PAIRS), ROUNDING, items);
    }

    private Item item(TemplateItem item, List<Scorecard> scorecards, Map<Long, ScorecardInputs> inputs,
                      Map<String, BigDecimal> csat) {
        PointRange range = item.pointRange();
        List<BigDecimal> values = new ArrayList<>();
        List<BigDecimal> points = new ArrayList<>();
        List<BigDecimal> xs = new ArrayList<>();
        List<BigDecimal> ys = new ArrayList<>();
        Map<String, Integer> targetsUsed = new TreeMap<>();
        int insufficient = 0;
        int meeting = 0;
        int ceiling = 0;
        int floor = 0;
        TargetAchievementRule targetRule = item.rule() instanceof TargetAchievementRule t ? t : null;
        for (Scorecard scorecard : scorecards) {
            ScorecardItem scored = scorecard.item(item.code());
            if (scored == null) {
                continue;
            }
            if (scored.insufficientData || scored.points == null) {
                insufficient++;
                continue;
            }
            points.add(scored.points);
            if (scored.value != null) {
                values.add(scored.value);
                BigDecimal c = csat.get(scorecard.employeeId);
                if (c != null) {
                    xs.add(scored.value);
                    ys.add(c);
                }
            }
            if (range.max() != null && scored.points.compareTo(range.max()) >= 0) {
                ceiling++;
            }
            if (range.min() != null && scored.points.compareTo(range.min()) <= 0) {
                floor++;
            }
            if (targetRule != null) {
                ScorecardInputs used = inputs.get(scorecard.id);
                RuleContext.Target applied = used == null ? null : used.targets().get(item.metricCode());
                BigDecimal target = applied != null ? applied.value() : targetRule.target();
                if (target != null && scored.value != null) {
                    String label = (applied != null ? applied.source() : "rule default") + " "
                            + Figures.plainText(target);
                    targetsUsed.merge(label, 1, Integer::sum);
                    boolean lower = targetRule.direction() == TargetAchievementRule.Direction.LOWER;
                    int c = scored.value.compareTo(target);
                    if (lower ? c <= 0 : c >= 0) {
                        meeting++;
                    }
                }
            } else if (range.max() != null && scored.points.compareTo(range.max()) >= 0) {
                meeting++;
            }
        }
        int n = points.size();
        TargetShare target = null;
        if (targetRule != null || range.max() != null) {
            Basis basis = targetRule != null ? Basis.TARGET : Basis.FULL_MARKS;
            String description = targetRule != null
                    ? "target applied per scorecard: " + targetsUsed.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "))
                    + (targetRule.direction() == TargetAchievementRule.Direction.LOWER ? "; at or below it"
                    : "; at or above it")
                    : "no target applies to a " + typeOf(item) + " item: full marks ("
                    + Figures.plainText(range.max()) + " points)";
            BigDecimal share = Statistics.share(meeting, n);
            target = new TargetShare(basis, description, meeting, n, share, aim(share));
        }
        Correlation correlation = item.metricCode() == null
                ? new Correlation(null, 0, "no metric (manual rating)")
                : Statistics.pearson(xs, ys);
        return new Item(item.code(), item.name(), item.metricCode(), typeOf(item), n, insufficient,
                Statistics.summary(values), Statistics.summary(points), Figures.plain(range.min()),
                Figures.plain(range.max()),
                target, range.max() == null ? null : effect(ceiling, n, CEILING_SHARE),
                range.min() == null ? null : effect(floor, n, FLOOR_SHARE), correlation);
    }

    /** The rule's `type` as templates name it (the names ScoringRule registers). */
    private static String typeOf(TemplateItem item) {
        for (JsonSubTypes.Type type : ScoringRule.class.getAnnotation(JsonSubTypes.class).value()) {
            if (type.value() == item.rule().getClass()) {
                return type.name();
            }
        }
        return item.rule().getClass().getSimpleName();
    }

    static AimFlag aim(BigDecimal share) {
        if (share == null) {
            return null;
        }
        if (share.compareTo(AIM_SHARE.add(AIM_TOLERANCE)) > 0) {
            return AimFlag.FAR_ABOVE;
        }
        if (share.compareTo(AIM_SHARE.subtract(AIM_TOLERANCE)) < 0) {
            return AimFlag.FAR_BELOW;
        }
        return AimFlag.NEAR;
    }

    private static Effect effect(int count, int of, BigDecimal threshold) {
        BigDecimal share = Statistics.share(count, of);
        return new Effect(count, share, share != null && share.compareTo(threshold) >= 0);
    }

    /** Each agent's CSAT of the period, from the unit's aggregates (the caller's own reading). */
    private Map<String, BigDecimal> csatOf(String unitCode, EvaluationPeriod period) {
        AggregateReport report = metrics.aggregates(unitCode, List.of(CSAT), period.from(), period.to());
        Map<String, BigDecimal> csat = new HashMap<>();
        if (report.agents() != null) {
            for (AgentAggregates agent : report.agents()) {
                MetricAggregate value = agent.values() == null ? null : agent.values().get(CSAT);
                if (value != null && value.value() != null) {
                    csat.put(agent.employeeId(), value.value());
                }
            }
        }
        return csat;
    }
}

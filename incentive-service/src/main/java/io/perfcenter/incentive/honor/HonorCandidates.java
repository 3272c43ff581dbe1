package io.perfcenter.incentive.honor;

import io.perfcenter.incentive.statement.Explanation;

import io.perfcenter.incentive.client.MetricAggregates;
import io.perfcenter.incentive.client.MetricAggregates.AgentValues;
import io.perfcenter.incentive.client.MetricAggregates.Anomaly;
import io.perfcenter.incentive.client.MetricAggregates.MetricValue;
import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.statement.FiguresByMeasure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The candidates of an honor run and the figures they are judged on, by scoring's fairness rules: a metric the
 * scorecard left out as insufficient data is not used (nor taken from metrics-service instead), a figure
 * metrics-service flags as an anomaly is not used, and each figure keeps the number of samples it rests on so that
 * an award's minimum can be applied. Figures not used count as absent, with the reason.
 */
final class HonorCandidates {

    private HonorCandidates() {
    }

    /** A month: one candidate per published scorecard. */
    static List<HonorJudge.Candidate> ofMonth(List<Scorecard> cards, Set<String> codes, MetricAggregates metrics) {
        Map<String, AgentValues> rows = metrics.rows();
        List<HonorJudge.Candidate> candidates = new ArrayList<>(cards.size());
        for (Scorecard card : cards) {
            AgentValues row = rows.get(card.employeeId());
            Map<String, BigDecimal> values = new HashMap<>();
            Map<String, Long> samples = new HashMap<>();
            Map<String, Explanation> unusable = new HashMap<>();
            for (String code : codes) {
                Scorecard.Item item = card.item(code);
                if (item != null && item.insufficientData()) {
                    unusable.put(code, new Explanation(code + " left out of the scorecard as insufficient data"
                            + (item.samples() == null ? "" : " (" + item.samples() + " samples)"),
                            code + " 因数据不足未计入记分卡" + (item.samples() == null ? "" : "（" + item.samples()
                                    + " 个样本）")));
                } else if (item != null && item.value() != null) {
                    values.put(code, item.value());
                    if (item.samples() != null) {
                        samples.put(code, item.samples());
                    }
                } else {
                    take(row, code, values, samples);
                }
            }
            flagAnomalies(row, codes, unusable);
            FiguresByMeasure figures = new FiguresByMeasure(card, values);
            candidates.add(new HonorJudge.Candidate(card.employeeId(), figures::value,
                    List.of(card.grade() == null ? "" : card.grade()), samples, unusable));
        }
        return candidates;
    }

    /** A quarter: the mean total of the months' scorecards as score, every month's grade, metrics over the quarter. */
    static List<HonorJudge.Candidate> ofQuarter(Map<String, List<Scorecard>> byEmployee, Set<String> codes,
                                                MetricAggregates quarter) {
        Map<String, AgentValues> rows = quarter.rows();
        List<HonorJudge.Candidate> candidates = new ArrayList<>();
        byEmployee.forEach((employee, cards) -> {
            BigDecimal mean = HonorRunService.meanTotal(cards);
            AgentValues row = rows.get(employee);
            Map<String, BigDecimal> values = new HashMap<>();
            Map<String, Long> samples = new HashMap<>();
            Map<String, Explanation> unusable = new HashMap<>();
            for (String code : codes) {
                take(row, code, values, samples);
            }
            flagAnomalies(row, codes, unusable);
            Function<String, BigDecimal> figures = measure -> switch (measure) {
                case FiguresByMeasure.SCORE -> mean;
                case FiguresByMeasure.RANK -> null;
                default -> values.get(measure);
            };
            candidates.add(new HonorJudge.Candidate(employee, figures,
                    cards.stream().map(c -> c.grade() == null ? "" : c.grade()).toList(), samples, unusable));
        });
        return candidates;
    }

    private static void take(AgentValues row, String code, Map<String, BigDecimal> values, Map<String, Long> samples) {
        MetricValue v = row == null || row.values() == null ? null : row.values().get(code);
        if (v != null && v.value() != null) {
            values.put(code, v.value());
            if (v.samples() != null) {
                samples.put(code, v.samples());
            }
        }
    }

    private static void flagAnomalies(AgentValues row, Set<String> codes, Map<String, Explanation> unusable) {
        if (row == null || row.anomalies() == null) {
            return;
        }
        for (Anomaly a : row.anomalies()) {
            if (a != null && a.metric() != null && codes.contains(a.metric()) && !unusable.containsKey(a.metric())) {
                // metrics-service's reason is in English: quoted as it is in both texts
                unusable.put(a.metric(), new Explanation(a.metric() + " flagged as an anomaly by metrics-service"
                        + (a.reason() == null ? "" : " (" + a.reason() + ")"), a.metric()
                        + " 被 metrics-service 标记为异常" + (a.reason() == null ? "" : "（" + a.reason() + "）")));
            }
        }
    }
}

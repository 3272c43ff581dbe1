package io.perfcenter.incentive.honor;

import io.perfcenter.incentive.definition.Versions;
import io.perfcenter.incentive.client.MetricAggregates;
import io.perfcenter.incentive.client.MetricsClient;
import io.perfcenter.incentive.client.ReadAs;
import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.client.ScoringClient;
import io.perfcenter.incentive.honor.AwardPayloads.AwardInput;
import io.perfcenter.incentive.honor.AwardPayloads.AwardResult;
import io.perfcenter.incentive.honor.AwardPayloads.Cadence;
import io.perfcenter.incentive.honor.AwardPayloads.HonorRunInput;
import io.perfcenter.incentive.honor.AwardPayloads.HonorRunReport;
import io.perfcenter.incentive.honor.AwardPayloads.Ranking;
import io.perfcenter.incentive.honor.AwardPayloads.WinnerView;
import io.perfcenter.incentive.statement.FiguresByMeasure;
import io.perfcenter.incentive.statement.Numbers;
import io.perfcenter.incentive.period.Period;
import io.perfcenter.incentive.web.Problems;
import io.perfcenter.incentive.events.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Honor runs: judges awards for a unit and a month (on its published scorecards) or a quarter (on the quarter's
 * three monthly scorecards: mean total, every month's grade, metrics over the whole quarter). Remote data is fetched
 * first, then each award's winners are stored in one transaction. An identical judgement is answered as it was.
 */
@ApplicationScoped
public class HonorRunService {

    /** The center's clock (zone perfcenter.time-zone); tests may replace it. */
    @jakarta.inject.Inject
    java.time.Clock clock;

    private final ScoringClient scoring;
    private final MetricsClient metrics;
    private final EntityManager em;
    private final Outbox outbox;

    HonorRunService(ScoringClient scoring, MetricsClient metrics, EntityManager em, Outbox outbox) {
        this.outbox = outbox;
        this.scoring = scoring;
        this.metrics = metrics;
        this.em = em;
    }

    public HonorRunReport run(HonorRunInput input, String createdBy) {
        if (input == null) {
            throw Problems.invalid("body", "is required");
        }
        Period period = Period.parse("period", input.period());
        if (input.unitCode() == null || input.unitCode().isBlank()) {
            throw Problems.invalid("unitCode", "is required");
        }
        Cadence cadence = period.isQuarter() ? Cadence.QUARTERLY : Cadence.MONTHLY;
        List<HonorAward> awards = awards(input.awardCodes(), cadence);
        List<HonorJudge.Candidate> candidates = candidates(awards, period, input.unitCode());
        return QuarkusTransaction.requiringNew().call(() -> {
            List<AwardResult> results = new ArrayList<>();
            for (HonorAward award : awards) {
                results.add(store(award, period.code(), input.unitCode(),
                        HonorJudge.judge(award.definition(), candidates), createdBy));
            }
            return new HonorRunReport(period.code(), input.unitCode(), results);
        });
    }

    private static List<HonorAward> awards(List<String> codes, Cadence cadence) {
        if (codes == null || codes.isEmpty()) {
            List<HonorAward> all = HonorAward.latestVersions(false).stream()
                    .filter(a -> a.definition().cadence() == cadence).toList();
            if (all.isEmpty()) {
                throw Problems.invalid("awardCodes", "no " + cadence + " award is defined; define one first");
            }
            return all;
        }
        List<HonorAward> awards = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String field = "awardCodes[" + i + "]";
            String code = codes.get(i);
            HonorAward award = code == null ? null : HonorAward.latest(code).orElse(null);
            if (award == null) {
                throw Problems.invalid(field, "no award " + code + " exists");
            }
            if (award.retiredAt != null) {
                throw Versions.retired("Award", code, award.retiredAt, award.retiredBy);
            }
            if (award.definition().cadence() != cadence) {
                throw Problems.invalid(field, code + " is a " + award.definition().cadence() + " award; give a "
                        + (award.definition().cadence() == Cadence.QUARTERLY ? "quarter such as 2026-Q3"
                        : "month such as 2026-10") + " as period");
            }
            if (seen.add(code)) {
                awards.add(award);
            }
        }
        return awards;
    }

    /** The measures the awards read, for the metric codes to ask metrics-service for. */
    private static Set<String> measures(List<HonorAward> awards) {
        Set<String> measures = new LinkedHashSet<>();
        for (HonorAward award : awards) {
            AwardInput d = award.definition();
            measures.add(d.rankBy().measure());
            if (d.tieBreakers() != null) {
                d.tieBreakers().stream().map(Ranking::measure).forEach(measures::add);
            }
            if (d.eligibility() != null) {
                d.eligibility().forEach(c -> measures.add(c.measure()));
            }
        }
        return measures;
    }

    /** Metric codes the awards rank by (rankBy and tie-breakers): metrics-service is asked to flag their anomalies. */
    private static Set<String> rankingCodes(List<HonorAward> awards) {
        Set<String> measures = new LinkedHashSet<>();
        for (HonorAward award : awards) {
            measures.add(award.definition().rankBy().measure());
            if (award.definition().tieBreakers() != null) {
                award.definition().tieBreakers().stream().map(Ranking::measure).forEach(measures::add);
            }
        }
        return FiguresByMeasure.metricCodes(measures);
    }

    private List<HonorJudge.Candidate> candidates(List<HonorAward> awards, Period period, String unitCode) {
        Set<String> codes = FiguresByMeasure.metricCodes(measures(awards));
        if (!period.isQuarter()) {
            List<Scorecard> cards = published(period.code(), unitCode);
            // the figures some scorecard lacks, and every ranking figure so that anomalies are flagged
            Set<String> needed = new TreeSet<>(rankingCodes(awards));
            for (String code : codes) {
                if (cards.stream().anyMatch(c -> c.metricValue(code) == null)) {
                    needed.add(code);
                }
            }
            MetricAggregates found = needed.isEmpty() ? null
                    : metrics.ofUnitWithAnomalies(ReadAs.SERVICE, unitCode, List.copyOf(needed), period.from(), period.to());
            return HonorCandidates.ofMonth(cards, codes, found == null ? MetricAggregates.none() : found);
        }
        // a quarter: the months' scorecards by employee, in month order
        Map<String, List<Scorecard>> byEmployee = new LinkedHashMap<>();
        for (YearMonth month : period.months()) {
            for (Scorecard card : scoring.publishedScorecards(ReadAs.SERVICE, month.toString(), unitCode)) {
                if (card != null && card.employeeId() != null && !card.employeeId().isBlank()) {
                    byEmployee.computeIfAbsent(card.employeeId(), e -> new ArrayList<>()).add(card);
                }
            }
        }
        if (byEmployee.isEmpty()) {
            throw Problems.scoresNotPublished("scoring-service has no published scorecards of unit " + unitCode
                    + " in " + period.code() + " (" + period.months() + ")");
        }
        MetricAggregates quarter = codes.isEmpty() ? null
                : metrics.ofUnitWithAnomalies(ReadAs.SERVICE, unitCode, List.copyOf(codes), period.from(), period.to());
        return HonorCandidates.ofQuarter(byEmployee, codes, quarter == null ? MetricAggregates.none() : quarter);
    }

    /** Mean of the months' totals, 4 decimals HALF_UP; null when no month has a total. */
    static BigDecimal meanTotal(List<Scorecard> cards) {
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (Scorecard c : cards) {
            if (c.total() != null) {
                sum = sum.add(c.total());
                n++;
            }
        }
        return n == 0 ? null : Numbers.plainValue(sum.divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP));
    }

    private List<Scorecard> published(String period, String unitCode) {
        List<Scorecard> cards = scoring.publishedScorecards(ReadAs.SERVICE, period, unitCode).stream()
                .filter(c -> c != null && c.employeeId() != null && !c.employeeId().isBlank()
                        && (c.period() == null || period.equals(c.period())))
                .toList();
        if (cards.isEmpty()) {
            throw Problems.scoresNotPublished("scoring-service has no published scorecards of unit " + unitCode
                    + " for " + period + ": scoring must publish them before honors are judged");
        }
        Set<String> seen = new HashSet<>();
        for (Scorecard c : cards) {
            if (!seen.add(c.employeeId())) {
                throw Problems.conflict("scoring-service lists two published scorecards of " + c.employeeId()
                        + " for " + period + "; honors need exactly one");
            }
        }
        return cards;
    }

    /** The data of {@code honor.awarded}: one event per winner of a new (or changed) honor run. */
    public record HonorAwarded(long honorRunId, String awardCode, int awardVersion, String awardName, String period,
                               String unitCode, String employeeId, int place, java.math.BigDecimal value) {
    }

    private AwardResult store(HonorAward award, String period, String unitCode, HonorJudge.Judgement judgement,
                              String createdBy) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext('honor_run:' || ?1))")
                .setParameter(1, award.code + '|' + period + '|' + unitCode).getSingleResult();
        HonorRun live = HonorRun.live(award.code, period, unitCode).orElse(null);
        List<WinnerView> winners = judgement.winners().stream()
                .map(w -> new WinnerView(w.employeeId(), w.place(), w.value(), w.why().en(), w.why().zh())).toList();
        List<HonorWinner> stored = live == null ? List.of() : HonorWinner.ofRun(live.id);
        if (live != null && live.awardVersion == award.version && same(stored, winners)) {
            // a judgement stored before V8 gains its Chinese reasons, the English ones being the same
            Map<String, WinnerView> byEmployee = new HashMap<>();
            winners.forEach(w -> byEmployee.put(w.employeeId(), w));
            stored.stream().filter(s -> s.reasonZh == null).forEach(s -> s.reasonZh = byEmployee.get(s.employeeId).reasonZh());
            return new AwardResult(live.id, award.code, award.version, award.name, live.candidateCount,
                    live.eligibleCount, false, winners, leftOut(judgement));
        }
        if (live != null) {
            live.status = HonorRun.SUPERSEDED;
            em.flush();
        }
        HonorRun run = new HonorRun();
        run.awardId = award.id;
        run.awardCode = award.code;
        run.awardVersion = award.version;
        run.awardName = award.name;
        run.period = period;
        run.unitCode = unitCode;
        run.status = HonorRun.LIVE;
        run.candidateCount = judgement.candidates();
        run.eligibleCount = judgement.eligible();
        run.createdAt = OffsetDateTime.now(clock);
        run.createdBy = createdBy;
        run.persist();
        List<Outbox.Emission> events = new java.util.ArrayList<>();
        for (HonorJudge.Winner w : judgement.winners()) {
            HonorWinner winner = new HonorWinner();
            winner.honorRunId = run.id;
            winner.employeeId = w.employeeId();
            winner.place = w.place();
            winner.value = w.value();
            winner.reason = w.why().en();
            winner.reasonZh = w.why().zh();
            winner.persist();
            events.add(new Outbox.Emission("honor.awarded", w.employeeId(), new HonorAwarded(run.id, award.code,
                    award.version, award.name, period, unitCode, w.employeeId(), w.place(), w.value())));
        }
        outbox.emitAll(events);
        return new AwardResult(run.id, award.code, award.version, award.name, judgement.candidates(),
                judgement.eligible(), true, winners, leftOut(judgement));
    }

    private static List<AwardPayloads.LeftOutView> leftOut(HonorJudge.Judgement judgement) {
        return judgement.leftOut().stream().map(l -> new AwardPayloads.LeftOutView(l.employeeId(), l.why().en(),
                l.why().zh())).toList();
    }

    private static boolean same(List<HonorWinner> stored, List<WinnerView> now) {
        if (stored.size() != now.size()) {
            return false;
        }
        Map<String, WinnerView> byEmployee = new HashMap<>();
        now.forEach(w -> byEmployee.put(w.employeeId(), w));
        for (HonorWinner s : stored) {
            WinnerView w = byEmployee.get(s.employeeId);
            if (w == null || w.place() != s.place || w.value().compareTo(s.value) != 0 || !w.reason().equals(s.reason)) {
                return false;
            }
        }
        return true;
    }
}

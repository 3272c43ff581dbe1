package io.perfcenter.incentive.promotion;

import io.perfcenter.incentive.client.MetricAggregates;
import io.perfcenter.incentive.client.MetricsClient;
import io.perfcenter.incentive.client.ReadAs;
import io.perfcenter.incentive.client.OrgPerson;
import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.client.ScoringClient;
import io.perfcenter.incentive.promotion.LadderPayloads.CheckInput;
import io.perfcenter.incentive.promotion.LadderPayloads.CheckReport;
import io.perfcenter.incentive.promotion.LadderPayloads.Eligibility;
import io.perfcenter.incentive.security.Caller;
import io.perfcenter.incentive.period.Period;
import io.perfcenter.incentive.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Promotion eligibility: for one agent (their published scorecards of every month and their metrics, asked with
 * the caller's token) or for every agent of a unit with a scorecard in the month (the unit's scorecards of the
 * months the rules look back on, and its metrics per look-back window). metrics-service's org directory gives position
 * and hire date.
 */
@ApplicationScoped
public class PromotionService {


    private final ScoringClient scoring;
    private final MetricsClient metrics;
    private final Caller caller;

    PromotionService(ScoringClient scoring, MetricsClient metrics, Caller caller) {
        this.scoring = scoring;
        this.metrics = metrics;
        this.caller = caller;
    }

    public Eligibility eligibility(String employeeId, String ladderCode, String asOfText) {
        CareerLadder ladder = ladder(ladderCode);
        YearMonth asOf = Period.parseMonth("asOf", asOfText);
        boolean self = caller.employeeId().filter(employeeId::equals).isPresent();
        if (!self && !caller.seesEverything() && !caller.leadsUnits()) {
            throw Problems.outOfScope("The promotion eligibility of " + employeeId + " is outside your scope");
        }
        // hr and admin read as the service; anyone else with their own token, so that scoring and metrics apply
        // their scope (a supervisor sees what they could read themselves, never more)
        ReadAs as = ReadAs.scopedTo(caller);
        Map<YearMonth, Scorecard> cards = new TreeMap<>();
        for (Scorecard c : scoring.publishedScorecardsOf(as, employeeId)) {
            if (c != null && employeeId.equals(c.employeeId()) && Period.isMonth(c.period())) {
                cards.put(YearMonth.parse(c.period()), c);
            }
        }
        if (!self && !caller.seesEverything()) {
            String unit = cards.entrySet().stream().filter(e -> !e.getKey().isAfter(asOf))
                    .reduce((a, b) -> b).map(e -> e.getValue().unitCode()).orElse(null);
            if (unit == null || !metrics.myUnits().contains(unit)) {
                throw Problems.outOfScope("The promotion eligibility of " + employeeId + " is outside your scope");
            }
        }
        Map<Integer, Map<String, BigDecimal>> byWindow = new HashMap<>();
        LadderEvaluation.metricWindows(ladder.definition()).forEach((months, codes) -> {
            MetricAggregates found = metrics.ofAgent(as, employeeId, codes, asOf.minusMonths(months - 1).atDay(1),
                    asOf.atEndOfMonth());
            byWindow.put(months, found == null ? Map.of() : found.byEmployee().getOrDefault(employeeId, Map.of()));
        });
        // person data (position, hire date) is the org directory's
        OrgPerson person = metrics.person(as, employeeId).orElse(null);
        return LadderEvaluation.evaluate(ladder, asOf, person == null ? null : person.position(),
                new AgentRecord(employeeId, person == null ? null : person.hireDate(), cards, byWindow));
    }

    public CheckReport check(CheckInput input) {
        if (input == null) {
            throw Problems.invalid("body", "is required");
        }
        CareerLadder ladder = ladder(input.ladderCode());
        if (input.unitCode() == null || input.unitCode().isBlank()) {
            throw Problems.invalid("unitCode", "is required");
        }
        YearMonth asOf = Period.parseMonth("asOf", input.asOf());
        if (!caller.seesEverything() && !metrics.myUnits().contains(input.unitCode())) {
            throw Problems.outOfScope("Unit " + input.unitCode() + " is outside your scope");
        }
        // the caller may check the unit (above): hr and admin read as the service, a manager with their own token
        ReadAs as = ReadAs.scopedTo(caller);
        // the month itself first: its agents are the ones checked, and without any nothing else is asked
        Map<String, Map<YearMonth, Scorecard>> cards = new HashMap<>();
        List<YearMonth> newestFirst = new ArrayList<>(Period.monthsEndingWith(asOf,
                LadderEvaluation.scorecardMonths(ladder.definition())));
        Collections.reverse(newestFirst);
        for (YearMonth month : newestFirst) {
            for (Scorecard c : scoring.publishedScorecards(as, month.toString(), input.unitCode())) {
                if (c != null && c.employeeId() != null && !c.employeeId().isBlank()
                        && (month.equals(asOf) || cards.containsKey(c.employeeId()))) {
                    cards.computeIfAbsent(c.employeeId(), e -> new HashMap<>()).put(month, c);
                }
            }
            if (cards.isEmpty()) {
                throw Problems.scoresNotPublished("scoring-service has no published scorecards of unit "
                        + input.unitCode() + " for " + asOf);
            }
        }
        List<String> agents = cards.keySet().stream().sorted().toList();
        Map<Integer, Map<String, Map<String, BigDecimal>>> byWindow = new HashMap<>();
        LadderEvaluation.metricWindows(ladder.definition()).forEach((months, codes) -> {
            MetricAggregates found = metrics.ofUnit(as, input.unitCode(), codes, asOf.minusMonths(months - 1).atDay(1),
                    asOf.atEndOfMonth());
            byWindow.put(months, found == null ? Map.of() : found.byEmployee());
        });
        // person data (position, hire date) from the org directory: the unit's members of the month in one paged
        // call, looked up here; only an agent scored in the unit but not listed as its member is asked for alone
        Map<String, OrgPerson> people = new HashMap<>(metrics.people(as, input.unitCode(), asOf.atDay(1),
                asOf.atEndOfMonth()));
        for (String employee : agents) {
            if (!people.containsKey(employee)) {
                metrics.person(as, employee).ifPresent(p -> people.put(employee, p));
            }
        }
        List<Eligibility> results = new ArrayList<>(agents.size());
        for (String employee : agents) {
            Map<Integer, Map<String, BigDecimal>> own = new HashMap<>();
            byWindow.forEach((months, values) -> own.put(months, values.getOrDefault(employee, Map.of())));
            OrgPerson p = people.get(employee);
            results.add(LadderEvaluation.evaluate(ladder, asOf, p == null ? null : p.position(),
                    new AgentRecord(employee, p == null ? null : p.hireDate(), cards.get(employee), own)));
        }
        results.sort(Comparator.comparing(Eligibility::employeeId));
        int eligible = (int) results.stream().filter(Eligibility::eligible).count();
        return new CheckReport(ladder.code, ladder.version, input.unitCode(), asOf.toString(), results.size(),
                eligible, results);
    }

    private static CareerLadder ladder(String code) {
        if (code == null || code.isBlank()) {
            throw Problems.invalid("ladderCode", "is required");
        }
        return CareerLadder.latest(code).orElseThrow(() -> Problems.invalid("ladderCode", "no ladder " + code
                + " exists"));
    }
}

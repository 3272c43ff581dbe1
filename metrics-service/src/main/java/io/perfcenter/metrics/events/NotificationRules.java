package io.perfcenter.metrics.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfcenter.metrics.org.OrgUnit;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is told of an event, and in what words. One rule per event type:
 * <ul>
 *     <li>{@code scoring.scorecard.published}: the agent whose scorecard it is;</li>
 *     <li>{@code scoring.appeal.filed}: the leaders of the agent's unit and of the units above it (the org directory
 *     says who; they follow their units' appeals, though they do not decide them) and the deciders named in
 *     {@code perfcenter.notifications.appeal-deciders} (the employee ids of appeals reviewers and hr: the identity
 *     provider holds roles, so metrics-service cannot find them itself);</li>
 *     <li>{@code scoring.appeal.escalated}: those deciders (an escalated appeal waits for hr);</li>
 *     <li>{@code scoring.appeal.decided}: the agent;</li>
 *     <li>{@code incentive.statement.approved} and {@code incentive.honor.awarded}: the agent;</li>
 *     <li>{@code incentive.points.awarded} and {@code incentive.badge.awarded} (a contest closed): the agent;
 *     {@code incentive.contest.closed}: nobody (each winner hears of their own points, badge and honor);</li>
 *     <li>{@code metrics.anomaly.flagged}: the leaders of the agent's unit (when flagged) and of the units above
 *     it;</li>
 *     <li>{@code scoring.improvement-plan.met}: the agent; {@code scoring.improvement-plan.missed} (due, goals not
 *     held): the agent and the leaders of the plan's unit and the units above it, who record the consequence;</li>
 *     <li>{@code scoring.improvement-plan.due} (a few days before the due date, once): the agent and the same
 *     leaders, who coach the plan.</li>
 * </ul>
 * Nobody is told of their own action (an agent filing an appeal is not in the list of its leaders anyway).
 */
@ApplicationScoped
public class NotificationRules {

    /** A line for one person's feed. */
    public record Note(String recipient, String title) {
    }

    private final List<String> deciders;

    NotificationRules(@ConfigProperty(name = "perfcenter.notifications.appeal-deciders")
                      Optional<List<String>> deciders) {
        this.deciders = deciders.orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public List<Note> notesFor(String type, JsonNode data) {
        String agent = text(data, "employeeId");
        return switch (type) {
            case "io.perfcenter.scoring.scorecard.published" -> agent == null ? List.of() : List.of(new Note(agent,
                    "Your scorecard for " + text(data, "period") + " (" + text(data, "templateCode")
                            + ") is published: total " + amount(data, "total") + ", grade " + text(data, "grade")));
            case "io.perfcenter.scoring.appeal.filed" -> toEach(appealDeciders(agent, text(data, "unitCode"), true),
                    "Appeal " + text(data, "appealId") + " of " + agent + " on " + text(data, "itemCode")
                            + " awaits a decision");
            case "io.perfcenter.scoring.appeal.escalated" -> toEach(appealDeciders(agent, null, false),
                    "Appeal " + text(data, "appealId") + " of " + agent + " on " + text(data, "itemCode")
                            + " was escalated and awaits a decision");
            case "io.perfcenter.scoring.appeal.decided" -> agent == null ? List.of() : List.of(new Note(agent,
                    "Your appeal " + text(data, "appealId") + " on " + text(data, "itemCode") + " was "
                            + text(data, "status")
                            + (data.hasNonNull("totalAfter") ? ": total " + amount(data, "totalBefore") + " → "
                            + amount(data, "totalAfter") : "")));
            case "io.perfcenter.incentive.statement.approved" -> agent == null ? List.of() : List.of(new Note(agent,
                    "Your " + text(data, "planCode") + " statement for " + text(data, "period") + " is approved"
                            + (data.hasNonNull("total") ? ": " + amount(data, "total") + " " + text(data, "currency")
                            : "")));
            case "io.perfcenter.incentive.honor.awarded" -> agent == null ? List.of() : List.of(new Note(agent,
                    "You won " + text(data, "awardName") + " for " + text(data, "period") + " (place "
                            + text(data, "place") + ")"));
            case "io.perfcenter.scoring.improvement-plan.met" -> agent == null ? List.of() : List.of(new Note(agent,
                    "Your improvement plan " + text(data, "planId") + " is met"));
            case "io.perfcenter.scoring.improvement-plan.due" -> {
                List<Note> notes = new ArrayList<>();
                if (agent != null) {
                    notes.add(new Note(agent, "Your improvement plan " + text(data, "planId") + " is due on "
                            + text(data, "dueDate")));
                }
                notes.addAll(toEach(unitLeaders(agent, text(data, "unitCode")), "Improvement plan "
                        + text(data, "planId") + " of " + agent + " is due on " + text(data, "dueDate")));
                yield notes;
            }
            case "io.perfcenter.scoring.improvement-plan.missed" -> {
                List<Note> notes = new ArrayList<>();
                if (agent != null) {
                    notes.add(new Note(agent, "Your improvement plan " + text(data, "planId") + " was due on "
                            + text(data, "dueDate") + " and its goals did not hold; your coach records what follows"));
                }
                notes.addAll(toEach(unitLeaders(agent, text(data, "unitCode")), "Improvement plan "
                        + text(data, "planId") + " of " + agent + " was due on " + text(data, "dueDate")
                        + " and missed: record its consequence"));
                yield notes;
            }
            case "io.perfcenter.incentive.points.awarded" -> agent == null ? List.of() : List.of(new Note(agent,
                    "You earned " + text(data, "points") + " points in " + text(data, "contestName") + " ("
                            + text(data, "contestCode") + ")"));
            case "io.perfcenter.incentive.badge.awarded" -> agent == null ? List.of() : List.of(new Note(agent,
                    "You earned the badge " + text(data, "badgeName") + " in " + text(data, "contestName") + " ("
                            + text(data, "contestCode") + ")"));
            case "io.perfcenter.metrics.anomaly.flagged" -> toEach(unitLeaders(agent, text(data, "unitCode")),
                    "Anomaly flagged for " + agent + " in " + text(data, "period") + ": " + text(data, "reason"));
            default -> List.of();
        };
    }

    private Set<String> appealDeciders(String agent, String unitCode, boolean withLeaders) {
        Set<String> people = withLeaders ? unitLeaders(agent, unitCode) : new LinkedHashSet<>();
        people.addAll(deciders);
        if (agent != null) {
            people.remove(agent);
        }
        return people;
    }

    /** The leaders of the unit and of every unit above it, the agent left out. */
    private static Set<String> unitLeaders(String agent, String unitCode) {
        Set<String> people = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        OrgUnit unit = unitCode == null ? null : OrgUnit.findById(unitCode);
        while (unit != null && seen.add(unit.code)) {
            if (unit.leaderEmployeeId != null) {
                people.add(unit.leaderEmployeeId);
            }
            unit = unit.parentCode == null ? null : OrgUnit.findById(unit.parentCode);
        }
        if (agent != null) {
            people.remove(agent);
        }
        return people;
    }

    private static List<Note> toEach(Set<String> people, String title) {
        List<Note> notes = new ArrayList<>();
        people.forEach(p -> notes.add(new Note(p, title)));
        return notes;
    }

    /**
     * A total or an amount as people read it: two decimals, rounded half-up (scores and money are kept to two), however
     * the JSON number arrived (2400.00 may come as 2400.0).
     */
    private static String amount(JsonNode data, String field) {
        String value = text(data, field);
        try {
            return value == null ? null : new java.math.BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_UP)
                    .toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

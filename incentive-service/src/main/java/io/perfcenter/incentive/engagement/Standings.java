package io.perfcenter.incentive.engagement;

import io.perfcenter.incentive.engagement.EngagementPayloads.Direction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranked figures of a leaderboard or a contest: those with a figure resting on enough samples are ranked by
 * <b>competition ranking</b> ("1, 2, 2, 4": equal figures share a place and the next place skips as many as shared
 * it); the others are listed apart, unranked, each with the reason. Pure: no database, no remote call.
 */
public record Standings(List<Row> ranked, List<Row> unranked) {

    /**
     * A participant (an agent, or a unit in a team contest): the figure, the samples it rests on (null: not reported
     * or not applicable, as for a scorecard total), the rank (null when unranked) and, when unranked, why, in English
     * and in Chinese ({@code reasonZh} is null in standings frozen or closed before Flyway V9: read in English).
     */
    public record Row(String id, String name, BigDecimal value, Long samples, Integer rank, String reason,
                      String reasonZh) {
    }

    /** A participant's figure before ranking. */
    public record Figure(String id, String name, BigDecimal value, Long samples) {
    }

    /**
     * Ranks the figures: a figure with fewer samples than {@code minSamples} (or an unknown count when a minimum is
     * set) and a missing figure are listed apart; the others in order of the direction, ties by id (the order a
     * shared place lists them in), each with its competition rank.
     */
    public static Standings rank(List<Figure> figures, Direction direction, long minSamples, String measure) {
        List<Figure> rankable = new ArrayList<>();
        List<Row> unranked = new ArrayList<>();
        for (Figure f : figures) {
            if (f.value() == null) {
                unranked.add(new Row(f.id(), f.name(), null, f.samples(), null, "no " + measure + " in the period",
                        "本期没有 " + measure + " 数据"));
            } else if (minSamples > 0 && f.samples() == null) {
                unranked.add(new Row(f.id(), f.name(), f.value(), null, null, measure
                        + " without a sample count, and at least " + minSamples + " samples are required",
                        measure + " 没有样本数，而至少需要 " + minSamples + " 个样本"));
            } else if (minSamples > 0 && f.samples() < minSamples) {
                unranked.add(new Row(f.id(), f.name(), f.value(), f.samples(), null, measure + " from " + f.samples()
                        + (f.samples() == 1 ? " sample" : " samples") + ", fewer than the " + minSamples
                        + " required: insufficient data, not ranked", measure + " 仅有 " + f.samples()
                        + " 个样本，少于要求的 " + minSamples + " 个：数据不足，不参与排名"));
            } else {
                rankable.add(f);
            }
        }
        Comparator<Figure> byValue = Comparator.comparing(Figure::value);
        if (direction == Direction.HIGHER) {
            byValue = byValue.reversed();
        }
        rankable.sort(byValue.thenComparing(Figure::id));
        List<Row> ranked = new ArrayList<>(rankable.size());
        for (int i = 0; i < rankable.size(); i++) {
            Figure f = rankable.get(i);
            int rank = i > 0 && rankable.get(i - 1).value().compareTo(f.value()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Row(f.id(), f.name(), f.value(), f.samples(), rank, null, null));
        }
        unranked.sort(Comparator.comparing(Row::id));
        return new Standings(List.copyOf(ranked), List.copyOf(unranked));
    }

    /** The row of a participant, ranked or not; null when they are not on it. */
    public Row of(String id) {
        for (Row r : ranked) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        for (Row r : unranked) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }
}

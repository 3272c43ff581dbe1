package io.perfcenter.incentive.engagement;

import io.perfcenter.incentive.engagement.EngagementPayloads.BoardRow;
import io.perfcenter.incentive.engagement.EngagementPayloads.Direction;
import io.perfcenter.incentive.engagement.EngagementPayloads.Names;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Competition ranking, minimum samples and what each viewer sees, with figures worked out by hand. */
class StandingsTests {

    private static Standings.Figure f(String id, String value, Long samples) {
        return new Standings.Figure(id, "Name " + id, value == null ? null : new BigDecimal(value), samples);
    }

    /** csat: A 4.8 (40), B 4.6 (35), C 4.6 (31), D 4.1 (50), E 4.9 from 12 samples (too few), F no figure. */
    static Standings csat() {
        return Standings.rank(List.of(f("D", "4.1", 50L), f("C", "4.6", 31L), f("A", "4.8", 40L), f("E", "4.9", 12L),
                f("B", "4.6", 35L), f("F", null, null)), Direction.HIGHER, 30, "csat");
    }

    @Test
    void tiesShareAPlaceAndTheNextPlaceSkips() {
        Standings s = csat();
        assertEquals(List.of("A", "B", "C", "D"), s.ranked().stream().map(Standings.Row::id).toList());
        assertEquals(List.of(1, 2, 2, 4), s.ranked().stream().map(Standings.Row::rank).toList());
        assertEquals(List.of("E", "F"), s.unranked().stream().map(Standings.Row::id).toList());
        assertEquals("csat from 12 samples, fewer than the 30 required: insufficient data, not ranked",
                s.unranked().get(0).reason());
        assertEquals("no csat in the period", s.unranked().get(1).reason());
        // the same reasons in Chinese, with the same figures
        assertEquals("csat 仅有 12 个样本，少于要求的 30 个：数据不足，不参与排名", s.unranked().get(0).reasonZh());
        assertEquals("本期没有 csat 数据", s.unranked().get(1).reasonZh());
        assertNull(s.ranked().get(0).reasonZh());
        assertNull(s.unranked().get(0).rank());
    }

    @Test
    void lowerIsBetterRanksTheSmallestFirstAndUnknownSamplesCountOnlyWithAMinimum() {
        Standings aht = Standings.rank(List.of(f("A", "320", null), f("B", "300", null), f("C", "320", null)),
                Direction.LOWER, 0, "aht");
        assertEquals(List.of("B", "A", "C"), aht.ranked().stream().map(Standings.Row::id).toList());
        assertEquals(List.of(1, 2, 2), aht.ranked().stream().map(Standings.Row::rank).toList());
        Standings strict = Standings.rank(List.of(f("A", "320", null)), Direction.LOWER, 5, "aht");
        assertEquals("aht without a sample count, and at least 5 samples are required",
                strict.unranked().get(0).reason());
        assertEquals("aht 没有样本数，而至少需要 5 个样本", strict.unranked().get(0).reasonZh());
    }

    @Test
    void anAgentSeesTheTopNTheirOwnRowAndOthersAnonymised() {
        // top 1: A only; D (rank 4) sees A as "Agent #1" and themselves; of the unranked nothing
        BoardVisibility.Seen d = BoardVisibility.agent(csat(), "D", 1, Names.ANONYMISED, 3, "agents");
        assertEquals(List.of("Agent #1", "Name D"), d.rows().stream().map(BoardRow::label).toList());
        assertNull(d.rows().get(0).employeeId());
        assertNull(d.rows().get(0).name());
        assertEquals(Boolean.TRUE, d.rows().get(1).you());
        assertEquals(4, d.rows().get(1).rank());
        assertEquals(List.of(), d.unranked());
        assertNull(d.withheld());

        // top 2 takes every row sharing place 2: A, B, C, shown by name; E (too few samples) sees only themselves apart
        BoardVisibility.Seen e = BoardVisibility.agent(csat(), "E", 2, Names.SHOWN, 3, "agents");
        assertEquals(List.of("Name A", "Name B", "Name C"), e.rows().stream().map(BoardRow::label).toList());
        assertEquals(List.of("A", "B", "C"), e.rows().stream().map(BoardRow::employeeId).toList());
        assertEquals(List.of("E"), e.unranked().stream().map(BoardRow::employeeId).toList());

        // anonymised labels are positions on the board: C (rank 2, third row) is "Agent #3" to A
        BoardVisibility.Seen a = BoardVisibility.agent(csat(), "A", 2, Names.ANONYMISED, 3, "agents");
        assertEquals(List.of("Name A", "Agent #2", "Agent #3"), a.rows().stream().map(BoardRow::label).toList());
        assertEquals(List.of(1, 2, 2), a.rows().stream().map(BoardRow::rank).toList());
    }

    @Test
    void inAGroupBelowThePrivacyMinimumAnAgentSeesOnlyTheirOwnRow() {
        Standings two = Standings.rank(List.of(f("A", "4.8", 40L), f("B", "4.6", 35L)), Direction.HIGHER, 0, "csat");
        BoardVisibility.Seen b = BoardVisibility.agent(two, "B", 10, Names.SHOWN, 3, "agents");
        assertEquals(List.of("B"), b.rows().stream().map(BoardRow::employeeId).toList());
        assertEquals("2 agents are ranked, fewer than 3 (perfcenter.privacy.min-group-size): only your own row is "
                + "shown", b.withheld());
        assertEquals("仅 2 名坐席参与排名，少于 3 名（perfcenter.privacy.min-group-size）：只显示你自己的一行",
                b.withheldZh());
        // shown in the language asked: the row listed apart too, English where no Chinese text was kept
        BoardVisibility.Seen e = BoardVisibility.agent(csat(), "E", 2, Names.SHOWN, 3, "agents");
        assertEquals("csat 仅有 12 个样本，少于要求的 30 个：数据不足，不参与排名",
                e.unranked().get(0).in(io.perfcenter.incentive.web.Language.ZH).reason());
        assertEquals("csat from 12 samples, fewer than the 30 required: insufficient data, not ranked",
                e.unranked().get(0).in(io.perfcenter.incentive.web.Language.EN).reason());
        BoardRow old = new BoardRow(null, "E", "E", "E", null, 12L, true, "an old reason", null);
        assertEquals("an old reason", old.in(io.perfcenter.incentive.web.Language.ZH).reason());
    }

    @Test
    void theFullViewHasEveryRowWithNames() {
        BoardVisibility.Seen full = BoardVisibility.full(csat());
        assertEquals(List.of("A", "B", "C", "D"), full.rows().stream().map(BoardRow::employeeId).toList());
        assertEquals(List.of("E", "F"), full.unranked().stream().map(BoardRow::employeeId).toList());
    }
}

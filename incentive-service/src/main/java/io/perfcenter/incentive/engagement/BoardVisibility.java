package io.perfcenter.incentive.engagement;

import io.perfcenter.incentive.engagement.EngagementPayloads.BoardRow;
import io.perfcenter.incentive.engagement.EngagementPayloads.Names;

import java.util.ArrayList;
import java.util.List;

/**
 * What a caller sees of standings. FULL (hr, admin, the leaders of the unit): every row with names. An agent (TOP_N):
 * the places up to the policy's N (every row sharing place N too) and their own row wherever it is; the others named
 * or anonymised as the policy says ("Agent #3": the row's position on the board, never the employee id); of the rows
 * listed apart only their own. Small groups: when fewer agents are ranked than
 * {@code perfcenter.privacy.min-group-size}, an agent sees only their own row, as each other figure would be a
 * colleague's one can tell apart. Pure.
 */
public final class BoardVisibility {

    /** The rows of one view, and why some are left out (null when none are), in English and in Chinese. */
    public record Seen(List<BoardRow> rows, List<BoardRow> unranked, String withheld, String withheldZh) {
    }

    private BoardVisibility() {
    }

    public static Seen full(Standings standings) {
        return new Seen(standings.ranked().stream().map(r -> row(r, r.name(), r.id(), r.name(), null)).toList(),
                standings.unranked().stream().map(r -> row(r, r.name(), r.id(), r.name(), null)).toList(), null,
                null);
    }

    /** An agent's view: {@code self} is their employee id; {@code people} names a participant kind in the text. */
    public static Seen agent(Standings standings, String self, int topN, Names names, int minGroupSize,
                             String people) {
        List<BoardRow> rows = new ArrayList<>();
        String withheld = null;
        String withheldZh = null;
        if (standings.ranked().size() < minGroupSize) {
            withheld = standings.ranked().size() + " " + people + (standings.ranked().size() == 1 ? " is" : " are")
                    + " ranked, fewer than " + minGroupSize + " (perfcenter.privacy.min-group-size): only your own "
                    + "row is shown";
            withheldZh = "仅 " + standings.ranked().size() + " 名" + ("agents".equals(people) ? "坐席" : people)
                    + "参与排名，少于 " + minGroupSize + " 名（perfcenter.privacy.min-group-size）：只显示你自己的一行";
        }
        for (int i = 0; i < standings.ranked().size(); i++) {
            Standings.Row r = standings.ranked().get(i);
            boolean you = r.id().equals(self);
            if (you) {
                rows.add(row(r, r.name() == null ? r.id() : r.name(), r.id(), r.name(), true));
            } else if (withheld == null && r.rank() <= topN) {
                rows.add(names == Names.SHOWN ? row(r, r.name() == null ? r.id() : r.name(), r.id(), r.name(), null)
                        : row(r, "Agent #" + (i + 1), null, null, null));
            }
        }
        List<BoardRow> unranked = standings.unranked().stream().filter(r -> r.id().equals(self))
                .map(r -> row(r, r.name() == null ? r.id() : r.name(), r.id(), r.name(), true)).toList();
        return new Seen(rows, unranked, withheld, withheldZh);
    }

    private static BoardRow row(Standings.Row r, String label, String id, String name, Boolean you) {
        return new BoardRow(r.rank(), label, id, name, r.value(), r.samples(), you, r.reason(), r.reasonZh());
    }
}

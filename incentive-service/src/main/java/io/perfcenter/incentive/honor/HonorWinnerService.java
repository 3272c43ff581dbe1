package io.perfcenter.incentive.honor;

import io.perfcenter.incentive.honor.AwardPayloads.HonorView;
import io.perfcenter.incentive.statement.Explanation;
import io.perfcenter.incentive.statement.Numbers;
import io.perfcenter.incentive.statement.UnitOutcome.HonorWin;
import io.perfcenter.incentive.period.Period;
import io.perfcenter.incentive.store.QueryFilters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The honors won, as the live honor runs decided them: for payouts, and as the honors history. */
@ApplicationScoped
public class HonorWinnerService {

    private static final String WINS = """
            SELECT r.awardCode, r.awardName, r.awardVersion, r.period, r.unitCode, w.employeeId, w.place, w.value,
                   w.reason, r.id, r.createdAt, r.contestCode, w.reasonZh, r.awardId
              FROM HonorWinner w, HonorRun r
             WHERE w.honorRunId = r.id AND r.status = 'LIVE'""";

    private final EntityManager em;

    HonorWinnerService(EntityManager em) {
        this.em = em;
    }

    /**
     * The awards won by each agent of a unit that a payout of the month pays: the month's awards, and in the last
     * month of a quarter also the quarter's.
     */
    public Map<String, List<HonorWin>> winsPaidIn(YearMonth month, String unitCode) {
        List<String> periods = new ArrayList<>(List.of(month.toString()));
        if (month.getMonthValue() % 3 == 0) {
            periods.add(Period.quarterOf(month));
        }
        Map<String, List<HonorWin>> wins = new HashMap<>();
        Map<Long, String> namesZh = new HashMap<>();
        for (Won won : query(new QueryFilters().and("r.unitCode = :unit", "unit", unitCode)
                .and("r.period IN :periods", "periods", periods), " ORDER BY r.period, r.awardCode, w.place")) {
            HonorView h = won.view();
            // the award's Chinese label, from the version the honor run judged
            String nameZh = won.awardId() == null ? null : namesZh.computeIfAbsent(won.awardId(), id -> {
                HonorAward award = HonorAward.findById(id);
                return award == null ? "" : award.definition().nameZh() == null ? "" : award.definition().nameZh();
            });
            wins.computeIfAbsent(h.employeeId(), e -> new ArrayList<>()).add(new HonorWin(h.awardCode(),
                    h.awardName(), nameZh == null || nameZh.isEmpty() ? null : nameZh, h.period(), h.place(),
                    new Explanation(h.reason(), h.reasonZh()), h.honorRunId()));
        }
        return wins;
    }

    /** The honors history, newest period first, filtered by any of employee, award, period and unit. */
    public List<HonorView> history(String employeeId, String awardCode, String period, String unitCode) {
        return queryViews(new QueryFilters().and("w.employeeId = :employee", "employee", employeeId)
                .and("r.awardCode = :award", "award", awardCode).and("r.period = :period", "period", period)
                .and("r.unitCode = :unit", "unit", unitCode),
                " ORDER BY r.period DESC, r.awardCode, r.unitCode, w.place, w.employeeId");
    }

    /** An honor won, and the award version its run judged. */
    private record Won(HonorView view, Long awardId) {
    }

    private List<HonorView> queryViews(QueryFilters filters, String orderBy) {
        return query(filters, orderBy).stream().map(Won::view).toList();
    }

    private List<Won> query(QueryFilters filters, String orderBy) {
        return filters.bind(em.createQuery(WINS + filters.conditions() + orderBy, Object[].class))
                .getResultList().stream().map(row -> new Won(new HonorView((String) row[0], (String) row[1],
                (Integer) row[2], (String) row[3], (String) row[4], (String) row[5], (Integer) row[6],
                Numbers.plainValue((BigDecimal) row[7]), (String) row[8], (Long) row[9], (OffsetDateTime) row[10],
                (String) row[11], (String) row[12]), (Long) row[13]))
                .toList();
    }
}

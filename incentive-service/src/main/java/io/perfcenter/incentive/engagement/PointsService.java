package io.perfcenter.incentive.engagement;

import io.perfcenter.incentive.engagement.EngagementPayloads.BalanceView;
import io.perfcenter.incentive.engagement.EngagementPayloads.EarnedBadgeView;
import io.perfcenter.incentive.engagement.EngagementPayloads.LedgerEntryView;
import io.perfcenter.incentive.statement.UnitOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The points ledger and the badges earned, as an agent (or whoever may see them) reads them, and the points a payout
 * run converts. Points are not money: only a plan with a pointsConversion section turns them into a paid line.
 */
@ApplicationScoped
public class PointsService {

    private final EngagementScope scope;
    private final EntityManager em;

    PointsService(EngagementScope scope, EntityManager em) {
        this.scope = scope;
        this.em = em;
    }

    public BalanceView balance(String employeeId) {
        scope.checkPerson(employeeId);
        return QuarkusTransaction.requiringNew().call(() -> read(employeeId));
    }

    BalanceView read(String employeeId) {
        Object[] row = (Object[]) em.createQuery("SELECT coalesce(sum(e.points), 0), count(e) FROM PointsEntry e "
                + "WHERE e.employeeId = ?1").setParameter(1, employeeId).getSingleResult();
        long badges = BadgeGrant.count("employeeId", employeeId);
        return new BalanceView(employeeId, ((Number) row[0]).longValue(), ((Number) row[1]).longValue(), badges);
    }

    /** The ledger, newest first. */
    public List<LedgerEntryView> ledger(String employeeId) {
        scope.checkPerson(employeeId);
        return QuarkusTransaction.requiringNew().call(() -> entries(employeeId));
    }

    List<LedgerEntryView> entries(String employeeId) {
        return PointsEntry.<PointsEntry>list("employeeId = ?1 ORDER BY id DESC", employeeId).stream()
                .map(PointsEntry::view).toList();
    }

    /** The badges earned, newest first. */
    public List<EarnedBadgeView> badges(String employeeId) {
        scope.checkPerson(employeeId);
        return QuarkusTransaction.requiringNew().call(() -> earned(employeeId));
    }

    List<EarnedBadgeView> earned(String employeeId) {
        Map<String, Badge> catalog = new HashMap<>();
        return BadgeGrant.<BadgeGrant>list("employeeId = ?1 ORDER BY id DESC", employeeId).stream().map(g -> {
            Badge b = catalog.computeIfAbsent(g.badgeCode, code -> Badge.findById(code));
            return new EarnedBadgeView(g.badgeCode, b.nameZh, b.nameEn, g.contestCode, g.reason, g.grantedAt,
                    g.reasonZh);
        }).toList();
    }

    /**
     * The points each employee earned in a month (entries whose period is that month: a contest's points count in
     * the month of its last day), with the contests they came from; for a plan's pointsConversion section. Called
     * inside the run's transaction.
     */
    public Map<String, UnitOutcome.PointsEarned> earnedIn(String period, Collection<String> employeeIds) {
        Map<String, Map<String, Integer>> byContest = new HashMap<>();
        if (!employeeIds.isEmpty()) {
            for (PointsEntry e : PointsEntry.<PointsEntry>list("period = ?1 AND employeeId IN ?2 ORDER BY id", period,
                    employeeIds)) {
                byContest.computeIfAbsent(e.employeeId, k -> new LinkedHashMap<>())
                        .merge(e.contestCode == null ? "other" : e.contestCode, e.points, Integer::sum);
            }
        }
        Map<String, UnitOutcome.PointsEarned> earned = new HashMap<>();
        byContest.forEach((employee, contests) -> earned.put(employee, new UnitOutcome.PointsEarned(
                contests.values().stream().mapToInt(Integer::intValue).sum(), contests)));
        return earned;
    }
}

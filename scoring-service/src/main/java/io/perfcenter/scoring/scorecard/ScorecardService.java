package io.perfcenter.scoring.scorecard;

import io.perfcenter.scoring.run.EvaluationPeriod;
import io.perfcenter.scoring.security.DataScope;
import io.perfcenter.scoring.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds scorecards within the caller's data scope (see {@link DataScope}). */
@ApplicationScoped
public class ScorecardService {

    private final DataScope scope;

    ScorecardService(DataScope scope) {
        this.scope = scope;
    }

    public List<Scorecard> find(String period, String unitCode, String status, String employeeId) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (period != null) {
            params.put("period", EvaluationPeriod.parse("period", period).code());
            where.add("period = :period");
        }
        if (unitCode != null) {
            params.put("unit", unitCode);
            where.add("unitCode = :unit");
        }
        if (status != null) {
            params.put("status", status(status));
            where.add("status = :status");
        }
        if (employeeId != null) {
            params.put("employee", employeeId);
            where.add("employeeId = :employee");
        }
        DataScope.Visibility visibility = scope.visibility();
        if (!visibility.everything()) {
            List<String> visible = new ArrayList<>();
            if (!visibility.units().isEmpty()) {
                params.put("ledUnits", visibility.units());
                visible.add("unitCode in :ledUnits");
            }
            if (visibility.ownEmployeeId().isPresent()) {
                params.put("me", visibility.ownEmployeeId().get());
                params.put("published", Scorecard.Status.PUBLISHED);
                visible.add("(employeeId = :me and status = :published)");
            }
            if (visible.isEmpty()) {
                return List.of();
            }
            where.add("(" + String.join(" or ", visible) + ")");
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ")
                + "order by period desc, unitCode, rank, employeeId, id";
        return Scorecard.list(query, params);
    }

    public Scorecard get(long id) {
        Scorecard card = Scorecard.<Scorecard>findByIdOptional(id)
                .orElseThrow(() -> Problems.notFound("Scorecard", id));
        DataScope.Visibility visibility = scope.visibility();
        boolean own = visibility.ownEmployeeId().filter(card.employeeId::equals).isPresent();
        if (visibility.seesUnit(card.unitCode)) {
            return card;
        }
        if (own && card.status == Scorecard.Status.PUBLISHED) {
            return card;
        }
        throw Problems.outOfScope(own ? "Scorecard " + id + " is not published yet"
                : "Scorecard " + id + " is outside your scope");
    }

    private static Scorecard.Status status(String status) {
        try {
            return Scorecard.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("status", "must be one of " + Arrays.toString(Scorecard.Status.values()));
        }
    }
}

package io.perfcenter.scoring.scorecard;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.scoring.MetricsServiceMock;
import io.perfcenter.scoring.client.MetricsClient;
import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.security.DataScope;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Transient;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.perfcenter.scoring.ScoringApi.RUNS;
import static io.perfcenter.scoring.ScoringApi.TEMPLATES;
import static io.perfcenter.scoring.ScoringApi.agent;
import static io.perfcenter.scoring.ScoringApi.hr;
import static io.perfcenter.scoring.ScoringApi.item;
import static io.perfcenter.scoring.ScoringApi.run;
import static io.perfcenter.scoring.ScoringApi.stubOctober;
import static io.perfcenter.scoring.ScoringApi.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scorecards read as columns (a run's: {@link ScorecardService#ofRun}; the list: {@link ScorecardService#find}) hold
 * every persistent field the entity holds: each field of {@link Scorecard} and {@link ScorecardItem} is compared, by
 * reflection, with the same scorecard loaded as an entity. A field added to the entity and not to the column mapping
 * fails here (the answers built from them would silently miss it).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class ScorecardColumnsTests {

    /** Fields of the entities not read as columns on purpose, each with its reason (none at present). */
    static final Map<String, String> NOT_READ = Map.of();

    @MetricsServiceMock.Server
    WireMockServer metrics;

    @Inject
    EntityManager em;

    @Test
    void scorecardsReadAsColumnsHoldEveryFieldOfTheEntity() throws Exception {
        hr().body(template("COLS", List.of(
                item("aht", "aht_minutes", 40, Map.of("type", "linear", "full", 5, "zero", 10, "points", 10,
                        "unit", "min")),
                item("errors", "error_count", 60, Map.of("type", "lookup-table", "unit", "errors", "table",
                        List.of(Map.of("upTo", 3, "points", 30), Map.of("points", 0)))))))
                .post(TEMPLATES).then().statusCode(201);
        stubOctober(metrics, "GCOLS", agent("COL1", "aht_minutes", 6.5, 20, "error_count", 2, 12),
                agent("COL2", "aht_minutes", 7, 18));
        long runId = hr().body(run("COLS", "GCOLS", "2026-10")).post(RUNS).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        // every column that may be null or default gets a value on some scorecard, so that a field left out of the
        // mapping cannot pass as an equal null
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    UPDATE scorecard SET band_grade = 'good', subject_unit_code = 'GSUBJ', percentile = 42.5,
                           self_assessment = 'did well', self_assessed_at = now() - interval '2 days',
                           review_comments = 'agreed', feedback_notes = 'keep on', reviewed_by = 'SUP1',
                           reviewed_at = now(), total_explanation_zh = coalesce(total_explanation_zh, '总分')
                     WHERE run_id = :run AND employee_id = 'COL1'""").setParameter("run", runId).executeUpdate();
            em.createNativeQuery("""
                    UPDATE scorecard_item SET explanation_zh = coalesce(explanation_zh, '说明'),
                           samples = coalesce(samples, 7), value = coalesce(value, 1.5)
                     WHERE scorecard_id IN (SELECT id FROM scorecard WHERE run_id = :run)""")
                    .setParameter("run", runId).executeUpdate();
            em.createNativeQuery("""
                    UPDATE scorecard_item SET insufficient_data = true, handling = 'NEUTRAL'
                     WHERE item_code = 'errors' AND scorecard_id IN (SELECT id FROM scorecard WHERE run_id = :run
                       AND employee_id = 'COL2')""").setParameter("run", runId).executeUpdate();
        });

        QuarkusTransaction.requiringNew().run(() -> {
            List<Scorecard> entities = em.createQuery("select distinct s from Scorecard s left join fetch s.items "
                    + "where s.runId = ?1 order by s.rank, s.employeeId, s.id", Scorecard.class)
                    .setParameter(1, runId).getResultList();
            assertEquals(2, entities.size());
            everyFieldHasAValue(entities);
            assertSame(entities, ScorecardService.ofRun(runId), "ofRun");
            List<Scorecard> page = new ScorecardService(everything())
                    .find("2026-10", "GCOLS", null, null, 10, 0).cards();
            assertSame(entities, page, "find");
        });
    }

    /** The persistent fields of an entity or embeddable class: not static, transient or added by enhancement. */
    static List<Field> persistent(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()) && !f.isSynthetic()
                    && !f.getName().contains("$") && !f.isAnnotationPresent(Transient.class)
                    && !NOT_READ.containsKey(type.getSimpleName() + "." + f.getName())) {
                f.setAccessible(true);
                fields.add(f);
            }
        }
        assertFalse(fields.isEmpty());
        return fields;
    }

    static void assertSame(List<Scorecard> entities, List<Scorecard> read, String how) {
        assertEquals(entities.size(), read.size(), how);
        for (int c = 0; c < entities.size(); c++) {
            Scorecard entity = entities.get(c);
            Scorecard card = read.get(c);
            for (Field f : persistent(Scorecard.class)) {
                if (!f.getName().equals("items")) {
                    assertEquals(get(f, entity), get(f, card), how + ": Scorecard." + f.getName() + " of "
                            + entity.employeeId + " (a field not in ScorecardService's CARD_COLUMNS and card?)");
                }
            }
            assertEquals(entity.items.size(), card.items.size(), how + ": items of " + entity.employeeId);
            for (int i = 0; i < entity.items.size(); i++) {
                for (Field f : persistent(ScorecardItem.class)) {
                    assertEquals(get(f, entity.items.get(i)), get(f, card.items.get(i)), how + ": ScorecardItem."
                            + f.getName() + " of " + entity.employeeId + " (a field not in ScorecardService's "
                            + "ITEM_COLUMNS and ItemColumns?)");
                }
            }
        }
    }

    /** Each field is neither null nor its type's default on some scorecard (item), so that leaving it out shows. */
    static void everyFieldHasAValue(List<Scorecard> cards) {
        Set<Object> defaults = Set.of(0, 0L, false);
        for (Field f : persistent(Scorecard.class)) {
            assertTrue(cards.stream().map(s -> get(f, s)).anyMatch(v -> v != null && !defaults.contains(v)),
                    "test data: give Scorecard." + f.getName() + " a value");
        }
        for (Field f : persistent(ScorecardItem.class)) {
            assertTrue(cards.stream().flatMap(s -> s.items.stream()).map(i -> get(f, i))
                    .anyMatch(v -> v != null && !defaults.contains(v)),
                    "test data: give ScorecardItem." + f.getName() + " a value");
        }
    }

    static Object get(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A data scope that sees everything (as hr), without a request. */
    static DataScope everything() {
        try {
            SecurityIdentity hr = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("HR1"))
                    .addRole("hr").build();
            Constructor<Caller> caller = Caller.class.getDeclaredConstructor(SecurityIdentity.class);
            caller.setAccessible(true);
            Constructor<DataScope> scope = DataScope.class.getDeclaredConstructor(Caller.class, MetricsClient.class);
            scope.setAccessible(true);
            return scope.newInstance(caller.newInstance(hr), null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

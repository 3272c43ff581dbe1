package io.perfcenter.incentive.statement;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.perfcenter.incentive.DownstreamServices;
import io.perfcenter.incentive.DownstreamServices.InjectDownstream;
import io.perfcenter.incentive.TestApi;
import io.perfcenter.incentive.TestApi.Card;
import io.perfcenter.incentive.run.PayoutRun;
import io.perfcenter.incentive.statement.StatementPayloads.LineView;
import io.perfcenter.incentive.statement.StatementPayloads.StatementView;
import io.perfcenter.incentive.store.Json;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Transient;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.perfcenter.incentive.TestApi.BASE;
import static io.perfcenter.incentive.TestApi.HR;
import static io.perfcenter.incentive.TestApi.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A run's statements read as columns ({@link StatementService#ofRun}, {@link StatementService#forPayroll}) answer
 * every persistent field of {@link PayoutStatement} and {@link PayoutLine}: each field is compared, by reflection,
 * with the view's component of the same name (or the one in {@link #READ_AS}), the statements loaded as entities. A
 * field added to an entity fails here until it is read (and shown) or listed in {@link #NOT_READ} with its reason.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(DownstreamServices.class)
class StatementColumnsTests {

    /** Entity fields the views do not show, on purpose. */
    static final Map<String, String> NOT_READ = Map.of(
            "PayoutStatement.current", "true for every statement of a live run: the view says the run's status",
            "PayoutStatement.lines", "compared line by line",
            "PayoutLine.id", "a line has no identity in the answers",
            "PayoutLine.statement", "the statement the line is listed under",
            "PayoutLine.position", "the order of the lines, compared as their order");

    /** Entity fields shown by a view component of another name, with how the entity's value reads there. */
    static final Map<String, Read> READ_AS = Map.of(
            "PayoutStatement.run", new Read("runId", run -> ((PayoutRun) run).id),
            "PayoutStatement.totalAmount", new Read("total", Function.identity()),
            "PayoutLine.source", new Read("source", source -> Json.readMap((String) source)));

    record Read(String component, Function<Object, Object> value) {
    }

    @InjectDownstream
    WireMockServer downstream;

    @Inject
    EntityManager em;

    @Inject
    StatementService statements;

    @Test
    void statementsReadAsColumnsAnswerEveryFieldOfTheEntities() {
        Map<String, Object> salary = new LinkedHashMap<>(Map.of("employeeId", "COL1", "monthlySalary", "8000.00",
                "currency", "CNY", "effectiveFrom", "2026-01-01"));
        as(HR).body(List.of(salary)).put(BASE + "/salaries").then().statusCode(200);
        as(HR).body(Map.of("code", "COLS-PLAN", "name", "Columns", "currency", "CNY", "performancePayShare", 0.30,
                "gradeCoefficients", Map.of("excellent", 1.1, "good", 1.0))).post(BASE + "/plans").then()
                .statusCode(201);
        // COL2 has no salary: a statement with flags and a line without amount
        TestApi.stubScorecards(downstream, "2026-10", "COLS-1", List.of(
                new Card(4901, "COL1", "COLS-1", "2026-10", "90", "excellent", 1),
                new Card(4902, "COL2", "COLS-1", "2026-10", "80", "good", 2)));
        long runId = as(HR).body(Map.of("planCode", "COLS-PLAN", "period", "2026-10", "unitCode", "COLS-1"))
                .post(BASE + "/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        // a line without money and with a Chinese explanation, so that both values of every field are there
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO payout_line (statement_id, position, kind, amount, currency, explanation, explanation_zh,
                                         source, monetary)
                SELECT id, 99, 'perk', NULL, currency, 'a day off', '休假一天', '{"perk": "day-off"}', false
                  FROM payout_statement WHERE run_id = :run""").setParameter("run", runId).executeUpdate());

        QuarkusTransaction.requiringNew().run(() -> {
            PayoutRun run = PayoutRun.findById(runId);
            List<PayoutStatement> entities = em.createQuery("select s from PayoutStatement s where s.run.id = ?1 "
                    + "order by s.employeeId, s.id", PayoutStatement.class).setParameter(1, runId).getResultList();
            assertEquals(2, entities.size());
            everyFieldHasValues(entities);
            List<StatementView> views = statements.ofRun(run);
            assertSame(entities, views, false);
            assertEquals(entities.stream().map(StatementView::of).toList(), views);
            assertSame(entities, statements.forPayroll(run), true);
        });
    }

    static void assertSame(List<PayoutStatement> entities, List<StatementView> views, boolean payroll) {
        assertEquals(entities.size(), views.size());
        for (int s = 0; s < entities.size(); s++) {
            PayoutStatement entity = entities.get(s);
            StatementView view = views.get(s);
            for (Field f : persistent(PayoutStatement.class)) {
                assertEquals(expected(f, entity), shown(f, view), "PayoutStatement." + f.getName() + " of "
                        + entity.employeeId + " (not in StatementService's OF_RUN and Columns?)");
            }
            List<PayoutLine> lines = entity.lines;
            assertEquals(lines.size(), view.lines().size(), "lines of " + entity.employeeId);
            for (int i = 0; i < lines.size(); i++) {
                PayoutLine line = lines.get(i);
                for (Field f : persistent(PayoutLine.class)) {
                    Object expected = expected(f, line);
                    if (payroll && (f.getName().startsWith("explanation")
                            || f.getName().equals("source") && line.monetary)) {
                        expected = null; // the payroll file reads neither, nor the source of a line with money
                    }
                    assertEquals(expected, shown(f, view.lines().get(i)), "PayoutLine." + f.getName() + " of "
                            + entity.employeeId + (payroll ? " for payroll" : "")
                            + " (not in StatementService's OF_RUN and Columns?)");
                }
            }
        }
    }

    /** Each field has a value (and a boolean both) somewhere in the data, so that leaving it out shows. */
    static void everyFieldHasValues(List<PayoutStatement> entities) {
        List<PayoutLine> lines = entities.stream().flatMap(s -> s.lines.stream()).toList();
        for (Field f : persistent(PayoutStatement.class)) {
            hasValues(f, entities);
        }
        for (Field f : persistent(PayoutLine.class)) {
            hasValues(f, lines);
        }
    }

    static void hasValues(Field f, List<?> objects) {
        List<Object> values = objects.stream().map(o -> get(f, o)).toList();
        if (f.getType() == boolean.class || f.getType() == Boolean.class) {
            assertTrue(values.contains(true) && values.contains(false), "test data: " + f + " both ways");
        } else {
            assertTrue(values.stream().anyMatch(v -> v != null && !(v instanceof Collection<?> c && c.isEmpty())),
                    "test data: give " + f + " a value");
        }
    }

    /** The persistent fields of an entity that a view shows: not static, transient, enhancement's, or NOT_READ. */
    static List<Field> persistent(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()) && !f.isSynthetic()
                    && !f.getName().contains("$") && !f.isAnnotationPresent(Transient.class)
                    && !NOT_READ.containsKey(name(f))) {
                f.setAccessible(true);
                fields.add(f);
            }
        }
        return fields;
    }

    static Object expected(Field f, Object entity) {
        Read read = READ_AS.get(name(f));
        Object value = get(f, entity);
        return read == null ? value : read.value().apply(value);
    }

    static Object shown(Field f, Record view) {
        Read read = READ_AS.get(name(f));
        String component = read == null ? f.getName() : read.component();
        for (RecordComponent c : view.getClass().getRecordComponents()) {
            if (c.getName().equals(component)) {
                try {
                    return c.getAccessor().invoke(view);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return fail(name(f) + " is not shown by " + view.getClass().getSimpleName() + ": read it in StatementService "
                + "(and show it), or list it in NOT_READ with the reason");
    }

    static String name(Field f) {
        return f.getDeclaringClass().getSimpleName() + "." + f.getName();
    }

    static Object get(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}

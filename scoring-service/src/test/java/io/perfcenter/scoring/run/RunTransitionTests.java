package io.perfcenter.scoring.run;

import io.perfcenter.scoring.run.ScorecardRun.Status;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static io.perfcenter.scoring.run.ScorecardRun.Status.COMPUTED;
import static io.perfcenter.scoring.run.ScorecardRun.Status.IN_REVIEW;
import static io.perfcenter.scoring.run.ScorecardRun.Status.LOCKED;
import static io.perfcenter.scoring.run.ScorecardRun.Status.PUBLISHED;
import static io.perfcenter.scoring.run.ScorecardRun.Status.SUPERSEDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The lifecycle table, every action from every status: the allowed steps and where they go, and the 409 each refused
 * one answers, word for word as the API has always answered it; who may take each action, as the endpoints say.
 */
class RunTransitionTests {

    /** Action → (from → to): the whole table. Every pair not here is refused. */
    private static final Map<RunTransition, Map<Status, Status>> ALLOWED = Map.of(
            RunTransition.OPEN_REVIEW, Map.of(COMPUTED, IN_REVIEW),
            RunTransition.PUBLISH, Map.of(COMPUTED, PUBLISHED, IN_REVIEW, PUBLISHED),
            RunTransition.LOCK, Map.of(PUBLISHED, LOCKED),
            RunTransition.SUPERSEDE, Map.of(PUBLISHED, SUPERSEDED));

    /** Action → (from → the refusal's detail) for run 7 of TPL, G1 and 2026-10. */
    private static final Map<RunTransition, Map<Status, String>> REFUSED = Map.of(
            RunTransition.OPEN_REVIEW, allBut(COMPUTED, "Run 7 is %s; only a COMPUTED run can be opened for review"),
            RunTransition.PUBLISH, Map.of(
                    PUBLISHED, "Run 7 is published already",
                    LOCKED, "Run 7 is published already",
                    SUPERSEDED, "Run 7 was superseded by a newer revision"),
            RunTransition.LOCK, allBut(PUBLISHED, "Run 7 is %s; only a PUBLISHED run can be locked"),
            RunTransition.SUPERSEDE, Map.of(
                    COMPUTED, "Run 7 is COMPUTED; only a PUBLISHED run is superseded",
                    IN_REVIEW, "Run 7 is IN_REVIEW; only a PUBLISHED run is superseded",
                    LOCKED, "Run 7 of template TPL for unit G1 and 2026-10 is published and locked",
                    SUPERSEDED, "Run 7 is SUPERSEDED; only a PUBLISHED run is superseded"));

    @Test
    void everyActionFromEveryStatusIsAllowedOrRefusedAsTheTableSays() {
        List<String> checked = new ArrayList<>();
        for (RunTransition transition : RunTransition.values()) {
            for (Status from : Status.values()) {
                ScorecardRun run = run(from);
                Status to = ALLOWED.get(transition).get(from);
                if (to != null) {
                    assertEquals(true, transition.allows(from), transition + " from " + from);
                    transition.apply(run);
                    assertEquals(to, run.status, transition + " from " + from);
                    assertEquals(to, transition.to());
                } else {
                    assertEquals(false, transition.allows(from), transition + " from " + from);
                    HttpProblem refused = assertThrows(HttpProblem.class, () -> transition.apply(run),
                            transition + " from " + from);
                    assertEquals(409, refused.getStatusCode());
                    assertEquals(REFUSED.get(transition).get(from), refused.getDetail(), transition + " from " + from);
                    assertEquals(from, run.status, "a refused step leaves the run as it was");
                }
                checked.add(transition + " " + from);
            }
        }
        assertEquals(RunTransition.values().length * Status.values().length, checked.size());
    }

    @Test
    void theTableNamesEveryStatusItLeavesFrom() {
        ALLOWED.forEach((transition, steps) -> assertEquals(EnumSet.copyOf(steps.keySet()), transition.from()));
        REFUSED.forEach((transition, refusals) -> assertEquals(EnumSet.complementOf(EnumSet.copyOf(refusals.keySet())),
                transition.from(), transition + ": every status is either allowed or refused with its words"));
    }

    @Test
    void theEndpointsAllowTheRolesTheTableNames() throws NoSuchMethodException {
        Map<RunTransition, String> endpoints = Map.of(RunTransition.OPEN_REVIEW, "openReview",
                RunTransition.PUBLISH, "publish", RunTransition.LOCK, "lock");
        for (var endpoint : endpoints.entrySet()) {
            // by name: publish and lock take the optional ?scorecards= too
            RolesAllowed roles = java.util.Arrays.stream(RunResource.class.getMethods())
                    .filter(m -> m.getName().equals(endpoint.getValue())).findFirst()
                    .orElseThrow(() -> new NoSuchMethodException(endpoint.getValue()))
                    .getAnnotation(RolesAllowed.class);
            assertEquals(endpoint.getKey().roles(), List.of(roles.value()), endpoint.getValue());
        }
        // superseding happens by publishing: whoever may publish supersedes
        assertEquals(RunTransition.PUBLISH.roles(), RunTransition.SUPERSEDE.roles());
    }

    @Test
    void eachStepHasItsAuditAction() {
        assertEquals(List.of("REVIEW_OPENED", "RUN_PUBLISHED", "RUN_LOCKED", "RUN_SUPERSEDED"),
                List.of(RunTransition.values()).stream().map(RunTransition::auditAction).toList());
    }

    // every status but the one allowed, each refused with the sentence naming it
    private static Map<Status, String> allBut(Status allowed, String sentence) {
        Map<Status, String> refusals = new EnumMap<>(Status.class);
        EnumSet.complementOf(EnumSet.of(allowed)).forEach(s -> refusals.put(s, sentence.formatted(s)));
        return refusals;
    }

    private static ScorecardRun run(Status status) {
        ScorecardRun run = new ScorecardRun();
        run.id = 7L;
        run.templateCode = "TPL";
        run.unitCode = "G1";
        run.period = "2026-10";
        run.status = status;
        return run;
    }
}

package io.perfcenter.scoring.run;

import io.perfcenter.scoring.rule.Figures;
import io.perfcenter.scoring.template.ScorecardTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * SHA-256 over the template version and every subject's metric values, sample counts and targets, in a fixed order:
 * two runs with the same hash computed the same thing. Adjustments made on appeals are not inputs of a run but
 * corrections of its results, so they are left out.
 */
public final class InputsHash {

    private InputsHash() {
    }

    public static String of(ScorecardTemplate template, List<SubjectInputs> subjects) {
        return of(template, subjects, List.of());
    }

    /**
     * With the agents the run leaves out: an agent now skipped for another reason (moved elsewhere) is a new
     * revision. No skipped agents hash as before.
     */
    public static String of(ScorecardTemplate template, List<SubjectInputs> subjects,
                            List<RunPayloads.SkippedAgent> skipped) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder text = new StringBuilder(64 * subjects.size() + 64);
        text.append(template.code).append('#').append(template.version).append('\n');
        subjects.stream()
                .sorted(Comparator.comparing(SubjectInputs::employeeId)
                        .thenComparing(s -> Objects.toString(s.subjectUnitCode(), "")))
                .forEach(s -> {
                    text.append(s.employeeId()).append('|').append(Objects.toString(s.subjectUnitCode(), ""));
                    s.inputs().metrics().forEach((code, v) -> text.append('|').append(code).append('=')
                            .append(Figures.plainText(v.value())).append('/').append(v.samples()));
                    s.inputs().targets().forEach((code, t) -> text.append("|target:").append(code).append('=')
                            .append(Figures.plainText(t.value())).append('@').append(t.source()));
                    text.append('\n');
                    if (text.length() > 1 << 20) {
                        digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
                        text.setLength(0);
                    }
                });
        (skipped == null ? List.<RunPayloads.SkippedAgent>of() : skipped).stream()
                .sorted(Comparator.comparing(RunPayloads.SkippedAgent::employeeId))
                .forEach(s -> text.append("skipped:").append(s.employeeId()).append('|').append(s.reason())
                        .append('\n'));
        digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }
}

package io.perfcenter.incentive.section;

import io.perfcenter.incentive.statement.StatementPayloads.LineView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document names the line kinds in text (an annotation cannot read {@link SectionRegistry#LINE_KINDS}):
 * a section that adds a kind must say so there too, or this fails.
 */
class LineKindsDocumentedTests {

    @Test
    void theLineKindOfTheApiDocumentNamesEveryKind() throws NoSuchFieldException {
        String description = LineView.class.getDeclaredField("kind").getAnnotation(Schema.class).description();
        for (LineKind kind : SectionRegistry.LINE_KINDS) {
            assertTrue(description.contains(kind.name()), "PayoutLine.kind's description does not name " + kind.name());
        }
    }
}

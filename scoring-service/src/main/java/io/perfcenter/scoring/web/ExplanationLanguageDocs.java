package io.perfcenter.scoring.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import static io.perfcenter.scoring.web.Languages.ACCEPT_DOC;
import static io.perfcenter.scoring.web.Languages.CONTENT_DOC;
import static io.perfcenter.scoring.web.Languages.EN;
import static io.perfcenter.scoring.web.Languages.EXPLAINED;
import static io.perfcenter.scoring.web.Languages.WORDED;
import static io.perfcenter.scoring.web.Languages.WORDED_DOC;
import static io.perfcenter.scoring.web.Languages.ZH;

/**
 * The OpenAPI document's filter ({@code mp.openapi.filter}): every operation that answers in both languages, those
 * whose answers carry explanations ({@link Languages#EXPLAINED}) and those whose answers carry other texts the service
 * writes ({@link Languages#WORDED}), takes the optional {@code Accept-Language} header parameter (the same in every
 * service: name, schema, description) and answers {@code Content-Language}; the worded ones also name those texts in
 * their description.
 */
public class ExplanationLanguageDocs implements OASFilter {

    /**
     * The document: the Accept-Language parameter and the Content-Language header on the explained and the worded
     * operations, and the sentence naming the texts on the worded ones.
     */
    @Override
    public Operation filterOperation(Operation operation) {
        String id = operation.getOperationId();
        if (id == null || !EXPLAINED.contains(id) && !WORDED.containsKey(id)) {
            return operation;
        }
        if (WORDED.containsKey(id)) {
            String said = operation.getDescription() == null ? "" : operation.getDescription().strip() + " ";
            operation.setDescription(said + WORDED_DOC.formatted(WORDED.get(id)));
        }
        operation.addParameter(OASFactory.createParameter().name("Accept-Language").in(Parameter.In.HEADER)
                .description(ACCEPT_DOC).example("zh-CN")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        contentLanguage(operation);
        return operation;
    }

    private static void contentLanguage(Operation operation) {
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().forEach((code, answer) -> {
                if (code.startsWith("2")) {
                    answer.addHeader("Content-Language", OASFactory.createHeader().description(CONTENT_DOC)
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                    .enumeration(java.util.List.of(ZH, EN, ZH + ", " + EN))));
                    answer.addHeader("Vary", OASFactory.createHeader().description("Accept-Language")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
                }
            });
        }
    }
}

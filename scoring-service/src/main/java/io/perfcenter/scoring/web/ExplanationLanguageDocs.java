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
 * The OpenAPI document's filter ({@code mp.openapi.filter}): the operations whose answers carry explanations
 * ({@link Languages#EXPLAINED}) take {@code Accept-Language} and answer {@code Content-Language}; those whose answers
 * carry other texts the service writes ({@link Languages#WORDED}) say in their description that these follow
 * {@code Accept-Language} (no parameter added: generated clients keep their methods) and answer
 * {@code Content-Language}.
 */
public class ExplanationLanguageDocs implements OASFilter {

    /**
     * The document: the Accept-Language parameter and the Content-Language header on the explained operations, the
     * sentence and the Content-Language header on the worded ones.
     */
    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getOperationId() != null && WORDED.containsKey(operation.getOperationId())) {
            String said = operation.getDescription() == null ? "" : operation.getDescription().strip() + " ";
            operation.setDescription(said + WORDED_DOC.formatted(WORDED.get(operation.getOperationId())));
            contentLanguage(operation);
            return operation;
        }
        if (operation.getOperationId() == null || !EXPLAINED.contains(operation.getOperationId())) {
            return operation;
        }
        operation.addParameter(OASFactory.createParameter().name("Accept-Language").in(Parameter.In.HEADER)
                .required(false).description(ACCEPT_DOC).example("zh-CN")
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

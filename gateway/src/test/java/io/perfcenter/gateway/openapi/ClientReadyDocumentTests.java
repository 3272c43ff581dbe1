package io.perfcenter.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules that make a service's document fit for openapi-generator, each on the shape smallrye-openapi writes. */
class ClientReadyDocumentTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode apply(String document) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(document.replace('\'', '"'));
        ClientReadyDocument.apply(node);
        return node;
    }

    @Test
    void libraryTypesAreInlinedAndJsonNodeIsAFreeFormObject() throws Exception {
        ObjectNode doc = apply("{'paths':{},'components':{'schemas':{"
                + "'LocalDate':{'type':'string','format':'date'},"
                + "'JsonNode':{'type':'object','properties':{'empty':{'type':'boolean'},'array':{'type':'boolean'}}},"
                + "'JsonNodeType':{'type':'string','enum':['ARRAY']},"
                + "'Qa':{'type':'object','properties':{"
                + "'on':{'$ref':'#/components/schemas/LocalDate','description':'The day'},"
                + "'items':{'type':'array','items':{'$ref':'#/components/schemas/JsonNode'}}}}}}}");
        var schemas = doc.path("components").path("schemas");
        assertFalse(schemas.has("LocalDate"));
        assertFalse(schemas.has("JsonNode"));
        assertFalse(schemas.has("JsonNodeType"));
        var on = schemas.path("Qa").path("properties").path("on");
        assertEquals("string", on.path("type").asText());
        assertEquals("date", on.path("format").asText());
        assertEquals("The day", on.path("description").asText());
        var item = schemas.path("Qa").path("properties").path("items").path("items");
        assertEquals("object", item.path("type").asText());
        assertTrue(item.path("additionalProperties").asBoolean());
        assertFalse(item.has("properties"));
    }

    @Test
    void aNumberedCopyOfASchemaIsThatSchema() throws Exception {
        ObjectNode doc = apply("{'paths':{},'components':{'schemas':{"
                + "'ScorecardStatus':{'type':'string','enum':['COMPUTED','PUBLISHED']},"
                + "'ScorecardStatus1':{'type':'string','enum':['COMPUTED','PUBLISHED']},"
                + "'Status2':{'type':'string','enum':['OPEN']},"
                + "'Run':{'type':'object','properties':{'status':{'$ref':'#/components/schemas/ScorecardStatus1'},"
                + "'other':{'$ref':'#/components/schemas/Status2'}}}}}}");
        var schemas = doc.path("components").path("schemas");
        assertFalse(schemas.has("ScorecardStatus1"));
        assertEquals("#/components/schemas/ScorecardStatus",
                schemas.path("Run").path("properties").path("status").path("$ref").asText());
        // no unnumbered twin: kept as it is
        assertTrue(schemas.has("Status2"));
    }

    @Test
    void everyProblemSchemaIsTheOneProblemSchema() throws Exception {
        ObjectNode doc = apply("{'paths':{'/a':{'get':{'responses':{"
                + "'404':{'content':{'application/problem+json':{'schema':{'$ref':'#/components/schemas/HttpProblem'}}}},"
                + "'400':{'content':{'application/problem+json':{'schema':"
                + "{'$ref':'#/components/schemas/HttpValidationProblem'}}}}}}}},"
                + "'components':{'schemas':{'HttpProblem':{'type':'object','properties':{'type':{},'status':{}}},"
                + "'HttpValidationProblem':{'type':'object','properties':{'type':{},'status':{},"
                + "'violations':{'type':'array','items':{'$ref':'#/components/schemas/Violation'}}}},"
                + "'Violation':{'type':'object','properties':{'field':{},'in':{},'message':{}}}}}}");
        var schemas = doc.path("components").path("schemas");
        List<String> names = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("Problem", "ProblemViolation"), names);
        // a closed-looking schema: generated Java clients read a map-like Problem into the map, not its fields
        assertFalse(schemas.path("Problem").has("additionalProperties"));
        assertEquals("integer", schemas.path("Problem").path("properties").path("status").path("type").asText());
        var responses = doc.path("paths").path("/a").path("get").path("responses");
        for (String code : List.of("400", "404")) {
            assertEquals("#/components/schemas/Problem", responses.path(code).path("content")
                    .path("application/problem+json").path("schema").path("$ref").asText());
        }
    }

    @Test
    void noKeywordBesideARef() throws Exception {
        ObjectNode doc = apply("{'paths':{},'components':{'schemas':{'Run':{'type':'object','properties':{"
                + "'status':{'type':'object','$ref':'#/components/schemas/Status'},"
                + "'derivation':{'type':'object','$ref':'#/components/schemas/Derivation','description':'How'}}},"
                + "'Status':{'type':'string','enum':['A']},'Derivation':{'type':'object'}}}}");
        var properties = doc.path("components").path("schemas").path("Run").path("properties");
        // a lone type beside $ref is dropped
        assertEquals(JSON.readTree("{\"$ref\":\"#/components/schemas/Status\"}"), properties.path("status"));
        // a description is kept on an allOf wrapper
        assertEquals(JSON.readTree("{\"allOf\":[{\"$ref\":\"#/components/schemas/Derivation\"}],"
                + "\"description\":\"How\"}"), properties.path("derivation"));
    }

    @Test
    void successfulResponsesComeFirstAndOperationsStateTheirRoles() throws Exception {
        ObjectNode doc = apply("{'paths':{'/a':{'post':{'summary':'Create an a','operationId':'createA',"
                + "'security':[{'bearer':['hr','admin']}],"
                + "'responses':{'401':{},'403':{},'201':{},'400':{},'default':{},'200':{}}}}}}");
        var operation = doc.path("paths").path("/a").path("post");
        List<String> codes = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(codes::add);
        assertEquals(List.of("200", "201", "400", "401", "403", "default"), codes);
        assertEquals("Create an a.\n\nRoles: hr, admin.", operation.path("description").asText());
    }

    @Test
    void everyParameterIsDescribedWithAnExampleItsSchemaAccepts() throws Exception {
        ObjectNode doc = apply("{'paths':{'/a/{code}':{'get':{'responses':{},'parameters':["
                + "{'name':'code','in':'path','schema':{'type':'string'}},"
                + "{'name':'dryRun','in':'query','schema':{'type':'boolean'}},"
                + "{'name':'status','in':'query','schema':{'type':'string','enum':['OPEN','CLOSED']}},"
                + "{'name':'limit','in':'query','schema':{'type':'integer'},'example':'many'},"
                + "{'name':'metric','in':'query','schema':{'type':'array','items':{'type':'string'}}},"
                + "{'name':'id','in':'path','schema':{'type':'integer','format':'int64'},'example':'7'}]}}}}");
        var parameters = doc.path("paths").path("/a/{code}").path("get").path("parameters");
        for (var parameter : parameters) {
            assertFalse(parameter.path("description").asText().isBlank(), parameter.toString());
        }
        assertEquals("G-HOTLINE-1", parameters.get(0).path("example").asText());
        assertTrue(parameters.get(1).path("example").isBoolean());
        assertEquals("OPEN", parameters.get(2).path("example").asText());
        // "many" is no integer (Spectral: oas3-valid-media-example): dropped
        assertFalse(parameters.get(3).has("example"));
        assertEquals(JSON.readTree("[\"calls_handled\"]"), parameters.get(4).path("example"));
        // "7" for an integer: the integer 7
        assertTrue(parameters.get(5).path("example").isIntegralNumber());
        assertEquals(7, parameters.get(5).path("example").asLong());
    }
}

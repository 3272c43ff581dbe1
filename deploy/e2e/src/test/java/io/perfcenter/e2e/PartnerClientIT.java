package io.perfcenter.e2e;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a partner does with the public API document: lint it, generate clients with openapi-generator 7.10.0
 * (Java native, TypeScript fetch, Python), compile them, and run a real flow with the generated Java client
 * ({@code src/test/resources/partner/PartnerFlow.java}) against the running suite. The document is the one the
 * running gateway serves. The tools are build-local: the generator's CLI jar is copied by the pom
 * ({@code target/partner-tools}), Spectral and tsc are installed with {@code npm ci} in {@code partner-tools/}.
 */
class PartnerClientIT {

    private static final Path WORK = Path.of("target/partner");
    private static final Path TOOLS = Path.of("partner-tools");
    private static final Path GENERATOR = Path.of("target/partner-tools/openapi-generator-cli.jar");

    private static RunningSuite running;
    private static Path document;

    @BeforeAll
    static void fetchTheDocument() throws IOException {
        running = RunningSuite.get();
        Files.createDirectories(WORK);
        // a service that renders its document slowly on a busy machine is listed as unavailable until the gateway's
        // cache (30 s) expires: wait for the whole document, the one partners generate from
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String body = RestAssured.given().get("/openapi.json").then().statusCode(200).extract().asString();
        while (!unavailable(body).isEmpty() && System.nanoTime() < deadline) {
            sleep(Duration.ofSeconds(10));
            body = RestAssured.given().get("/openapi.json").then().statusCode(200).extract().asString();
        }
        assertEquals(List.of(), unavailable(body), "services missing from /openapi.json after 3 minutes");
        document = WORK.resolve("openapi.json");
        Files.writeString(document, body);
    }

    @Test
    void theDocumentLintsWithoutErrors() throws Exception {
        Result lint = run(TOOLS, Duration.ofMinutes(5), node(), "node_modules/@stoplight/spectral-cli/dist/index.js",
                "lint", document.toAbsolutePath().toString(), "--ruleset", ".spectral.yaml",
                "--fail-severity", "error", "-f", "text");
        assertEquals(0, lint.exit, "Spectral found errors in /openapi.json:\n" + lint.output);
    }

    /**
     * Accept-Language one way (session 14): every operation whose answers say their Content-Language (scoring's and
     * incentive's explained and worded reads) declares the same optional header parameter, so that generated clients
     * take it as an argument on each; no other operation declares it.
     */
    @Test
    void everyOperationAnsweringInBothLanguagesTakesTheSameAcceptLanguageParameter() {
        Map<String, Map<String, Object>> paths = io.restassured.path.json.JsonPath.from(document.toFile())
                .getMap("paths");
        Map<String, Object> first = null;
        List<String> bilingual = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (var path : paths.entrySet()) {
            for (var method : path.getValue().entrySet()) {
                if (!(method.getValue() instanceof Map<?, ?> operation)) {
                    continue;
                }
                String at = method.getKey() + " " + path.getKey();
                List<Object> accept = operation.get("parameters") instanceof List<?> parameters
                        ? parameters.stream().filter(p -> p instanceof Map<?, ?> m
                        && "Accept-Language".equals(m.get("name"))).map(p -> (Object) p).toList() : List.of();
                boolean answersInBoth = operation.get("responses") instanceof Map<?, ?> responses
                        && responses.entrySet().stream().anyMatch(r -> String.valueOf(r.getKey()).startsWith("2")
                        && r.getValue() instanceof Map<?, ?> answer && answer.get("headers") instanceof Map<?, ?> h
                        && h.containsKey("Content-Language"));
                if (!answersInBoth) {
                    if (!accept.isEmpty()) {
                        wrong.add(at + ": Accept-Language without Content-Language");
                    }
                    continue;
                }
                bilingual.add(at);
                if (accept.size() != 1) {
                    wrong.add(at + ": " + accept.size() + " Accept-Language parameters");
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> parameter = (Map<String, Object>) accept.get(0);
                if (first == null) {
                    first = parameter;
                    assertEquals("header", parameter.get("in"), at);
                    assertTrue(!Boolean.TRUE.equals(parameter.get("required")), at);
                    assertEquals(Map.of("type", "string"), parameter.get("schema"), at);
                } else if (!first.equals(parameter)) {
                    wrong.add(at + ": " + parameter + " is not " + first);
                }
            }
        }
        assertEquals(List.of(), wrong);
        // scoring: 15 explained and 13 worded operations; incentive: 17 explained ones
        assertTrue(bilingual.size() >= 45, bilingual.size() + " operations answer in both languages: " + bilingual);
    }

    @Test
    void locationHeadersAndServersNameTheGatewayNotTheService() {
        String gateway = running.suite.gatewayUrl();
        running.as("PH1", "hr").body(Map.of("code", "P-LOC1", "name", "Located", "kind", "CENTER"))
                .post("/api/v1/metrics/org/units").then().statusCode(201)
                .header("Location", gateway + "/api/v1/metrics/org/units/P-LOC1");
        // behind a proxy that says where the caller came in
        running.as("PH1", "hr").header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.example.com")
                .body(Map.of("code", "P-LOC2", "name", "Located 2", "kind", "CENTER"))
                .post("/api/v1/metrics/org/units").then().statusCode(201)
                .header("Location", "https://api.example.com/api/v1/metrics/org/units/P-LOC2");
        RestAssured.given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.example.com")
                .get("/openapi.json").then().statusCode(200)
                .body("servers[0].url", org.hamcrest.Matchers.equalTo("https://api.example.com"));
    }

    @Test
    void theGeneratedJavaClientCompilesAndRunsAMonthThroughTheSuite() throws Exception {
        Path out = generate("java", "--library", "native", "--additional-properties",
                "useJakartaEe=true,invokerPackage=io.perfcenter.client,apiPackage=io.perfcenter.client.api,"
                        + "modelPackage=io.perfcenter.client.model,hideGenerationTimestamp=true,"
                        // a scoring rule is a oneOf with a discriminator (type): pick the class by it
                        + "useOneOfDiscriminatorLookup=true");
        Path classes = WORK.resolve("java-classes");
        Files.createDirectories(classes);
        List<String> sources;
        try (Stream<Path> files = Files.walk(out.resolve("src/main/java"))) {
            sources = new ArrayList<>(files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList());
        }
        sources.add(Path.of("src/test/resources/partner/PartnerFlow.java").toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("-nowarn", "-proc:none", "-encoding", "UTF-8",
                "-d", classes.toString(), "-cp", System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path"))));
        arguments.addAll(sources);
        int compiled = javac.run(null, errors, errors, arguments.toArray(String[]::new));
        assertEquals(0, compiled, "The generated Java client does not compile:\n" + errors);

        Map<String, String> tokens = Map.of(
                "hr", running.identity.token("PH1", "PH1", List.of("hr"), Duration.ofMinutes(30)),
                "records-writer", running.identity.token("crm", null, List.of("records-writer"),
                        Duration.ofMinutes(30)),
                "agent", running.identity.token("PA1", "PA1", List.of("agent"), Duration.ofMinutes(30)));
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()},
                PartnerClientIT.class.getClassLoader())) {
            Method flow = loader.loadClass("io.perfcenter.partner.PartnerFlow").getMethod("run", String.class,
                    Map.class);
            @SuppressWarnings("unchecked")
            List<String> checked = (List<String>) flow.invoke(null, running.suite.gatewayUrl(), tokens);
            assertTrue(checked.contains("values pushed"), checked.toString());
            assertTrue(checked.stream().anyMatch(c -> c.startsWith("404 read as Problem")), checked.toString());
            assertTrue(checked.stream().anyMatch(c -> c.startsWith("401 read as Problem")), checked.toString());
        } catch (InvocationTargetException e) {
            throw new AssertionError("The partner flow failed: " + e.getCause(), e.getCause());
        }
    }

    @Test
    void theGeneratedTypeScriptClientCompiles() throws Exception {
        Path out = generate("typescript-fetch", "--additional-properties", "supportsES6=true");
        Files.writeString(out.resolve("tsconfig.json"), """
                {"compilerOptions": {"target": "es2020", "lib": ["es2020", "dom"], "module": "es2020",
                  "moduleResolution": "node", "strict": true, "noEmit": true, "skipLibCheck": true},
                 "include": ["**/*.ts"]}
                """);
        Result tsc = run(out, Duration.ofMinutes(5), node(),
                TOOLS.toAbsolutePath().resolve("node_modules/typescript/bin/tsc").toString(), "-p", ".");
        assertEquals(0, tsc.exit, "tsc refuses the generated TypeScript client:\n" + tsc.output);
    }

    @Test
    void theGeneratedPythonClientImports() throws Exception {
        Path out = generate("python", "--additional-properties", "packageName=perfcenter_client");
        // the client needs urllib3, pydantic 2, python-dateutil and typing-extensions; PyPI may be out of reach,
        // so without them the package is only byte-compiled
        Result deps = run(out, Duration.ofMinutes(1), "python3", "-c",
                "import urllib3, pydantic, dateutil, typing_extensions");
        Result check = deps.exit == 0
                ? run(out, Duration.ofMinutes(3), "python3", "-c", "import perfcenter_client, perfcenter_client.api,"
                + " perfcenter_client.models; from perfcenter_client import Problem, MetricsOrgDirectoryApi")
                : run(out, Duration.ofMinutes(3), "python3", "-m", "compileall", "-q", "perfcenter_client");
        assertEquals(0, check.exit, "The generated Python client does not load:\n" + check.output);
    }

    private static Path generate(String generator, String... options) throws Exception {
        Path out = WORK.resolve(generator);
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", GENERATOR.toString(), "generate",
                "-i", document.toString(), "-g", generator, "-o", out.toString(),
                "--global-property", "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false"));
        command.addAll(List.of(options));
        Result result = run(Path.of("."), Duration.ofMinutes(5), command.toArray(String[]::new));
        if (result.exit != 0) {
            fail("openapi-generator " + generator + " failed:\n" + result.output);
        }
        return out;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path directory, Duration timeout, String... command) throws Exception {
        Path log = Files.createTempFile(WORK, "run", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " took longer than " + timeout);
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static List<Object> unavailable(String document) {
        List<Object> missing = io.restassured.path.json.JsonPath.from(document).getList("'x-perfcenter-unavailable'");
        return missing == null ? List.of() : missing;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String node() {
        return "node";
    }
}

package io.perfcenter.e2e;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services share no Quarkus module (each is built and deployed alone; of perfcenter-support they use only the plain
 * JDBC of {@code OutboxRows} at run time), so a few cross-cutting classes — problem details, request ids, the caller's
 * roles and scope, paging, the center's clock — exist once per service. A copy
 * that is changed in one service and not in the others is how "who sees everything" or a problem's {@code type} came
 * to differ between services. This test reads every service's main sources and fails on such drift:
 * <ul>
 *     <li>{@link #WHOLE} classes are the same class in every service that has one, apart from the package and the
 *     imports (their syntax trees are compared, comments included);</li>
 *     <li>{@link #COMMON_MEMBERS} classes share a common part and add service-specific members: a member that stands
 *     in several copies (a method or field of that name) is the same in all of them;</li>
 *     <li>any other class name found in more than one service must be listed in {@link #SAME_NAME_ONLY} with what
 *     makes the classes different, so a new copy cannot slip in unnoticed.</li>
 * </ul>
 * To change a shared class, change every copy the same way (the failure names the copies that differ).
 */
class SharedCopiesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
    private static final List<String> MODULES = List.of("metrics-service", "scoring-service", "incentive-service",
            "gateway");

    static final Set<String> WHOLE = Set.of("AcceptFilter", "AllPages", "BodyProblems", "Caller", "CenterClock",
            "CloudEvent", "EntityTags", "EventsRestClient", "HttpHistograms", "JsonLimits", "OutboxEvent",
            "OutboxRelay", "Page", "ProblemTypes", "RelayReceipt", "RequestIdFilter", "Roles", "ServiceHeaders",
            "ServiceIdentity", "StrictBooleans");

    static final Set<String> COMMON_MEMBERS = Set.of("Problems");

    static final Map<String, String> SAME_NAME_ONLY = Map.of(
            "Explanation", "a text in English and Chinese; scoring's joins Chinese after full-width punctuation and "
                    + "keeps a missing Chinese text missing (pre-V10 rows), incentive's falls back to the English "
                    + "when it joins (written apart by two branches: a candidate for perfcenter-support)",
            "MetricsClient", "each service reads different parts of metrics-service",
            "MetricsRestClient", "each service's REST interface declares only the operations it calls",
            "MetricsSystemRestClient", "each service declares only the operations it calls as itself",
            "MoverPolicy", "metrics: which unit lists a mover; scoring: the template's setting that asks for it",
            "Outbox", "scoring, incentive: a row of their outbox, relayed later (the set-based insert is "
                    + "perfcenter-support's OutboxRows); metrics: the event log itself, in the change's transaction",
            "RunPayloads", "scoring runs and payout runs are different resources",
            "RunResource", "scoring runs and payout runs are different resources",
            "Scorecard", "scoring: the stored entity; incentive: what it reads of scoring's scorecards");

    @Test
    void wholeCopiesAreTheSameClassInEveryService() {
        Map<String, List<Path>> copies = copiesByName();
        List<String> drifted = new ArrayList<>();
        for (String name : new TreeSet<>(WHOLE)) {
            List<Path> files = copies.getOrDefault(name, List.of());
            assertTrue(files.size() > 1, name + " is listed as a shared copy but exists " + files.size() + " time(s)");
            String first = typeOnly(files.get(0));
            for (Path other : files.subList(1, files.size())) {
                if (!first.equals(typeOnly(other))) {
                    drifted.add(name + ": " + ROOT.relativize(files.get(0)) + " and " + ROOT.relativize(other)
                            + " differ");
                }
            }
        }
        assertEquals(List.of(), drifted, "shared copies must stay identical apart from package and imports");
    }

    @Test
    void commonMembersAreTheSameInEveryCopy() {
        Map<String, List<Path>> copies = copiesByName();
        List<String> drifted = new ArrayList<>();
        for (String name : new TreeSet<>(COMMON_MEMBERS)) {
            Map<String, Map<Path, String>> byMember = new TreeMap<>();
            for (Path file : copies.getOrDefault(name, List.of())) {
                members(file).forEach((member, text) ->
                        byMember.computeIfAbsent(member, m -> new TreeMap<>()).put(file, text));
            }
            byMember.forEach((member, texts) -> {
                if (texts.values().stream().distinct().count() > 1) {
                    drifted.add(name + "." + member + " differs between " + texts.keySet().stream()
                            .map(p -> ROOT.relativize(p).toString()).collect(Collectors.joining(", ")));
                }
            });
        }
        assertEquals(List.of(), drifted, "a member present in several copies must be the same in all");
    }

    @Test
    void everyClassNameInSeveralServicesIsAccountedFor() {
        Set<String> unaccounted = new TreeSet<>();
        copiesByName().forEach((name, files) -> {
            long services = files.stream().map(SharedCopiesTest::module).distinct().count();
            if (services > 1 && !WHOLE.contains(name) && !COMMON_MEMBERS.contains(name)
                    && !SAME_NAME_ONLY.containsKey(name)) {
                unaccounted.add(name + " " + files.stream().map(p -> ROOT.relativize(p).toString()).toList());
            }
        });
        assertEquals(Set.of(), unaccounted, "a class in several services is either a shared copy (WHOLE, "
                + "COMMON_MEMBERS) or a different class that shares a name (SAME_NAME_ONLY, saying why)");
    }

    @Test
    void theGatewayNamesProblemTypesAsTheServicesDo() {
        String gateway = read(ROOT.resolve("gateway/src/main/java/io/perfcenter/gateway/web/Problems.java"));
        for (Path types : copiesByName().get("ProblemTypes")) {
            String base = stringConstant(read(types), "BASE");
            assertEquals(base, stringConstant(gateway, "BASE"), "problem type base URI of the gateway and "
                    + ROOT.relativize(types));
        }
    }

    /** The classes of the services' main sources by simple name. */
    private static Map<String, List<Path>> copiesByName() {
        Map<String, List<Path>> byName = new TreeMap<>();
        for (String module : MODULES) {
            Path sources = ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> byName
                        .computeIfAbsent(p.getFileName().toString().replace(".java", ""), n -> new ArrayList<>())
                        .add(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return byName;
    }

    private static String module(Path file) {
        return ROOT.relativize(file).getName(0).toString();
    }

    /** The file's types, comments included, without its package declaration and imports. */
    private static String typeOnly(Path file) {
        CompilationUnit unit = parse(read(file));
        return unit.getTypes().stream().map(TypeDeclaration::toString).collect(Collectors.joining("\n"));
    }

    /** Each member of the file's main type by name (overloads together), printed with its comment. */
    private static Map<String, String> members(Path file) {
        CompilationUnit unit = parse(read(file));
        Map<String, String> members = new TreeMap<>();
        for (BodyDeclaration<?> member : unit.getType(0).getMembers()) {
            String name;
            if (member instanceof CallableDeclaration<?> callable) {
                name = callable.getNameAsString() + "()";
            } else if (member instanceof FieldDeclaration field) {
                name = field.getVariables().stream().map(VariableDeclarator::getNameAsString)
                        .collect(Collectors.joining(","));
            } else {
                continue;
            }
            members.merge(name, member.toString(), (a, b) -> a + "\n" + b);
        }
        return members;
    }

    private static String stringConstant(String source, String name) {
        return parse(source).getType(0).getFieldByName(name)
                .orElseThrow(() -> new AssertionError("no field " + name))
                .getVariable(0).getInitializer().orElseThrow().asStringLiteralExpr().getValue();
    }

    private static CompilationUnit parse(String source) {
        return new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parse(source).getResult()
                .orElseThrow(() -> new AssertionError("cannot parse:\n" + source));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.perfcenter.gateway.console;

import io.quarkus.qute.TemplateExtension;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The words for the API's codes on the console's pages, in the page's language: statuses (of runs, scorecards,
 * appeals, coaching sessions, improvement plans, mentorships, calibrations, QA evaluations, pay runs), appeal kinds,
 * a run's history actions and change kinds, records' kinds and field names, payout line kinds. Each is a label of
 * {@link ConsoleMessages} named after the code: {@code code} + the code in camel case ({@code IN_REVIEW},
 * {@code in review} → {@code codeInReview}, {@code qa-evaluations} → {@code codeQaEvaluations}), a record's field
 * {@code field} + its name ({@code talkSeconds} → {@code fieldTalkSeconds}). A code with no label (one the API
 * gains later) is shown as it is, never blank.
 *
 * <p>Templates use it as {@code {code:label(r.status)}}, {@code {code:of('appeal', a.status)}} (a label of that
 * domain first, e.g. {@code codeOpenInAppeal}, else the general one) and {@code {code:field(name)}}.
 */
@TemplateExtension(namespace = "code")
public final class CodeLabels {

    /** What a code may look like to be looked up: letters, digits, spaces, '_' and '-'. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9 _-]{1,64}");
    private static final Pattern SEPARATORS = Pattern.compile("[ _-]+");
    /** The labels found by name (empty: none), so that each key is looked for once. */
    private static final Map<String, Optional<Method>> LABELS = new ConcurrentHashMap<>();

    private CodeLabels() {
    }

    /** The code's label in the page's language, else the code itself ("" for none). */
    public static String label(Object code) {
        if (code == null) {
            return "";
        }
        String text = code.toString();
        return lookup(key("code", text)).orElse(text);
    }

    /**
     * The code's label in the domain ({@code code} + the code + {@code In} + the domain: an appeal's OPEN is
     * {@code codeOpenInAppeal}), else its general label, else the code.
     */
    public static String of(String domain, Object code) {
        if (code == null) {
            return "";
        }
        String text = code.toString();
        String in = domain == null ? null : key("", domain);
        String camel = key("", text);
        Optional<String> own = in == null || camel == null ? Optional.empty() : lookup("code" + camel + "In" + in);
        return own.or(() -> lookup(key("code", text))).orElse(text);
    }

    /**
     * A status as the API spells it ({@code in review} → {@code IN_REVIEW}), for a title next to its label: the
     * code an operator finds in the API's answers and documentation.
     */
    public static String api(Object code) {
        return code == null ? "" : SEPARATORS.matcher(code.toString().trim()).replaceAll("_").toUpperCase(Locale.ROOT);
    }

    /** A record field's label (e.g. talkSeconds → talk seconds), else its name. */
    public static String field(Object name) {
        if (name == null) {
            return "";
        }
        String text = name.toString();
        if (text.isEmpty() || !CODE.matcher(text).matches()) {
            return text;
        }
        return lookup("field" + Character.toUpperCase(text.charAt(0)) + text.substring(1)).orElse(text);
    }

    /**
     * The key of a code: {@code prefix} + its words, each capitalised ({@code in review}, {@code IN_REVIEW} →
     * {@code InReview}); null for what does not look like a code.
     */
    static String key(String prefix, String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return null;
        }
        StringBuilder key = new StringBuilder(prefix);
        for (String word : SEPARATORS.split(code.trim())) {
            if (!word.isEmpty()) {
                key.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return key.length() == prefix.length() ? null : key.toString();
    }

    private static Optional<String> lookup(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<Method> method = LABELS.computeIfAbsent(key, k -> {
            try {
                Method m = ConsoleMessages.class.getMethod(k);
                return m.getReturnType() == String.class ? Optional.of(m) : Optional.empty();
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        });
        if (method.isEmpty()) {
            return Optional.empty();
        }
        try {
            String label = (String) method.get().invoke(ConsoleKit.msg());
            return label == null || label.isBlank() ? Optional.empty() : Optional.of(label);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

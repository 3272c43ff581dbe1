package io.perfcenter.gateway.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every label of the console has its zh-CN text, naming the same parameters, and the zh-CN file nothing else. */
class ConsoleMessagesTests {

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

    @Test
    void everyLabelHasItsChineseTextWithTheSameParameters() throws IOException {
        Properties zh = new Properties();
        try (Reader in = new InputStreamReader(ConsoleMessagesTests.class.getResourceAsStream(
                "/messages/msg_zh_CN.properties"), StandardCharsets.UTF_8)) {
            zh.load(in);
        }
        Set<String> keys = Arrays.stream(ConsoleMessages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(keys, new TreeSet<>(zh.stringPropertyNames()), "the same keys in English and Chinese");
        for (Method m : ConsoleMessages.class.getDeclaredMethods()) {
            String en = m.getAnnotation(io.quarkus.qute.i18n.Message.class).value();
            String chinese = zh.getProperty(m.getName());
            assertEquals(parameters(en), parameters(chinese), m.getName() + ": " + chinese);
            assertTrue(m.getName().equals("htmlLang") || !chinese.equals(en) || en.matches("[^A-Za-z]*"),
                    m.getName() + " is translated: " + chinese);
        }
    }

    private static Set<String> parameters(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PARAMETER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}

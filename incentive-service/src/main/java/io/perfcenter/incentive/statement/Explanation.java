package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.web.Language;

import java.util.Objects;

/**
 * What a statement line, a promotion rule or an honor says about itself, in English and in Simplified Chinese: each
 * section and rule kind writes both at compute time, with the same figures (the one formatter, {@link Numbers}) in
 * both texts. {@code zh} is null only for a text stored before the Chinese one was kept (Flyway V8): read in
 * Chinese, such a text falls back to English.
 */
public record Explanation(String en, String zh) {

    public Explanation {
        Objects.requireNonNull(en, "en");
    }

    /** A text that reads the same in both languages (a code, a figure, a name HR gave in one language). */
    public static Explanation same(String text) {
        return new Explanation(text, text);
    }

    /** This text followed by another, in each language. */
    public Explanation plus(Explanation more) {
        return new Explanation(en + more.en, zhOrEn() + more.zhOrEn());
    }

    /** This text followed by a suffix, {@code en} in English and {@code zh} in Chinese. */
    public Explanation plus(String en, String zh) {
        return new Explanation(this.en + en, zhOrEn() + zh);
    }

    /** The text in the language asked for; English when there is no Chinese one (stored before V8). */
    public String in(Language language) {
        return language.pick(en, zh);
    }

    private String zhOrEn() {
        return zh == null ? en : zh;
    }
}

package io.perfcenter.incentive.web;

import java.util.Locale;

/**
 * The language an answer's explanations are written in: Simplified Chinese when the caller's {@code Accept-Language}
 * prefers any {@code zh} (zh, zh-CN, zh-Hans, zh-TW …) to English, English otherwise (no header, another language,
 * a malformed header). Ranges are taken by weight; a range of weight 0 is refused, not chosen. The gateway's console
 * sends its page language this way.
 */
public enum Language {
    EN("en"), ZH("zh-CN");

    public static final String ACCEPT_LANGUAGE = "Accept-Language";
    public static final String CONTENT_LANGUAGE = "Content-Language";
    /** How an operation that answers with explanations documents the header. */
    public static final String ACCEPT_DOC = "The language of the explanations in the answer: any zh (zh-CN, zh, "
            + "zh-Hans …) preferred to English answers them in Simplified Chinese, anything else (or none) in "
            + "English. Texts computed before Chinese ones were stored (Flyway V8) are answered in English.";
    public static final String CONTENT_DOC = "The language of the explanations in the answer: zh-CN or en";

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag answered in {@code Content-Language}. */
    public String tag() {
        return tag;
    }

    /** {@code zh} in Chinese when there is one, else {@code en}. */
    public String pick(String en, String zh) {
        return this == ZH && zh != null ? zh : en;
    }

    /** The first range of the header, by weight, that is Chinese or English; English when none is. */
    public static Language of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1000) {
            return EN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String r = range.getRange().toLowerCase(Locale.ROOT);
                if (r.equals("zh") || r.startsWith("zh-")) {
                    return ZH;
                }
                if (r.equals("en") || r.startsWith("en-")) {
                    return EN;
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed header counts as none
        }
        return EN;
    }
}

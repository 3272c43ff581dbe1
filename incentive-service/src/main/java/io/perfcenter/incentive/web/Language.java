package io.perfcenter.incentive.web;

/**
 * The language an answer's explanations are written in: Simplified Chinese when the most preferred range of the
 * caller's {@code Accept-Language} (by weight) is any {@code zh} (zh, zh-CN, zh-Hans, zh-TW …), English otherwise (no
 * header, another language first, {@code zh;q=0}, a malformed header), as for problem titles. The gateway's console
 * sends its page language this way.
 */
public enum Language {
    EN("en"), ZH("zh-CN");

    public static final String ACCEPT_LANGUAGE = "Accept-Language";
    public static final String CONTENT_LANGUAGE = "Content-Language";
    /**
     * How every operation that answers in both languages ({@link Explained}) documents the header parameter: the same
     * description in every service's document (scoring's {@code web/Languages}), so the merged document declares one
     * parameter one way.
     */
    public static final String ACCEPT_DOC = "The language of the texts the service writes in the answer (explanations, "
            + "reasons, details): a most preferred zh (zh-CN, zh, zh-Hans-CN …) answers Simplified Chinese, anything "
            + "else (or none) English, as Content-Language says. Texts stored before their Chinese was kept are "
            + "answered in English; what people wrote is answered as written.";
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

    /**
     * Chinese when the most preferred range of the header is any zh, English otherwise: the same reading as the
     * problem titles' ({@link ProblemTypes}), so that one request gets one language.
     */
    public static Language of(String acceptLanguage) {
        return ProblemTypes.prefersChinese(acceptLanguage) ? ZH : EN;
    }
}

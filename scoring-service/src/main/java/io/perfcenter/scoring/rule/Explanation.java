package io.perfcenter.scoring.rule;

/**
 * An explanation a scorecard shows, in English and in Simplified Chinese, written once when the scorecard is computed
 * and stored in both languages; the API answers the one {@code Accept-Language} asks for. The figures are the same in
 * both (written by {@link Figures}); only the words differ. A scorecard computed before the Chinese was kept has none:
 * {@link #zh} is then null and readers fall back to the English ({@link #in}).
 */
public record Explanation(String en, String zh) {

    public static Explanation of(String en, String zh) {
        return new Explanation(en, zh);
    }

    /** The same text in both languages: figures, codes, an expression, a reason someone wrote. */
    public static Explanation same(String text) {
        return new Explanation(text, text);
    }

    /**
     * This one followed by {@code more}, language by language. In the Chinese a space after full-width punctuation
     * (（满分）, ，；：) is left out: "（小组 G1）= 94.74%", not "（小组 G1） = 94.74%".
     */
    public Explanation plus(Explanation more) {
        return new Explanation(en + more.en, zh == null || more.zh == null ? null : joinZh(zh, more.zh));
    }

    static String joinZh(String first, String then) {
        if (!first.isEmpty() && then.startsWith(" ") && "）：，；、".indexOf(first.charAt(first.length() - 1)) >= 0) {
            return first + then.substring(1);
        }
        return first + then;
    }

    /** This one followed by a text for each language. */
    public Explanation plus(String moreEn, String moreZh) {
        return plus(new Explanation(moreEn, moreZh));
    }

    /** In Chinese or English; Chinese falls back to the English when there is none (computed before it was kept). */
    public String in(boolean chinese) {
        return chinese && zh != null ? zh : en;
    }

    /** The English, or the Chinese when asked for and stored, of a stored pair (either may be null). */
    public static String in(boolean chinese, String en, String zh) {
        return chinese && zh != null ? zh : en;
    }
}

package io.perfcenter.incentive.web;

/**
 * An answer that carries explanations in both languages and shows them in one: the same answer with each explanation
 * field holding the text in {@code language} (English where no Chinese text was stored). No field is renamed or
 * added; the other language's texts are not serialized.
 */
public interface InLanguage<T> {

    T in(Language language);
}

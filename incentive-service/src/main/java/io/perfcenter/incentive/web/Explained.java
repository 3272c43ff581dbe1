package io.perfcenter.incentive.web;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation whose answer carries explanations (statement lines, honor reasons, promotion rule results): it is
 * answered in the language of the caller's {@code Accept-Language}, with {@code Content-Language}
 * ({@link ExplainedFilter}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Explained {
}

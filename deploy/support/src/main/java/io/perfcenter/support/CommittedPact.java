package io.perfcenter.support;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a consumer's Pact test class: once its tests have written {@code target/pacts/<consumer>-<provider>.json} (one per provider),
 * each pact must equal the one committed in the provider's {@code src/test/resources/pacts/} (which the provider's
 * verification test checks), metadata aside. Otherwise the class fails and says which file to copy where.
 * Declare it before {@code @PactConsumerTest}, so that it runs after Pact has written the file.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(CommittedPactCheck.class)
public @interface CommittedPact {

    /** The consumer's name in the pact, e.g. {@code scoring-service}. */
    String consumer();

    /** The providers' names in the pacts, which are also their module directories, e.g. {@code metrics-service}. */
    String[] provider();
}

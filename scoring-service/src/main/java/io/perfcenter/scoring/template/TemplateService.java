package io.perfcenter.scoring.template;

import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.template.TemplatePayloads.TemplateInput;
import io.perfcenter.scoring.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.OffsetDateTime;

/** Defines templates: a new code starts at version 1, defining an existing code again adds its next version. */
@ApplicationScoped
public class TemplateService {

    /** The center's clock (zone perfcenter.time-zone); tests may replace it. */
    @jakarta.inject.Inject
    java.time.Clock clock;

    private final EntityManager em;
    private final Caller caller;

    TemplateService(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    @Transactional
    public ScorecardTemplate define(TemplateInput input) {
        ScorecardTemplate template = draft(input);
        try {
            template.persist();
            em.flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw Problems.conflict("Template " + input.code() + " was redefined at the same moment; try again");
            }
            throw e;
        }
        return template;
    }

    /** A checked template as its next version would be, not stored (what-if previews store it and roll back). */
    public ScorecardTemplate draft(TemplateInput input) {
        TemplateValidation.Checked checked = TemplateValidation.check(input);
        ScorecardTemplate template = new ScorecardTemplate();
        template.code = input.code();
        template.version = ScorecardTemplate.latest(input.code()).map(t -> t.version + 1).orElse(1);
        template.name = input.name().strip();
        template.position = input.position().strip();
        template.items = checked.items();
        template.gradeBands = checked.gradeBands();
        template.options = checked.options();
        template.createdAt = OffsetDateTime.now(clock);
        template.createdBy = caller.name();
        return template;
    }

    public ScorecardTemplate latest(String code) {
        return ScorecardTemplate.latest(code).orElseThrow(() -> Problems.notFound("Template", code));
    }

    public ScorecardTemplate version(String code, int version) {
        return ScorecardTemplate.version(code, version)
                .orElseThrow(() -> Problems.notFound("Template", code + " version " + version));
    }
}

package io.perfcenter.scoring.template;

import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.template.TemplatePayloads.TemplateInput;
import io.perfcenter.scoring.web.EntityTags;
import io.perfcenter.scoring.web.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;
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
        return define(input, null);
    }

    /**
     * Stores the next version; with {@code ifMatch}, only while the latest version still has that entity tag
     * (else 412). A retired code is not defined again (409): its history stays as it was.
     */
    @Transactional
    public ScorecardTemplate define(TemplateInput input, String ifMatch) {
        if (input.code() != null) {
            lock(input.code());
            java.util.Optional<ScorecardTemplate> latest = ScorecardTemplate.latest(input.code());
            EntityTags.requireMatch(ifMatch, latest.map(ScorecardTemplate::entityTag).orElse(null),
                    "Template " + input.code());
            latest.filter(t -> t.retiredAt != null).ifPresent(t -> {
                throw retired(t);
            });
        }
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
        template.nameZh = Labels.stripped(input.nameZh());
        template.nameEn = Labels.stripped(input.nameEn());
        template.position = input.position().strip();
        template.items = checked.items();
        template.gradeBands = checked.gradeBands();
        template.options = checked.options();
        template.createdAt = OffsetDateTime.now(clock);
        template.createdBy = caller.name();
        return template;
    }

    /**
     * Retires a template: every version is kept and still reads, but the template leaves the default list and can be
     * used for no new run. Retiring a retired template changes nothing and answers it as it is.
     */
    @Transactional
    public ScorecardTemplate retire(String code, String ifMatch) {
        lock(code);
        ScorecardTemplate latest = ScorecardTemplate.latest(code).orElse(null);
        EntityTags.requireMatch(ifMatch, latest == null ? null : latest.entityTag(), "Template " + code);
        if (latest == null) {
            throw Problems.notFound("Template", code);
        }
        if (latest.retiredAt == null) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            ScorecardTemplate.update("retiredAt = ?1, retiredBy = ?2 where code = ?3", now, caller.name(), code);
            em.refresh(latest);
        }
        return latest;
    }

    /** The 409 problem for using a retired template. */
    public static HttpProblem retired(ScorecardTemplate t) {
        return Problems.conflict("Template " + t.code + " was retired on " + t.retiredAt.toLocalDate() + " by "
                + t.retiredBy + "; it scores no new run and is not redefined (past runs still read)");
    }

    // one writer per code at a time: a definition and a retirement never interleave
    private void lock(String code) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext('scorecard_template:' || ?1))")
                .setParameter(1, code).getSingleResult();
    }

    public ScorecardTemplate latest(String code) {
        return ScorecardTemplate.latest(code).orElseThrow(() -> Problems.notFound("Template", code));
    }

    public ScorecardTemplate version(String code, int version) {
        return ScorecardTemplate.version(code, version)
                .orElseThrow(() -> Problems.notFound("Template", code + " version " + version));
    }
}

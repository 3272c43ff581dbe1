package io.perfcenter.incentive.definition;

import io.perfcenter.incentive.web.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Versioning of definitions: posting a code again adds the next version, one writer per code at a time. */
public final class Versions {

    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private Versions() {
    }

    /**
     * The version the code's next definition gets: 1, or one more than the latest. Holds a transaction-scoped lock
     * on the code (released at commit) so that two concurrent posts cannot take the same number.
     */
    public static int next(EntityManager em, String kind, String code, Supplier<Optional<Integer>> latest) {
        lock(em, kind, code);
        return latest.get().map(v -> v + 1).orElse(1);
    }

    /** One writer per code at a time (released at commit): a new version and a retirement never interleave. */
    public static void lock(EntityManager em, String kind, String code) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1 || ':' || ?2))")
                .setParameter(1, kind).setParameter(2, code).getSingleResult();
    }

    /**
     * Marks every version of a code retired (call under {@link #lock}); versions already retired keep when and by
     * whom. {@code entity} is the JPA entity name, which has {@code retiredAt} and {@code retiredBy}.
     */
    public static void retire(EntityManager em, String entity, String code, OffsetDateTime at, String by) {
        em.createQuery("UPDATE " + entity + " e SET e.retiredAt = :at, e.retiredBy = :by "
                        + "WHERE e.code = :code AND e.retiredAt IS NULL")
                .setParameter("at", at).setParameter("by", by).setParameter("code", code).executeUpdate();
    }

    /** The 409 problem for a retired code used for a new run or defined again. */
    public static HttpProblem retired(String what, String code, OffsetDateTime at, String by) {
        return Problems.conflict(what + " " + code + " was retired on " + at.toLocalDate() + " by " + by
                + "; it is used by no new run and not defined again (past runs still read)");
    }

    /** Checks what every definition has, a body, a code and a name, with a problem naming the first bad field. */
    public static void checkCodeAndName(Object body, String code, String name) {
        if (body == null) {
            throw Problems.invalid("body", "is required");
        }
        if (code == null || !CODE.matcher(code).matches()) {
            throw Problems.invalid("code", "must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw Problems.invalid("name", "is required, at most 200 characters");
        }
    }

    /**
     * A definition's optional label in one language ({@code nameZh}, {@code nameEn}: for pages in zh-CN or English,
     * the name shown where one is missing): not blank, at most 200 characters; answers it stripped (null stays null).
     */
    public static String checkedLabel(String field, String label) {
        if (label == null) {
            return null;
        }
        if (label.isBlank() || label.strip().length() > 200) {
            throw Problems.invalid(field, "must not be blank and at most 200 characters (leave it out instead)");
        }
        return label.strip();
    }

    /** Stores a checked definition as the next version of its code, and reads back what the database set. */
    public static <T, D extends VersionedDefinition<T>> D store(EntityManager em, D entity, String kind, String code,
                                                               String name, T definition, String createdBy,
                                                               Supplier<Optional<Integer>> latest) {
        entity.code = code;
        entity.version = next(em, kind, code, latest);
        entity.name = name;
        entity.setDefinition(definition);
        entity.createdBy = createdBy;
        entity.persist();
        em.flush();
        em.refresh(entity);
        return entity;
    }
}

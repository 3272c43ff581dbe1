package io.perfcenter.metrics.qa;

import io.perfcenter.metrics.catalog.NumberLimits;
import io.perfcenter.metrics.ingest.RecordField;
import io.perfcenter.metrics.qa.QaFormPayloads.AnswerType;
import io.perfcenter.metrics.qa.QaFormPayloads.CriticalEffect;
import io.perfcenter.metrics.qa.QaFormPayloads.FormInput;
import io.perfcenter.metrics.qa.QaFormPayloads.Item;
import io.perfcenter.metrics.qa.QaFormPayloads.Section;
import io.perfcenter.metrics.security.Caller;
import io.perfcenter.metrics.web.EntityTags;
import io.perfcenter.metrics.web.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Defines QA forms the way scorecard templates are defined: a new code starts at version 1, defining it again adds
 * the next version (versions never change, since evaluations name the version that scored them), and a retired form
 * keeps every version but is defined again by nobody and scores no new evaluation.
 */
@ApplicationScoped
public class QaFormService {

    static final int MAX_SECTIONS = 50;
    static final int MAX_ITEMS = 200;
    static final int MAX_NAME = 200;
    static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(1000);
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final EntityManager em;
    private final Caller caller;

    QaFormService(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** Stores the next version; with {@code ifMatch} only while the latest version still has that tag (else 412). */
    @Transactional
    public QaForm define(FormInput input, String ifMatch) {
        List<Section> sections = check(input);
        lock(input.code());
        Optional<QaForm> latest = QaForm.latest(input.code());
        EntityTags.requireMatch(ifMatch, latest.map(QaForm::entityTag).orElse(null), "QA form " + input.code());
        latest.filter(f -> f.retiredAt != null).ifPresent(f -> {
            throw retired(f);
        });
        QaForm form = new QaForm();
        form.code = input.code();
        form.version = latest.map(f -> f.version + 1).orElse(1);
        form.name = input.name().strip();
        form.description = input.description() == null || input.description().isBlank() ? null
                : input.description().strip();
        form.sections = sections;
        form.createdAt = OffsetDateTime.now();
        form.createdBy = caller.name();
        form.persist();
        return form;
    }

    /** Retires every version of the form; retiring a retired form changes nothing. */
    @Transactional
    public QaForm retire(String code, String ifMatch) {
        lock(code);
        QaForm latest = QaForm.latest(code).orElse(null);
        EntityTags.requireMatch(ifMatch, latest == null ? null : latest.entityTag(), "QA form " + code);
        if (latest == null) {
            throw Problems.notFound("QA form", code);
        }
        if (latest.retiredAt == null) {
            OffsetDateTime now = OffsetDateTime.now();
            QaForm.update("retiredAt = ?1, retiredBy = ?2 where code = ?3", now, caller.name(), code);
            em.refresh(latest);
        }
        return latest;
    }

    public QaForm latest(String code) {
        return QaForm.latest(code).orElseThrow(() -> Problems.notFound("QA form", code));
    }

    public QaForm version(String code, int version) {
        return QaForm.version(code, version).orElseThrow(() -> Problems.notFound("QA form", code + " version "
                + version));
    }

    /** The 409 problem for using or redefining a retired form. */
    static HttpProblem retired(QaForm f) {
        return Problems.conflict("QA form " + f.code + " was retired on " + f.retiredAt.toLocalDate() + " by "
                + f.retiredBy + "; it scores no new evaluation and is not redefined (past evaluations still read)");
    }

    // one writer per code at a time: a definition and a retirement never interleave
    private void lock(String code) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext('qa_form:' || ?1))")
                .setParameter(1, code).getSingleResult();
    }

    /** The form's sections as stored, or a 400 problem naming the first offending field. */
    static List<Section> check(FormInput input) {
        code(input.code(), "code");
        name(input.name(), "name");
        if (input.description() != null && input.description().length() > 2000) {
            throw Problems.invalid("description", "is longer than 2000 characters");
        }
        if (input.sections() == null || input.sections().isEmpty()) {
            throw Problems.invalid("sections", "give at least one section with items");
        }
        if (input.sections().size() > MAX_SECTIONS) {
            throw Problems.invalid("sections", "at most " + MAX_SECTIONS + " sections");
        }
        Set<String> sectionCodes = new HashSet<>();
        Set<String> itemCodes = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        List<Section> sections = new ArrayList<>();
        for (int s = 0; s < input.sections().size(); s++) {
            Section section = input.sections().get(s);
            String at = "sections[" + s + "]";
            if (section == null) {
                throw Problems.invalid(at, "is required");
            }
            code(section.code(), at + ".code");
            if (!sectionCodes.add(section.code())) {
                throw Problems.invalid(at + ".code", "section " + section.code() + " is given twice");
            }
            name(section.name(), at + ".name");
            if (section.items() == null || section.items().isEmpty()) {
                throw Problems.invalid(at + ".items", "give at least one item");
            }
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < section.items().size(); i++) {
                Item item = item(section.items().get(i), at + ".items[" + i + "]");
                if (!itemCodes.add(item.code())) {
                    throw Problems.invalid(at + ".items[" + i + "].code", "item " + item.code()
                            + " is given twice in the form (evaluations name items by code)");
                }
                if (itemCodes.size() > MAX_ITEMS) {
                    throw Problems.invalid(at + ".items", "a form has at most " + MAX_ITEMS + " items");
                }
                total = total.add(item.weight());
                items.add(item);
            }
            sections.add(new Section(section.code(), section.name().strip(), List.copyOf(items)));
        }
        if (total.signum() == 0) {
            throw Problems.invalid("sections", "the weights of the items add up to 0; at least one must weigh");
        }
        return List.copyOf(sections);
    }

    private static Item item(Item item, String at) {
        if (item == null) {
            throw Problems.invalid(at, "is required");
        }
        code(item.code(), at + ".code");
        name(item.name(), at + ".name");
        number(item.weight(), at + ".weight", BigDecimal.ZERO, MAX_WEIGHT);
        if (item.answer() == null) {
            throw Problems.invalid(at + ".answer", "is required (SCALE or YES_NO)");
        }
        Integer passMark = item.passMark();
        if (item.answer() == AnswerType.SCALE) {
            if (item.scaleMax() == null || item.scaleMax() < 1 || item.scaleMax() > 100) {
                throw Problems.invalid(at + ".scaleMax", "a SCALE item needs scaleMax from 1 to 100");
            }
            if (passMark != null && (passMark < 0 || passMark > item.scaleMax())) {
                throw Problems.invalid(at + ".passMark", "must be from 0 to scaleMax (" + item.scaleMax() + ")");
            }
            passMark = passMark == null ? item.scaleMax() : passMark;
        } else {
            if (item.scaleMax() != null) {
                throw Problems.invalid(at + ".scaleMax", "only SCALE items have a scale");
            }
            if (passMark != null) {
                throw Problems.invalid(at + ".passMark", "only SCALE items have a pass mark (YES_NO passes on yes)");
            }
        }
        if (item.critical() == CriticalEffect.CAP) {
            number(item.capAt(), at + ".capAt", BigDecimal.ZERO, HUNDRED);
            if (item.capAt().stripTrailingZeros().scale() > 2) {
                throw Problems.invalid(at + ".capAt", "must have at most 2 decimal places");
            }
        } else if (item.capAt() != null) {
            throw Problems.invalid(at + ".capAt", "only items with critical CAP have capAt");
        }
        return new Item(item.code(), item.name().strip(), item.weight(), item.answer(),
                item.scaleMax(), passMark, item.notApplicableAllowed(), item.critical(),
                item.capAt());
    }

    private static void code(String code, String field) {
        if (code == null || code.isBlank()) {
            throw Problems.invalid(field, "is required");
        }
        if (!RecordField.CODE_FORM.matcher(code).matches()) {
            throw Problems.invalid(field, "must be 1-64 letters, digits, '_', '.' or '-'");
        }
    }

    private static void name(String name, String field) {
        if (name == null || name.isBlank()) {
            throw Problems.invalid(field, "is required");
        }
        if (name.length() > MAX_NAME) {
            throw Problems.invalid(field, "is longer than " + MAX_NAME + " characters");
        }
    }

    private static void number(BigDecimal v, String field, BigDecimal min, BigDecimal max) {
        if (v == null) {
            throw Problems.invalid(field, "is required");
        }
        String limit = NumberLimits.problem(v);
        if (limit != null) {
            throw Problems.invalid(field, limit);
        }
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw Problems.invalid(field, "must be from " + min.toPlainString() + " to " + max.toPlainString());
        }
    }
}

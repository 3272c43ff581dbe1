package io.perfcenter.incentive.engagement;

import io.perfcenter.incentive.engagement.EngagementPayloads.BadgeInput;
import io.perfcenter.incentive.web.EntityTags;
import io.perfcenter.incentive.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** The badge catalog: a code is defined once, retired and never deleted (README "Retiring definitions"). */
@ApplicationScoped
public class BadgeService {

    @Inject
    Clock clock;

    @Transactional
    public Badge create(BadgeInput in, String by) {
        if (in == null) {
            throw Problems.invalid("body", "is required");
        }
        LeaderboardService.checkCode("code", in.code());
        name("nameZh", in.nameZh());
        name("nameEn", in.nameEn());
        if (in.description() != null && in.description().length() > 2000) {
            throw Problems.invalid("description", "at most 2000 characters");
        }
        Badge existing = Badge.findById(in.code());
        if (existing != null) {
            throw Problems.conflict("Badge " + in.code() + (existing.retiredAt != null ? " was retired" : " exists")
                    + ": a badge code is defined once");
        }
        Badge b = new Badge();
        b.code = in.code();
        b.nameZh = in.nameZh().strip();
        b.nameEn = in.nameEn().strip();
        b.description = in.description();
        b.createdAt = OffsetDateTime.now(clock);
        b.createdBy = by;
        b.persist();
        return b;
    }

    private static void name(String field, String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw Problems.invalid(field, "is required, 1 to 200 characters");
        }
    }

    @Transactional
    public List<Badge> list(boolean includeRetired) {
        return Badge.listed(includeRetired);
    }

    @Transactional
    public Badge get(String code) {
        Badge b = Badge.findById(code);
        if (b == null) {
            throw Problems.notFound("Badge", code);
        }
        return b;
    }

    /** Retires the badge: it keeps every grant, leaves the default list and is awarded by no new contest. */
    @Transactional
    public Badge retire(String code, String ifMatch, String by) {
        Badge b = Badge.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (b == null) {
            EntityTags.requireMatch(ifMatch, null, "Badge " + code);
            throw Problems.notFound("Badge", code);
        }
        EntityTags.requireMatch(ifMatch, b.entityTag(), "Badge " + code);
        if (b.retiredAt == null) {
            b.retiredAt = OffsetDateTime.now(clock);
            b.retiredBy = by;
        }
        return b;
    }
}

package io.perfcenter.metrics.events;

import io.perfcenter.metrics.events.EventPayloads.NotificationView;
import io.perfcenter.metrics.security.Caller;
import io.perfcenter.metrics.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A person's feed: only their own notifications (by the token's employee id), newest first. Another person's
 * notification answers 404 exactly as an unknown id; a token without an employee id has no feed.
 */
@ApplicationScoped
public class NotificationService {

    private final Caller caller;

    NotificationService(Caller caller) {
        this.caller = caller;
    }

    public List<NotificationView> feed(boolean unreadOnly, int offset, int limit) {
        String me = caller.employeeId().orElse(null);
        if (me == null) {
            return List.of();
        }
        return Notification.<Notification>find("recipient = ?1" + (unreadOnly ? " and readAt is null" : "")
                        + " order by id desc", me)
                .range(offset, offset + limit - 1).list().stream().map(NotificationView::of).toList();
    }

    public long count(boolean unreadOnly) {
        String me = caller.employeeId().orElse(null);
        return me == null ? 0 : Notification.count("recipient = ?1" + (unreadOnly ? " and readAt is null" : ""), me);
    }

    /** Marks one's own notification read (idempotent: the first reading time is kept). */
    @Transactional
    public NotificationView markRead(long id) {
        String me = caller.employeeId().orElse(null);
        Notification n = Notification.<Notification>findByIdOptional(id)
                .filter(x -> x.recipient.equals(me))
                .orElseThrow(() -> Problems.notFound("Notification", id));
        if (n.readAt == null) {
            n.readAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        }
        return NotificationView.of(n);
    }
}

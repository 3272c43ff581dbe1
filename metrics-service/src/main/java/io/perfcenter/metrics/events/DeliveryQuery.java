package io.perfcenter.metrics.events;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.TypedQuery;

import java.util.List;

/** The delivery log's filters as one JPQL query, newest delivery first. */
final class DeliveryQuery {

    private static final String WHERE = " from WebhookDelivery d, LoggedEvent e where e.seq = d.eventSeq"
            + " and (:subscription is null or d.subscriptionId = :subscription)"
            + " and (:status is null or d.status = :status)"
            + " and (:eventId is null or e.eventId = :eventId)";

    private DeliveryQuery() {
    }

    static List<Object[]> rows(Long subscriptionId, WebhookDelivery.Status status, String eventId, int offset,
                               int limit) {
        TypedQuery<Object[]> q = Panache.getEntityManager().createQuery("select d, e" + WHERE + " order by d.id desc",
                Object[].class);
        bind(q, subscriptionId, status, eventId);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    static long count(Long subscriptionId, WebhookDelivery.Status status, String eventId) {
        TypedQuery<Long> q = Panache.getEntityManager().createQuery("select count(d)" + WHERE, Long.class);
        bind(q, subscriptionId, status, eventId);
        return q.getSingleResult();
    }

    private static void bind(TypedQuery<?> q, Long subscriptionId, WebhookDelivery.Status status, String eventId) {
        q.setParameter("subscription", subscriptionId).setParameter("status", status)
                .setParameter("eventId", eventId == null || eventId.isBlank() ? null : eventId);
    }
}

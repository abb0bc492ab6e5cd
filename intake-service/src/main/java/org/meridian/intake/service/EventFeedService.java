package org.meridian.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.meridian.intake.domain.OutboxEvent;
import org.meridian.intake.persistence.OutboxRepository;

/** Serves the outbox to outcomes-service; ordering guarantees are explained on {@link OutboxRepository}. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EventFeedService {

    private final OutboxRepository outbox;

    EventFeedService(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    /** The highest committed position (consumers measure their lag with it). */
    public long head() {
        return outbox.headPosition();
    }

    public List<OutboxEvent> after(long position, int limit) {
        return outbox.readAfter(position, limit);
    }
}

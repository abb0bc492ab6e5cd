package org.meridian.intake.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.meridian.intake.persistence.OutboxRepository;

/**
 * meridian_outbox_head_position: the highest outbox position committed, read once at start-up and raised by each
 * commit of an event on this replica (no query per scrape). A replica that wrote nothing since it started shows the
 * head as of its start; {@code max} over the replicas is the feed's head.
 */
@Startup
@ApplicationScoped
public class OutboxHead {

    private final AtomicLong head = new AtomicLong();
    private final TransactionSynchronizationRegistry transactions;

    OutboxHead(OutboxRepository outbox, TransactionSynchronizationRegistry transactions, MeterRegistry registry) {
        this.transactions = transactions;
        head.set(QuarkusTransaction.requiringNew().call(outbox::headPosition));
        Gauge.builder("meridian.outbox.head.position", head, AtomicLong::get)
                .description("Highest position committed to the outbox: the feed's head")
                .register(registry);
    }

    /** Raises the head to {@code position} once the current transaction has committed. */
    void appendedInThisTransaction(long position) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    head.accumulateAndGet(position, Math::max);
                }
            }
        });
    }
}

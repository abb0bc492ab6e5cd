package org.meridian.intake.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.meridian.intake.domain.OutboxEvent;

/**
 * The transactional outbox (table {@code outbox_event}). Rows are written in the transaction of the change they
 * describe, so an event exists if and only if its change committed.
 *
 * <p>Why an advisory lock: positions come from a sequence, and a sequence hands out numbers at insert time, not at
 * commit time. Without care, transaction A takes 5, B takes 6 and commits first; a reader then sees 6, moves its
 * cursor past 5, and never sees 5 once A commits. {@link #append} therefore takes a transaction-level advisory lock
 * ({@code pg_advisory_xact_lock}) before taking a position. PostgreSQL releases that lock only after the commit (or
 * rollback) is complete and visible, so the next writer takes its position strictly after every earlier position is
 * either committed or rolled back. Any snapshot a reader takes therefore contains a gap-free prefix of committed
 * positions (rolled-back positions simply never appear), and a plain {@code position > :after} query can never skip an
 * event. The price is that outbox writes serialize for the short time between the insert and the commit; services
 * write the event as the last statement of their transaction to keep that time short. The alternative,
 * serving only rows older than {@code pg_snapshot_xmin}, would need the cursor to follow transaction ids rather than
 * positions, because a transaction may obtain its xid before another but its position after it.
 */
@ApplicationScoped
public class OutboxRepository {

    /** The advisory lock key of the outbox: the ASCII bytes of "MERIDIAN" (only intake-service uses it). */
    static final long OUTBOX_LOCK_KEY = 0x4D4552494449414EL;

    private static final String APPEND = """
            insert into outbox_event (position, event_id, type, clinic_id, pseudonym_id, occurred_at, payload)
            values (nextval('outbox_event_position_seq'), ?, ?, ?, ?, ?, cast(? as jsonb))
            returning position""";

    private static final String READ = """
            select position, event_id, type, occurred_at, clinic_id, pseudonym_id, payload::text
              from outbox_event
             where position > ?
             order by position
             limit ?""";

    private final EntityManager entityManager;

    OutboxRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Appends an event in the current transaction and returns its position. */
    public long append(
            UUID eventId, String type, UUID clinicId, UUID pseudonymId, Instant occurredAt, String payloadJson) {
        // Flush pending entity changes first, so that the lock is held only for the insert and the commit.
        entityManager.flush();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            lock(connection);
            try (PreparedStatement insert = connection.prepareStatement(APPEND)) {
                insert.setObject(1, eventId);
                insert.setString(2, type);
                insert.setObject(3, clinicId);
                insert.setObject(4, pseudonymId, Types.OTHER);
                insert.setObject(5, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC));
                insert.setString(6, payloadJson);
                try (ResultSet result = insert.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        });
    }

    /** Up to {@code limit} events after position {@code after}, in position order. */
    public List<OutboxEvent> readAfter(long after, int limit) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement read = connection.prepareStatement(READ)) {
                read.setLong(1, after);
                read.setInt(2, limit);
                List<OutboxEvent> events = new ArrayList<>();
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        events.add(new OutboxEvent(
                                rows.getLong(1),
                                rows.getObject(2, UUID.class),
                                rows.getString(3),
                                rows.getObject(4, OffsetDateTime.class).toInstant(),
                                rows.getObject(5, UUID.class),
                                rows.getObject(6, UUID.class),
                                rows.getString(7)));
                    }
                }
                return events;
            }
        });
    }

    /** The highest committed position; 0 for an empty outbox. */
    public long headPosition() {
        return ((Number) entityManager
                        .createNativeQuery("select coalesce(max(position), 0) from outbox_event")
                        .getSingleResult())
                .longValue();
    }

    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, OUTBOX_LOCK_KEY);
            lock.execute();
        }
    }
}

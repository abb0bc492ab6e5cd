package org.meridian.intake.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Appends audit rows for the whole service through one writer thread: every row waiting when the thread is free goes
 * into one JDBC batch and one commit. Under load, dozens of requests share a transaction and a WAL flush instead of
 * paying for one each; a lone request waits for its own single-row commit, as before. The futures complete once the
 * rows are committed, so a caller that waits knows its row is durable.
 */
@ApplicationScoped
public class AuditWriter {

    private static final int MAX_BATCH = 256;
    private static final int MAX_WAITING = 10_000;
    private static final String INSERT = """
            INSERT INTO audit_event (occurred_at, subject, roles, clinic_id, client, request_id, remote_address,
                                     http_method, path, operation, resource_type, resource_id, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private record Pending(AuditEvent event, CompletableFuture<Void> written) {
    }

    private final AgroalDataSource dataSource;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>(MAX_WAITING);
    private volatile boolean running;
    private Thread thread;

    AuditWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = Thread.ofPlatform().name("audit-writer").daemon().start(this::writeUntilStopped);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Queues the row; the future completes when it is committed, or fails with the reason it could not be. */
    public CompletableFuture<Void> append(AuditEvent event) {
        Pending pending = new Pending(event, new CompletableFuture<>());
        if (!running) {
            write(List.of(pending)); // before start-up or after shutdown: write it on the caller's thread
        } else if (!waiting.offer(pending)) {
            pending.written().completeExceptionally(new IllegalStateException(
                    MAX_WAITING + " audit rows are already waiting for the database"));
        }
        return pending.written();
    }

    private void writeUntilStopped() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !waiting.isEmpty()) {
            try {
                Pending first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.error("Audit writer failed; continuing", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Pending pending : batch) {
                    bind(insert, pending.event());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            batch.forEach(pending -> pending.written().complete(null));
        } catch (SQLException | RuntimeException e) {
            batch.forEach(pending -> pending.written().completeExceptionally(e));
        }
    }

    private static void bind(PreparedStatement insert, AuditEvent event) throws SQLException {
        insert.setTimestamp(1, Timestamp.from(event.occurredAt));
        insert.setString(2, event.subject);
        insert.setString(3, event.roles);
        insert.setObject(4, event.clinicId, Types.OTHER);
        insert.setString(5, event.client);
        insert.setString(6, event.requestId);
        insert.setString(7, event.remoteAddress);
        insert.setString(8, event.httpMethod);
        insert.setString(9, event.path);
        insert.setString(10, event.operation);
        insert.setString(11, event.resourceType);
        insert.setString(12, event.resourceId);
        insert.setInt(13, event.status);
    }
}

package org.meridian.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Appends audit rows for the whole service through one writer thread: every row waiting when the thread is free goes
 * into one JDBC batch and one commit. Under load, dozens of requests share a transaction and a WAL flush instead of
 * paying for one each; a lone request waits for its own single-row commit, as before. The futures complete once the
 * rows are committed, so a caller that waits knows its row is durable. Its meters (docs/observability.md#business-metrics):
 * the queue's depth and capacity, each batch's time (written when every row committed, failed when any was lost) and
 * size, and the rows by what became of them (written, failed, refused because the queue was full).
 */
@ApplicationScoped
public class AuditWriter {

    private static final int MAX_BATCH = 256;
    private static final int MAX_WAITING = 10_000;
    /** The batch timer's name, which the latency buckets name too. */
    public static final String BATCH_TIMER = "meridian.audit.batch";

    private static final String INSERT = """
            INSERT INTO audit_event (occurred_at, subject, roles, clinic_id, client, request_id, remote_address,
                                     http_method, path, operation, resource_type, resource_id, status, request_query)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private record Pending(AuditEvent event, CompletableFuture<Void> written) {}

    private final AgroalDataSource dataSource;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>(MAX_WAITING);
    private final Timer batchWritten;
    private final Timer batchFailed;
    private final DistributionSummary batchRows;
    private final Counter rowsWritten;
    private final Counter rowsFailed;
    private final Counter rowsRefused;
    private volatile boolean running;
    private Thread thread;

    AuditWriter(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("meridian.audit.queue.depth", waiting, BlockingQueue::size)
                .description("Audit rows waiting for the writer thread")
                .register(registry);
        Gauge.builder("meridian.audit.queue.capacity", () -> MAX_WAITING)
                .description("The most audit rows that may wait")
                .register(registry);
        batchWritten = batchTimer(registry, "written");
        batchFailed = batchTimer(registry, "failed");
        batchRows = DistributionSummary.builder("meridian.audit.batch.rows")
                .description("Audit rows per batch")
                .register(registry);
        rowsWritten = rowCounter(registry, "written");
        rowsFailed = rowCounter(registry, "failed");
        rowsRefused = rowCounter(registry, "refused");
    }

    private static Timer batchTimer(MeterRegistry registry, String outcome) {
        return Timer.builder(BATCH_TIMER)
                .description("Time to write and commit one audit batch")
                .tag("outcome", outcome)
                .register(registry);
    }

    private static Counter rowCounter(MeterRegistry registry, String outcome) {
        return Counter.builder("meridian.audit.rows")
                .description("Audit rows: committed, lost with a failed batch, or refused because the queue was full")
                .tag("outcome", outcome)
                .register(registry);
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
        writeWaiting();
    }

    /** Queues the row; the future completes when it is committed, or fails with the reason it could not be. */
    public CompletableFuture<Void> append(AuditEvent event) {
        Pending pending = new Pending(event, new CompletableFuture<>());
        if (!running) {
            write(List.of(pending)); // before start-up or after shutdown: write it on the caller's thread
        } else if (!waiting.offer(pending)) {
            rowsRefused.increment();
            pending.written()
                    .completeExceptionally(new IllegalStateException(
                            MAX_WAITING + " audit rows are already waiting for the database"));
        } else if (!running) {
            writeWaiting(); // the writer stopped between the check and the offer: nobody else will write it
        }
        return pending.written();
    }

    private void writeUntilStopped() {
        try {
            List<Pending> batch = new ArrayList<>(MAX_BATCH);
            while (running) {
                Pending first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    waiting.drainTo(batch, MAX_BATCH - 1);
                    write(batch);
                    batch.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            Log.error("Audit writer stopped; audit rows are now written on the requests' threads", e);
            throw e;
        } finally {
            running = false;
            writeWaiting();
        }
    }

    private void writeWaiting() {
        List<Pending> rest = new ArrayList<>();
        while (waiting.drainTo(rest, MAX_BATCH) > 0) {
            write(rest);
            rest.clear();
        }
    }

    /**
     * One transaction for the batch; if it fails, each row alone on the same connection, so that one bad row cannot
     * lose the others. Without a connection (the database is down) the whole batch fails at once: retrying row by
     * row would make every request behind it wait for a pool timeout per row.
     */
    /** Writes the batch, counts it, then completes the futures: a caller that waited sees its row counted. */
    private void write(List<Pending> batch) {
        long started = System.nanoTime();
        List<Throwable> failures = writeBatch(batch);
        long failed = failures.stream().filter(Objects::nonNull).count();
        (failed == 0 ? batchWritten : batchFailed).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        batchRows.record(batch.size());
        rowsWritten.increment(batch.size() - failed);
        rowsFailed.increment(failed);
        for (int index = 0; index < batch.size(); index++) {
            Throwable failure = failures.get(index);
            if (failure == null) {
                batch.get(index).written().complete(null);
            } else {
                batch.get(index).written().completeExceptionally(failure);
            }
        }
    }

    /** What became of each row of the batch, in order: null when committed, else why not. */
    private List<Throwable> writeBatch(List<Pending> batch) {
        List<Throwable> failures = new ArrayList<>(Collections.nCopies(batch.size(), null));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insert(connection, batch);
            } catch (SQLException | RuntimeException e) {
                if (batch.size() == 1) {
                    failures.set(0, e);
                    return failures;
                }
                for (int index = 0; index < batch.size(); index++) {
                    try {
                        insert(connection, List.of(batch.get(index)));
                    } catch (SQLException | RuntimeException single) {
                        failures.set(index, single);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            Collections.fill(failures, e);
        }
        return failures;
    }

    private static void insert(Connection connection, List<Pending> batch) throws SQLException {
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
    }

    /** Fits every value to its column: what a caller sent (a made-up method, a NUL in a path) must not fail the row. */
    private static void bind(PreparedStatement insert, AuditEvent event) throws SQLException {
        insert.setTimestamp(1, Timestamp.from(event.occurredAt));
        insert.setString(2, fit(event.subject, 255));
        insert.setString(3, fit(event.roles, 255));
        insert.setObject(4, event.clinicId, Types.OTHER);
        insert.setString(5, fit(event.client, 255));
        insert.setString(6, fit(event.requestId, 128));
        insert.setString(7, fit(event.remoteAddress, 64));
        insert.setString(8, fit(event.httpMethod, 10));
        insert.setString(9, fit(event.path, 1000));
        insert.setString(10, fit(event.operation, 255));
        insert.setString(11, fit(event.resourceType, 64));
        insert.setString(12, fit(event.resourceId, 64));
        insert.setInt(13, event.status);
        insert.setString(14, fit(event.query, 2000));
    }

    private static String fit(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD');
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}

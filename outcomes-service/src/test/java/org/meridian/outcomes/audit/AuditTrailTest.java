package org.meridian.outcomes.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.meridian.platform.audit.AuditEvent;
import org.meridian.platform.audit.AuditWriter;
import org.meridian.platform.test.audit.AbstractAuditTrailTest;

@QuarkusTest
class AuditTrailTest extends AbstractAuditTrailTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditWriter writer;

    AuditTrailTest() {
        super("outcomes");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected CompletableFuture<Void> append(String subject, String httpMethod, String path, int status) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = Instant.now();
        event.subject = subject;
        event.httpMethod = httpMethod;
        event.path = path;
        event.status = status;
        return writer.append(event);
    }
}

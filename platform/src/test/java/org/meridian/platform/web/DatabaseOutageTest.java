package org.meridian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void recognisesARefusedConnectionDeepInTheCauseChain() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        assertThat(DatabaseOutage.causedBy(new PersistenceException("could not prepare statement", refused)))
                .isTrue();
    }

    @Test
    void recognisesAPoolThatCouldNotHandOutAConnectionInTime() {
        assertThat(DatabaseOutage.causedBy(new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
    }

    @Test
    void recognisesAPoolWhoseConnectionsAreAllInUse() {
        // Agroal's words when every pooled connection stays busy for the whole acquisition timeout.
        SQLException exhausted = new SQLException("Sorry, acquisition timeout!");
        assertThat(DatabaseOutage.causedBy(new PersistenceException("could not prepare statement", exhausted)))
                .isTrue();
    }

    @Test
    void recognisesAServerThatIsShuttingDown() {
        assertThat(DatabaseOutage.causedBy(
                        new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
    }

    @Test
    void leavesOtherDatabaseErrorsAlone() {
        assertThat(DatabaseOutage.causedBy(new SQLException("duplicate key value", "23505")))
                .isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("a bug"))).isFalse();
    }
}

package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/** {@link DatabaseOutage}: which failures mean "the database is out of reach", row by row. */
class DatabaseOutageTest {

  @Test
  void anUnreachableDatabaseInAnyOfItsFormsIsAnOutage() {
    // PostgreSQL shutting down (57P01), a closed connection (08003), Hikari's timeout, a refused connection
    assertThat(DatabaseOutage.isCause(new ProcessEngineException("flush", new SQLException(
        "FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
    assertThat(DatabaseOutage.isCause(new SQLException("This connection has been closed.", "08003"))).isTrue();
    assertThat(DatabaseOutage.isCause(new SQLTransientConnectionException("Connection is not available"))).isTrue();
    assertThat(DatabaseOutage.isCause(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
  }

  @Test
  void aFailedRollbackAfterTheConnectionBrokeIsAnOutage() {
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("rollback failed"));
    rollback.initApplicationException(new ProcessEngineException("flush", new SQLException(
        "FATAL: terminating connection due to administrator command", "57P01")));
    assertThat(DatabaseOutage.isCause(rollback)).isTrue();
    assertThat(DatabaseOutage.isCause(new RuntimeException("walk", rollback))).isTrue();
  }

  @Test
  void aFailureOfTheWorkItselfIsNot() {
    assertThat(DatabaseOutage.isCause(new ProcessEngineException("unknown region"))).isFalse();
    assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException("duplicate key",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("rollback failed"));
    rollback.initApplicationException(new IllegalStateException("no such stage"));
    assertThat(DatabaseOutage.isCause(rollback)).isFalse();
  }
}

package id.siaga.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure because the database is out of reach (a restart, a failover, a network cut)
 * from a failure of the work itself. Background work that must not lose a step (the national
 * start's walk, the outbox's record of a sent mail) waits and does that step again after the
 * first kind, and counts the second.
 */
public final class DatabaseOutage {

  private DatabaseOutage() {}

  /** True when {@code failure}, or one of its causes, says the database could not be reached. */
  public static boolean isCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException
          || cause instanceof ConnectException || cause instanceof DataAccessResourceFailureException
          || cause instanceof CannotCreateTransactionException) {
        return true;
      }
      // SQLSTATE class 08: connection exception; 57P01-57P03: the server shuts down or is starting
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
        return true;
      }
      // the work failed on a broken connection, then so did its rollback: Spring reports the rollback's
      // failure and keeps the work's own exception aside (seen when the database was restarted under load)
      if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
          && rollback.getApplicationException() != failure && isCause(rollback.getApplicationException())) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}

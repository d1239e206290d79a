package id.siaga.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/** A lost lock conflict is run again in a new transaction; other failures and endless conflicts are not hidden. */
class OutboxTransactionsTest {

  /** Counts begin, commit and rollback, so that each attempt is seen to be a transaction of its own. */
  static class CountingTransactions extends AbstractPlatformTransactionManager {
    int begun;
    int committed;
    int rolledBack;

    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
      begun++;
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
      committed++;
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
      rolledBack++;
    }
  }

  @Test
  void aDeadlockLoserIsRunAgainInANewTransaction() {
    CountingTransactions transactions = new CountingTransactions();
    AtomicInteger calls = new AtomicInteger();
    String result = new OutboxTransactions(transactions).execute(() -> {
      if (calls.incrementAndGet() < 3) {
        throw new CannotAcquireLockException("Deadlock detected");
      }
      return "claimed";
    });
    assertThat(result).isEqualTo("claimed");
    assertThat(calls).hasValue(3);
    assertThat(transactions.begun).isEqualTo(3);
    assertThat(transactions.rolledBack).isEqualTo(2);
    assertThat(transactions.committed).isEqualTo(1);
  }

  @Test
  void endlessConflictsAreReportedAfterTheLastAttempt() {
    CountingTransactions transactions = new CountingTransactions();
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> new OutboxTransactions(transactions).run(() -> {
      calls.incrementAndGet();
      throw new CannotAcquireLockException("Deadlock detected");
    })).isInstanceOf(CannotAcquireLockException.class);
    assertThat(calls).hasValue(OutboxTransactions.ATTEMPTS);
    assertThat(transactions.committed).isZero();
  }

  @Test
  void otherFailuresAreNotRetried() {
    CountingTransactions transactions = new CountingTransactions();
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> new OutboxTransactions(transactions).run(() -> {
      calls.incrementAndGet();
      throw new DataIntegrityViolationException("constraint");
    })).isInstanceOf(DataIntegrityViolationException.class);
    assertThat(calls).hasValue(1);
  }
}

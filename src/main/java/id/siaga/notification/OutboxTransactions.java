package id.siaga.notification;

import id.siaga.system.DatabaseOutage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's short transactions of its own (claims, records, releases), each retried when the
 * database chose it as the loser of a lock conflict. Two nodes claiming, recording and finishing
 * rows of the same batches at the same moment can deadlock on the row locks (H2 and PostgreSQL
 * both detect it and roll one side back); the loser's statement is safe to run again, because
 * every one of them is conditional on the owner or the status. Giving up after a few attempts
 * would leave a sent mail's rows SENDING until their lease runs out, and then send them twice.
 */
final class OutboxTransactions {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxTransactions.class);
  static final int ATTEMPTS = 6;

  private final TransactionTemplate template;

  OutboxTransactions(PlatformTransactionManager transactions) {
    this.template = new TransactionTemplate(transactions);
    this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  <T> T execute(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return template.execute(tx -> work.get());
      } catch (ConcurrencyFailureException conflict) {
        if (attempt >= ATTEMPTS) {
          throw conflict;
        }
        LOG.info("Outbox transaction lost a lock conflict (attempt {} of {}), again: {}", attempt, ATTEMPTS,
            conflict.getMostSpecificCause().toString());
        pause(attempt);
      }
    }
  }

  void run(Runnable work) {
    execute(() -> {
      work.run();
      return null;
    });
  }

  /**
   * Runs {@code work} like {@link #run}, and while the database cannot be reached (a restart, a
   * failover) tries again every second for up to {@code patience}. For the record that a mail was
   * handed to the SMTP server: lost, the mail would look unsent and go out again once its claim
   * ran out.
   */
  void runOnceReachable(Runnable work, java.time.Duration patience) {
    java.time.Instant giveUp = java.time.Instant.now().plus(patience);
    while (true) {
      try {
        run(work);
        return;
      } catch (RuntimeException e) {
        if (!DatabaseOutage.isCause(e) || java.time.Instant.now().isAfter(giveUp)) {
          throw e;
        }
        LOG.warn("Outbox: the database is out of reach ({}); recording a sent mail again in a second",
            e.getMessage());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying an outbox transaction", e);
    }
  }
}

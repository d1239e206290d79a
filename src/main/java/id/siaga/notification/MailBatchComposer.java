package id.siaga.notification;

import java.util.List;
import java.util.Set;

/**
 * Writes the one mail of a batch of queued keys ({@link MailOutbox#enqueue}). A feature provides a
 * composer for the kinds of mail it queues; {@link MailBatches} claims the ready keys of a batch
 * and asks the composer for the mail.
 */
public interface MailBatchComposer {

  /** Whether this composer writes the mails of batches of this kind. */
  boolean composes(MailKind kind);

  /**
   * The mail for these keys of one batch, and which of them it covers. A key it leaves out (its
   * task was completed meanwhile, say) is recorded as SKIPPED with the given reason; a batch of
   * which nothing is left sends no mail.
   */
  BatchMail compose(String batchKey, List<MailKey> keys);

  /** The mail, the keys it covers, and why the others are skipped. */
  record BatchMail(Mail mail, Set<MailKey> covered, String skipReason) {

    public static BatchMail nothing(String reason) {
      return new BatchMail(null, Set.of(), reason);
    }
  }
}

package id.siaga.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sends the queued mails of the outbox in batches: every batch key with a row queued at least
 * {@code siaga.mail.batch-window} ago gets one mail, written by the feature's
 * {@link MailBatchComposer}, covering its ready rows (at most {@code siaga.mail.batch-max} per
 * mail, 50 by default, so that a mail stays readable). So when 33 kecamatan tasks of one agency
 * fall due at the same instant, the agency gets one mail listing them.
 *
 * <p>Once per key: the rows are claimed with an owner and a lease (a conditional update, safe
 * across nodes), each claimed key is in exactly one mail, and marked SENT right after it was
 * accepted. A failed send leaves the rows PENDING with the error and an attempt counted; the next
 * round tries again, as long as it takes. Each round then updates the incidents of mails that keep
 * failing ({@link MailIncidents}): visible in Cockpit during an SMTP outage, resolved once the
 * mails are sent. The clock is the engine's ({@link ClockUtil}), the one the timers that queued
 * the rows ran on, so tests drive both with one clock.
 *
 * <p>The one window where a key can reach its recipients twice: the node stops (crash, kill) after
 * the SMTP server accepted the mail and before SENT was committed. Its rows stay SENDING until the
 * claim's lease ({@code siaga.mail.claim-lease}) runs out; then a round claims them again and sends
 * them again. The Message-ID is derived from the set of keys a mail covers ({@link #messageId}), so
 * when exactly the same keys are sent again the second copy carries the first one's
 * Message-ID and a mail client that keeps one message per Message-ID shows it once; many clients
 * and servers do, not all. When rows queued meanwhile join the re-sent batch, the set differs and
 * so does the Message-ID: the recipients see the earlier tasks twice, never a mail hidden because it
 * shares an ID with one they already have. The same derivation covers a send that failed at the
 * client while the server had accepted it (a timeout after the data was sent).
 */
@Service
public class MailBatches {

  private static final Logger LOG = LoggerFactory.getLogger(MailBatches.class);

  private final MailOutbox outbox;
  private final Mailer mailer;
  private final List<MailBatchComposer> composers;
  private final MailIncidents incidents;
  private final OutboxTransactions ownTransaction;
  private final Duration window;
  private final Duration claimLease;
  private final int maxPerMail;
  private final java.util.concurrent.locks.ReentrantLock roundLock = new java.util.concurrent.locks.ReentrantLock();

  MailBatches(MailOutbox outbox, Mailer mailer, List<MailBatchComposer> composers, MailIncidents incidents,
      PlatformTransactionManager transactions, @Value("${siaga.mail.batch-window:PT1M}") Duration window,
      @Value("${siaga.mail.claim-lease:PT5M}") Duration claimLease, @Value("${siaga.mail.batch-max:50}") int maxPerMail) {
    this.outbox = outbox;
    this.mailer = mailer;
    this.composers = composers;
    this.incidents = incidents;
    this.ownTransaction = new OutboxTransactions(transactions);
    this.window = window;
    this.claimLease = claimLease;
    this.maxPerMail = maxPerMail;
  }

  @Scheduled(initialDelayString = "${siaga.mail.batch-poll:PT15S}", fixedDelayString = "${siaga.mail.batch-poll:PT15S}")
  void onSchedule() {
    try {
      sendReady();
    } catch (RuntimeException e) {
      LOG.warn("Sending queued mails failed; next round retries: {}", e.toString());
    }
  }

  /**
   * One round: sends every ready batch now, then raises and resolves the incidents of the mails
   * that keep failing ({@link MailIncidents}), for the batches and for the mails sent from jobs.
   *
   * @return how many mails were sent
   */
  public int sendReady() {
    // one round at a time in this JVM (the schedule and an explicit call); other nodes are kept
    // apart by the claims
    roundLock.lock();
    try {
      int sent = sendReadyNow();
      try {
        MailIncidents.Round round = incidents.update();
        if (round.raised() + round.withoutExecution() + round.resolved() + round.postponed() > 0) {
          LOG.info("Mail incidents: {} raised, {} without execution, {} resolved, {} postponed", round.raised(),
              round.withoutExecution(), round.resolved(), round.postponed());
        }
      } catch (RuntimeException e) {
        LOG.warn("Updating the mail incidents failed; next round retries: {}", e.toString());
      }
      return sent;
    } finally {
      roundLock.unlock();
    }
  }

  private int sendReadyNow() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant readyBefore = now.minus(window);
    int sent = 0;
    for (String batchKey : ownTransaction.execute(() -> outbox.readyBatches(readyBefore, now))) {
      Outcome outcome;
      do {
        outcome = sendBatch(batchKey, readyBefore, now);
        if (outcome == Outcome.SENT) {
          sent++;
        }
      } while (outcome != Outcome.NOTHING_LEFT && outcome != Outcome.FAILED);
    }
    return sent;
  }

  private enum Outcome { SENT, SKIPPED, FAILED, NOTHING_LEFT }

  /** Sends one mail of up to {@code batch-max} rows of the batch. */
  private Outcome sendBatch(String batchKey, Instant readyBefore, Instant now) {
    String owner = Mailer.NODE + "/" + UUID.randomUUID();
    List<MailKey> keys = ownTransaction.execute(() -> outbox.claimBatch(batchKey, owner, readyBefore, now,
        now.plus(claimLease), maxPerMail));
    if (keys.isEmpty()) {
      return Outcome.NOTHING_LEFT;
    }
    try {
      return sendClaimed(batchKey, owner, keys);
    } catch (RuntimeException e) {
      // whatever failed after the claim (the composer, the database), the rows are free again at once
      LOG.warn("Batch {} ({} mails) not sent, retried next round: {}", batchKey, keys.size(), e.toString());
      finish(keys, owner, "PENDING", e.toString());
      return Outcome.FAILED;
    }
  }

  private Outcome sendClaimed(String batchKey, String owner, List<MailKey> keys) {
    MailKind kind = keys.get(0).kind();
    MailBatchComposer composer = composers.stream().filter(c -> c.composes(kind)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no composer for queued mails of kind " + kind));
    MailBatchComposer.BatchMail batch = composer.compose(batchKey, keys);
    keys.stream().filter(key -> !batch.covered().contains(key))
        .forEach(key -> finish(List.of(key), owner, "SKIPPED", batch.skipReason()));
    List<MailKey> covered = keys.stream().filter(batch.covered()::contains).toList();
    if (covered.isEmpty()) {
      return Outcome.SKIPPED;
    }
    Mail mail = batch.mail();
    String messageId = messageId(covered);
    ownTransaction.run(() -> outbox.recordBatch(owner, Mailer.recipientsText(mail), mail.subject(),
        messageId));
    if (!mail.hasRecipients()) {
      LOG.warn("Batch {} ({} mails) has no recipient with an e-mail address; recorded as SKIPPED", batchKey,
          covered.size());
      finish(covered, owner, "SKIPPED", "no recipient with an e-mail address");
      return Outcome.SKIPPED;
    }
    String note = mailer.deliver(covered.get(0), messageId, mail);
    // accepted by the server: the record of it must not be lost to a database restart, nor be
    // turned into a release by the failure handling below (the rows would be sent again)
    try {
      ownTransaction.runOnceReachable(() -> covered.forEach(key -> outbox.finishClaimed(key, owner, "SENT", note)),
          claimLease);
    } catch (RuntimeException e) {
      LOG.error("Batch {} was sent but could not be recorded as sent; it may go out again when its claim runs out: {}",
          batchKey, e.toString());
      return Outcome.FAILED;
    }
    LOG.info("Sent batch {} ({} mails in one) to {} recipient(s)", batchKey, covered.size(),
        mail.to().size() + mail.cc().size());
    return Outcome.SENT;
  }

  /**
   * The Message-ID of the mail that covers exactly these keys: the same every time they are sent
   * together (a name-based UUID of the sorted keys), different for any other set.
   */
  static String messageId(List<MailKey> covered) {
    String keys = String.join("\n", covered.stream().map(MailKey::toString).sorted().toList());
    return "<" + UUID.nameUUIDFromBytes(keys.getBytes(StandardCharsets.UTF_8)) + "@siaga-pilkada>";
  }

  private void finish(List<MailKey> keys, String owner, String status, String note) {
    ownTransaction.run(() -> keys.forEach(key -> outbox.finishClaimed(key, owner, status, note)));
  }
}

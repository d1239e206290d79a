package id.siaga.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Outbox rows moved the way {@link Mailer#sendOnce} moves them, for the mail incident tests. */
final class OutboxAttempts {

  static final String ERROR = "org.springframework.mail.MailSendException: Mail server connection failed";

  private OutboxAttempts() {}

  /** One failed attempt: claimed, attempted, released with the SMTP error. */
  static void fail(MailOutbox outbox, MailKey key) {
    String owner = "failing-" + UUID.randomUUID();
    assertThat(outbox.claim(key, owner, Instant.now(), Instant.now().plus(Duration.ofMinutes(5)))).isTrue();
    outbox.recordAttempt(key, "desk@siaga.demo", "uji");
    outbox.release(key, owner, ERROR);
  }

  /** Claimed and marked sent. */
  static void sent(MailOutbox outbox, MailKey key) {
    String owner = "sending-" + UUID.randomUUID();
    assertThat(outbox.claim(key, owner, Instant.now(), Instant.now().plus(Duration.ofMinutes(5)))).isTrue();
    outbox.markDone(key, owner, "SENT", null);
  }
}

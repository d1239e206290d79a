package id.siaga.notification;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The crash window of {@link MailBatches}: a node that stops after the SMTP server accepted a batch
 * and before SENT was committed leaves its rows SENDING; once the claim's lease has run out they
 * are sent again, under the same Message-ID when the mail covers the same keys (a client that keeps
 * one message per Message-ID shows it once), under another when keys queued meanwhile joined it.
 */
@SiagaSpringBootTest
class MailBatchesMessageIdTest {

  static final MailKind PROBE = new MailKind("MESSAGE_ID_PROBE");

  @Autowired MailOutbox outbox;
  @Autowired Mailer mailer;
  @Autowired MailIncidents incidents;
  @Autowired PlatformTransactionManager transactions;
  @Autowired DevMailServer mailServer;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void aBatchSentAgainAfterACrashCarriesTheSameMessageIdUnlessNewKeysJoinedIt() throws Exception {
    mailServer.start();
    Instant queuedAt = Instant.parse("2026-12-09T10:00:00Z");
    String run = UUID.randomUUID().toString().substring(0, 8);
    String batchKey = "MESSAGE_ID_PROBE|0|" + run;
    List<MailKey> keys = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      keys.add(MailKey.of(run + "-" + i, PROBE));
      outbox.enqueue(keys.get(i), batchKey, queuedAt);
    }
    MailBatches node = new MailBatches(outbox, mailer, List.of(composer()), incidents, transactions,
        Duration.ofMinutes(1), Duration.ofMinutes(5), 50);
    at(queuedAt.plus(Duration.ofMinutes(2)));

    assertThat(node.sendReady()).isEqualTo(1);
    assertThat(copies(run)).hasSize(1);
    String first = copies(run).get(0).getMessageID();
    assertThat(first).isEqualTo(MailBatches.messageId(List.of(keys.get(2), keys.get(0), keys.get(1))))
        .as("stored on every row it covers").isEqualTo(outbox.messageId(keys.get(1)));

    crashedAfterTheServerAcceptedIt(batchKey);
    assertThat(node.sendReady()).as("not while the lease of the stopped node runs").isZero();
    at(now().plus(Duration.ofMinutes(6)));
    assertThat(node.sendReady()).isEqualTo(1);

    assertThat(copies(run)).as("delivered twice").hasSize(2);
    assertThat(copies(run).get(1).getMessageID()).as("the same keys, the same Message-ID").isEqualTo(first);
    assertThat(mailServer.received()).as("shown once by a mailbox that keeps one per Message-ID")
        .filteredOn(message -> subject(message).contains(run)).hasSize(1);

    crashedAfterTheServerAcceptedIt(batchKey);
    MailKey joined = MailKey.of(run + "-3", PROBE);
    outbox.enqueue(joined, batchKey, now());
    at(now().plus(Duration.ofMinutes(6)));
    assertThat(node.sendReady()).isEqualTo(1);

    assertThat(copies(run)).hasSize(3);
    assertThat(copies(run).get(2).getMessageID()).as("a key joined: not hidden behind the first Message-ID")
        .isNotEqualTo(first);
    assertThat(id.siaga.MailboxAssert.html(copies(run).get(2))).contains("[" + joined.subject() + "]");
    for (MailKey key : List.of(keys.get(0), keys.get(1), keys.get(2), joined)) {
      assertThat(outbox.find(key).orElseThrow().status()).isEqualTo("SENT");
    }
  }

  @Test
  void theMessageIdDependsOnTheSetOfKeysOnly() {
    MailKey a = MailKey.of("a", PROBE);
    MailKey b = new MailKey("b", PROBE, "1");
    assertThat(MailBatches.messageId(List.of(a, b))).isEqualTo(MailBatches.messageId(List.of(b, a)))
        .matches("<[0-9a-f-]{36}@siaga-pilkada>")
        .isNotEqualTo(MailBatches.messageId(List.of(a)))
        .isNotEqualTo(MailBatches.messageId(List.of(a, b, MailKey.of("c", PROBE))));
  }

  /**
   * What a node leaves behind when it stops after the server accepted the mail and before it
   * committed SENT: the rows SENDING under its claim, whose lease runs 5 minutes from now.
   */
  private void crashedAfterTheServerAcceptedIt(String batchKey) {
    jdbc.update("update siaga_mail_outbox set status = 'SENDING', sent_at = null, claimed_by = 'stopped-node',"
        + " claimed_until = ? where batch_key = ?", Timestamp.from(now().plus(Duration.ofMinutes(5))), batchKey);
  }

  private List<MimeMessage> copies(String run) {
    return mailServer.copies().stream().filter(message -> subject(message).contains(run)).toList();
  }

  private static MailBatchComposer composer() {
    return new MailBatchComposer() {
      @Override
      public boolean composes(MailKind kind) {
        return PROBE.equals(kind);
      }

      @Override
      public BatchMail compose(String batchKey, List<MailKey> claimed) {
        String listed = String.join(" ", claimed.stream().map(key -> "[" + key.subject() + "]").toList());
        return new BatchMail(new Mail(List.of("desk@siaga.demo"), List.of(), "Uji " + batchKey, listed,
            "<p>" + listed + "</p>", List.of()), new LinkedHashSet<>(claimed), "-");
      }
    };
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}

package id.siaga.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.SiagaSpringBootTest;
import id.siaga.system.RetainedTable;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exactly once across senders: the outbox claims a key before sending, so that two workers (two
 * nodes, or a retried job whose first attempt still hangs) racing on one key send one mail; a
 * claim whose lease ran out is taken over. The stored Message-ID is the mail's header.
 */
@SiagaSpringBootTest
class OutboxClaimTest {

  /** A kind of this test's own: the kernel knows no feature's kinds. */
  static final MailKind PROBE = new MailKind("OUTBOX_PROBE");

  @Autowired Mailer mailer;
  @Autowired MailOutbox outbox;
  @Autowired DevMailServer mailServer;
  @Autowired Recipients recipients;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired List<RetainedTable> tables;

  @Test
  void twoWorkersRacingOnOneKeySendOneMail() throws Exception {
    MailKey key = MailKey.of("race-" + UUID.randomUUID(), PROBE);
    CountDownLatch firstIsSending = new CountDownLatch(1);
    CountDownLatch mayFinish = new CountDownLatch(1);
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> first = workers.submit(() -> mailer.sendOnce(key, () -> {
        firstIsSending.countDown();
        await(mayFinish);
        return mail(key, "pertama");
      }));
      assertThat(firstIsSending.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Boolean> second = workers.submit(() -> mailer.sendOnce(key, () -> mail(key, "kedua")));
      assertThatThrownBy(second::get).hasCauseInstanceOf(Mailer.MailClaimedException.class);
      mayFinish.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(workers.submit(() -> mailer.sendOnce(key, () -> mail(key, "ketiga"))).get())
          .as("the retried second job finds the mail sent").isFalse();
    } finally {
      workers.shutdownNow();
    }
    List<MimeMessage> sent = withKey(key);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getSubject()).isEqualTo("pertama");
    assertThat(sent.get(0).getMessageID()).isEqualTo(storedMessageId(key)).matches("<[0-9a-f-]{36}@siaga-pilkada>");
    assertThat(outbox.find(key).orElseThrow().status()).isEqualTo("SENT");
  }

  @Test
  void aClaimWhoseLeaseRanOutIsTakenOverAndALiveOneIsNot() throws Exception {
    MailKey hung = MailKey.of("hung-" + UUID.randomUUID(), PROBE);
    outbox.insertPending(hung);
    Instant now = Instant.now();
    assertThat(outbox.claim(hung, "node-that-hangs", now.minus(Duration.ofMinutes(10)),
        now.minus(Duration.ofMinutes(5)))).isTrue();
    assertThat(mailer.sendOnce(hung, () -> mail(hung, "diambil alih"))).isTrue();
    assertThat(withKey(hung)).hasSize(1);

    MailKey live = MailKey.of("live-" + UUID.randomUUID(), PROBE);
    outbox.insertPending(live);
    assertThat(outbox.claim(live, "node-still-sending", now, now.plus(Duration.ofMinutes(5)))).isTrue();
    assertThatThrownBy(() -> mailer.sendOnce(live, () -> mail(live, "tidak"))).isInstanceOf(Mailer.MailClaimedException.class);
    assertThat(withKey(live)).isEmpty();
  }

  @Test
  void aMailWithOneBadRecipientStillReachesTheOthers() throws Exception {
    String group = "kpu7371";
    for (String id : List.of("goodkpu", "badkpu")) {
      User user = identity.newUser(id);
      user.setEmail(id + "@siaga.demo");
      user.setPassword("Kuat#Sandi-2026");
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
    // an address from before addresses were checked
    jdbc.update("update ACT_ID_USER set EMAIL_ = 'bad address@@siaga' where ID_ = 'badkpu'");
    try {
      MailKey key = MailKey.of("partial-" + UUID.randomUUID(), PROBE);
      List<String> to = recipients.ofGroups(List.of(group));
      assertThat(to).contains("goodkpu@siaga.demo").doesNotContain("bad address@@siaga");
      assertThat(mailer.sendOnce(key, () -> new Mail(to, List.of(), "sebagian", "teks", "<p>teks</p>", List.of())))
          .isTrue();
      assertThat(withKey(key)).hasSize(1);
      assertThat(String.join(",", List.of(withKey(key).get(0).getHeader("To")))).contains("goodkpu@siaga.demo");
    } finally {
      identity.deleteUser("goodkpu");
      identity.deleteUser("badkpu");
    }
  }

  @Test
  void aFeaturesOwnKindOfUpToFortyCharactersIsStoredAndReadBack() {
    MailKey key = new MailKey("kind-" + UUID.randomUUID(), new MailKind("PATROL_REPORT_MISSING_AFTER_INTERVAL_ABC"), "3");
    outbox.insertPending(key);
    assertThat(outbox.find(key)).map(MailOutbox.Entry::key).contains(key);
    assertThat(outbox.keysOf(key.subject())).containsExactly(key);
  }

  @Test
  void anInvalidAddressIsRefusedWheneverItIsSet() {
    User user = identity.newUser("salahsurel");
    user.setEmail("not-an-address");
    assertThatThrownBy(() -> identity.saveUser(user)).hasMessageContaining("Alamat surel tidak sah");
    assertThat(identity.createUserQuery().userId("salahsurel").count()).isZero();
  }

  @Test
  void theNightlyPurgeRemovesOldSentRowsAndKeepsPendingOnes() {
    MailKey old = MailKey.of("old-" + UUID.randomUUID(), PROBE);
    MailKey pending = MailKey.of("pending-" + UUID.randomUUID(), PROBE);
    outbox.insertPending(old);
    outbox.insertPending(pending);
    jdbc.update("update siaga_mail_outbox set status = 'SENT', sent_at = ? where subject_key = ?",
        java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(400))), old.subject());
    jdbc.update("update siaga_mail_outbox set created_at = ? where subject_key = ?",
        java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(400))), pending.subject());
    RetainedTable retention = tables.stream().filter(t -> t.name().equals("siaga_mail_outbox")).findFirst().orElseThrow();
    assertThat(retention.keep()).isEqualTo(Duration.ofDays(365));
    assertThat(retention.purge(Instant.now())).isGreaterThanOrEqualTo(1);
    assertThat(outbox.find(old)).isEmpty();
    assertThat(outbox.find(pending)).isPresent();
  }

  private List<MimeMessage> withKey(MailKey key) throws Exception {
    List<MimeMessage> found = new java.util.ArrayList<>();
    for (MimeMessage message : mailServer.received()) {
      String[] header = message.getHeader(Mailer.KEY_HEADER);
      if (header != null && header[0].equals(key.toString())) {
        found.add(message);
      }
    }
    return found;
  }

  private String storedMessageId(MailKey key) {
    return jdbc.queryForObject("select message_id from siaga_mail_outbox where subject_key = ?", String.class,
        key.subject());
  }

  private static Mail mail(MailKey key, String subject) {
    return new Mail(List.of("desk@siaga.demo"), List.of(), subject, "teks " + key, "<p>teks</p>", List.of());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

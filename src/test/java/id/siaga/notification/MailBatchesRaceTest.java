package id.siaga.notification;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two senders of queued mails (two nodes: two {@link MailBatches} on one database) racing over the
 * same batches: every key is in exactly one mail, and every row ends SENT.
 */
@SiagaSpringBootTest
class MailBatchesRaceTest {

  static final MailKind PROBE = new MailKind("BATCH_PROBE");

  @Autowired MailOutbox outbox;
  @Autowired Mailer mailer;
  @Autowired PlatformTransactionManager transactions;
  @Autowired DevMailServer mailServer;
  @Autowired MailIncidents incidents;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void twoNodesSendingTheSameBatchesPutEveryKeyInExactlyOneMail() throws Exception {
    mailServer.start();
    Instant queuedAt = Instant.parse("2026-12-09T10:00:00Z");
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<MailKey> keys = new ArrayList<>();
    for (int i = 0; i < 230; i++) {
      MailKey key = MailKey.of(run + "-" + i, PROBE);
      keys.add(key);
      assertThat(outbox.enqueue(key, "BATCH_PROBE|0|" + run + (i % 3), queuedAt)).isTrue();
    }
    assertThat(outbox.enqueue(keys.get(0), "BATCH_PROBE|0|" + run + "0", queuedAt)).as("queued once").isFalse();

    MailBatchComposer composer = new MailBatchComposer() {
      @Override
      public boolean composes(MailKind kind) {
        return PROBE.equals(kind);
      }

      @Override
      public BatchMail compose(String batchKey, List<MailKey> claimed) {
        String listed = String.join(" ", claimed.stream().map(key -> "[" + key.subject() + "]").toList());
        return new BatchMail(new Mail(List.of("polrespalopo@siaga.demo"), List.of(), "Uji " + batchKey,
            listed, "<p>" + listed + "</p>", List.of()), new LinkedHashSet<>(claimed), "-");
      }
    };
    ClockUtil.setCurrentTime(java.util.Date.from(queuedAt.plus(Duration.ofMinutes(2))));
    MailBatches nodeA = new MailBatches(outbox, mailer, List.of(composer), incidents, transactions, Duration.ofMinutes(1),
        Duration.ofMinutes(5), 20);
    MailBatches nodeB = new MailBatches(outbox, mailer, List.of(composer), incidents, transactions, Duration.ofMinutes(1),
        Duration.ofMinutes(5), 20);
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> a = nodes.submit(() -> {
        together.await();
        return nodeA.sendReady();
      });
      Future<Integer> b = nodes.submit(() -> {
        together.await();
        return nodeB.sendReady();
      });
      int mails = a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS);
      // a round that lost a race on the database leaves its rows free; the next round sends them
      mails += nodeA.sendReady();

      Map<String, Integer> mailsPerKey = new HashMap<>();
      for (jakarta.mail.internet.MimeMessage message : mailServer.received()) {
        if (message.getSubject().contains(run)) {
          java.util.regex.Matcher listed = java.util.regex.Pattern.compile("\\[(" + run + "-\\d+)]")
              .matcher(id.siaga.MailboxAssert.html(message));
          while (listed.find()) {
            mailsPerKey.merge(listed.group(1), 1, Integer::sum);
          }
        }
      }
      assertThat(mailsPerKey).as("every key in a mail").hasSize(230);
      assertThat(mailsPerKey.values()).as("no key in two mails").containsOnly(1);
      assertThat(mails).as("at most 20 keys per mail, 77 per batch key").isBetween(12, 230);
      for (MailKey key : keys) {
        assertThat(outbox.find(key).orElseThrow().status()).isEqualTo("SENT");
      }
    } finally {
      nodes.shutdownNow();
    }
  }
}

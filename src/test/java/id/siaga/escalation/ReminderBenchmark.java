package id.siaga.escalation;

import id.siaga.MailboxAssert;
import id.siaga.SiagaPilkadaApplication;
import id.siaga.notification.DevMailServer;
import id.siaga.notification.MailBatches;
import id.siaga.notification.MailOutbox;
import id.siaga.region.NationalData;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Benchmark, not a test: N tasks (default 10,000) whose reminders fall due at the same instant;
 * measures the time until every timer has fired (reminders queued), then until every queued
 * reminder is delivered to the SMTP server in batched mails (every task listed in exactly one
 * mail, none missing), and the same JavaMailSender sending N plain messages in a loop, in the same
 * run.
 * <pre>./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=id.siaga.escalation.ReminderBenchmark [-Dbenchmark.tasks=10000]</pre>
 */
public final class ReminderBenchmark {

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("benchmark.tasks", 10_000);
    Instant start = Instant.parse("2026-12-01T00:00:00Z");
    ClockUtil.setCurrentTime(Date.from(start));
    ConfigurableApplicationContext app = new SpringApplicationBuilder(SiagaPilkadaApplication.class)
        .profiles("demo").run("--spring.datasource.url=" + id.siaga.BenchmarkSupport.h2Memory("benchmark"),
            "--server.port=0", "--siaga.demo.mail-server.port=0", "--logging.level.id.siaga=WARN",
            "--logging.level.org.camunda=WARN", "--camunda.bpm.job-execution.max-wait=1000");
    try {
      // the demo's first start loads the country in the background
      if (app.getBean(NationalData.class).awaitSettled(Duration.ofMinutes(3)) != NationalData.State.READY) {
        throw new IllegalStateException("the national import did not finish");
      }
      RuntimeService runtime = app.getBean(RuntimeService.class);
      ManagementService management = app.getBean(ManagementService.class);
      DevMailServer server = app.getBean(DevMailServer.class);
      JavaMailSender sender = app.getBean(JavaMailSender.class);
      MailOutbox outbox = app.getBean(MailOutbox.class);
      MailBatches batches = app.getBean(MailBatches.class);

      long created = System.nanoTime();
      for (int i = 0; i < n; i++) {
        runtime.startProcessInstanceByKey("deadline-probe", Map.of("agencyGroup", "polri7373",
            "regionCode", "73.73", "dueAt", "2026-12-10T18:00", "stageName", "Kampanye"));
      }
      double createSeconds = (System.nanoTime() - created) / 1e9;
      server.purge();

      // every reminder falls due now (09 Dec 10:00 UTC); the job executor fires the timers
      long t0 = System.nanoTime();
      Instant reminderAt = Instant.parse("2026-12-09T10:00:01Z");
      ClockUtil.setCurrentTime(Date.from(reminderAt));
      long queued = 0;
      while (queued < n && System.nanoTime() - t0 < Duration.ofMinutes(30).toNanos()) {
        Thread.sleep(200);
        queued = outbox.count("PENDING");
      }
      double fireSeconds = (System.nanoTime() - t0) / 1e9;
      long timersLeft = management.createJobQuery().processDefinitionKey("deadline-probe").timers()
          .duedateLowerThan(Date.from(reminderAt.plusSeconds(1))).count();
      long timersMovedOn = management.createJobQuery().processDefinitionKey("deadline-probe").timers().count();

      // a batch window later the queued reminders go out, one mail per agency and up to 50 tasks
      ClockUtil.setCurrentTime(Date.from(reminderAt.plus(Duration.ofMinutes(1))));
      long s0 = System.nanoTime();
      while (outbox.count("SENT") < n && System.nanoTime() - s0 < Duration.ofMinutes(30).toNanos()) {
        batches.sendReady();
      }
      double sendSeconds = (System.nanoTime() - s0) / 1e9;
      double productSeconds = fireSeconds + sendSeconds;
      int mails = server.received().size();
      Set<String> listed = new HashSet<>();
      int duplicates = 0;
      for (MimeMessage message : server.received()) {
        Matcher links = TASK_LINK.matcher(html(message));
        Set<String> inThisMail = new HashSet<>();
        while (links.find()) {
          inThisMail.add(links.group(1));
        }
        for (String task : inThisMail) {
          if (!listed.add(task)) {
            duplicates++;
          }
        }
      }
      long sentRows = outbox.count("SENT");

      server.purge();
      long b0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        SimpleMailMessage plain = new SimpleMailMessage();
        plain.setFrom("siaga-pilkada@siaga.demo");
        plain.setTo("polrespalopo@siaga.demo");
        plain.setSubject("Pengingat " + i);
        plain.setText("Tugas " + i);
        sender.send(plain);
      }
      double bareSeconds = (System.nanoTime() - b0) / 1e9;
      int bareDelivered = server.received().size();

      System.out.printf("%nReminder benchmark, %d tasks due at the same instant (H2 in memory, 1 JVM, %d cores)%n",
          n, Runtime.getRuntime().availableProcessors());
      System.out.printf("  creating %d process instances:        %8.1f s (%6.0f /s)%n", n, createSeconds, n / createSeconds);
      System.out.printf("  timers fired, reminders queued (job executor): %8.1f s (%6.0f /s), %d queued, %d timers left"
          + " at the reminder, %d timer jobs (one per open task)%n", fireSeconds, n / fireSeconds, queued, timersLeft,
          timersMovedOn);
      System.out.printf("  queued reminders sent in batches:     %8.1f s, %d mails, %d tasks listed, %d duplicates,"
          + " %d missing, outbox SENT rows %d%n", sendSeconds, mails, listed.size(), duplicates, n - listed.size(),
          sentRows);
      System.out.printf("  reminders delivered, total:            %8.1f s (%6.0f tasks/s)%n", productSeconds,
          n / productSeconds);
      System.out.printf("  bare JavaMailSender loop, same server: %8.1f s (%6.0f /s), %d delivered%n", bareSeconds,
          n / bareSeconds, bareDelivered);
      System.out.printf("  ratio product / bare loop:             %8.1f x%n", productSeconds / bareSeconds);
    } finally {
      app.close();
      ClockUtil.reset();
    }
  }

  private static final Pattern TASK_LINK = Pattern.compile("#/\\?task=([0-9a-f-]+)\"");

  private static String html(MimeMessage message) {
    try {
      return MailboxAssert.html(message);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ReminderBenchmark() {}

}

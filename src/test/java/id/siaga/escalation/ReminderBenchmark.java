package id.siaga.escalation;

import id.siaga.SiagaPilkadaApplication;
import id.siaga.notification.DevMailServer;
import id.siaga.notification.MailOutbox;
import id.siaga.region.NationalData;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Benchmark, not a test: N tasks (default 10,000) whose reminders fall due at the same instant;
 * measures the time until every reminder is delivered to the SMTP server (none missing, none
 * twice), and the same JavaMailSender sending N plain messages in a loop, in the same run.
 * <pre>./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=id.siaga.escalation.ReminderBenchmark [-Dbenchmark.tasks=10000]</pre>
 */
public final class ReminderBenchmark {

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("benchmark.tasks", 10_000);
    Instant start = Instant.parse("2026-12-01T00:00:00Z");
    ClockUtil.setCurrentTime(Date.from(start));
    ConfigurableApplicationContext app = new SpringApplicationBuilder(SiagaPilkadaApplication.class)
        .profiles("demo").run("--spring.datasource.url=jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1",
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

      long created = System.nanoTime();
      for (int i = 0; i < n; i++) {
        runtime.startProcessInstanceByKey("deadline-probe", Map.of("agencyGroup", "polri7373",
            "regionCode", "73.73", "dueAt", "2026-12-10T18:00", "stageName", "Kampanye"));
      }
      double createSeconds = (System.nanoTime() - created) / 1e9;
      server.purge();

      // every reminder falls due now (09 Dec 10:00 UTC); the job executor takes it from here
      long t0 = System.nanoTime();
      ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-09T10:00:01Z")));
      int delivered = 0;
      while (delivered < n && System.nanoTime() - t0 < Duration.ofMinutes(30).toNanos()) {
        Thread.sleep(200);
        delivered = server.received().size();
      }
      double productSeconds = (System.nanoTime() - t0) / 1e9;
      Set<String> keys = new HashSet<>();
      int duplicates = 0;
      for (MimeMessage message : server.received()) {
        if (!keys.add(key(message))) {
          duplicates++;
        }
      }
      long sentRows = outbox.count("SENT");
      long pendingJobs = management.createJobQuery().processDefinitionKey("deadline-probe").messages().count();

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
      System.out.printf("  reminders delivered (job executor):    %8.1f s (%6.0f /s), %d delivered, %d distinct, "
          + "%d duplicates, %d missing, outbox SENT rows %d, send jobs left %d%n", productSeconds,
          delivered / productSeconds, delivered, keys.size(), duplicates, n - keys.size(), sentRows, pendingJobs);
      System.out.printf("  bare JavaMailSender loop, same server: %8.1f s (%6.0f /s), %d delivered%n", bareSeconds,
          n / bareSeconds, bareDelivered);
      System.out.printf("  ratio product / bare loop:             %8.1f x%n", productSeconds / bareSeconds);
    } finally {
      app.close();
      ClockUtil.reset();
    }
  }

  private static String key(MimeMessage message) {
    try {
      String[] header = message.getHeader("X-Siaga-Key");
      return header == null ? message.getMessageID() : header[0];
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ReminderBenchmark() {}

}

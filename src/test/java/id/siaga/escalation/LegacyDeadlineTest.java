package id.siaga.escalation;

import static id.siaga.MailboxAssert.cc;
import static id.siaga.MailboxAssert.to;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.notification.DevMailServer;
import id.siaga.notification.MailBatches;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An instance started on a diagram drawn with the old three-timer pattern
 * ({@code legacy-deadline-probe}, as the Rakor was drawn before) still runs to its end: its
 * reminder, overdue and escalation paths use the delegates kept for it, and each mail goes out
 * once, through the same queue as the new pattern's.
 */
@SiagaSpringBootTest
class LegacyDeadlineTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired DevMailServer mailServer;
  @Autowired MailBatches batches;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    runtime.createProcessInstanceQuery().processDefinitionKey("legacy-deadline-probe").list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
  }

  @Test
  void anInstanceOnTheOldPatternIsRemindedWarnedAndEscalatedOnceEach() throws Exception {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T00:00:00Z")));
    mailServer.start();
    mailServer.purge();
    String pi = runtime.startProcessInstanceByKey("legacy-deadline-probe", Map.of("agencyGroup", "polri7373",
        "regionCode", "73.73", "dueAt", "2026-12-10T18:00", "stageName", "Kampanye")).getId();
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    Instant due = Instant.parse("2026-12-10T10:00:00Z");
    assertThat(management.createJobQuery().processInstanceId(pi).timers().count()).isEqualTo(3);

    for (Instant at : List.of(due.minus(Duration.ofHours(24)), due, due.plus(Duration.ofHours(24)),
        due.plus(Duration.ofHours(48)), due.plus(Duration.ofDays(5)))) {
      ClockUtil.setCurrentTime(Date.from(at.plusSeconds(1)));
      for (int round = 0; round < 10; round++) {
        List<Job> jobs = management.createJobQuery().processInstanceId(pi).executable().list();
        jobs.forEach(job -> management.executeJob(job.getId()));
      }
      ClockUtil.setCurrentTime(Date.from(at.plusSeconds(61)));
      batches.sendReady();
    }

    List<String> subjects = mailServer.received().stream().map(LegacyDeadlineTest::subject).toList();
    assertThat(subjects).hasSize(4);
    // each once; the order of arrival is not asserted: the batch poller of the shared context may send
    // a batch a moment before or after the test's own call
    assertThat(subjects).filteredOn(s -> s.startsWith("[Siaga Pilkada] Pengingat: Laporan uji – Kota Palopo")).hasSize(1);
    assertThat(subjects).filteredOn(s -> s.startsWith("[Siaga Pilkada] Terlambat: Laporan uji – Kota Palopo")).hasSize(1);
    assertThat(subjects).filteredOn(s -> s.startsWith("[Siaga Pilkada] Eskalasi tingkat 1: Laporan uji")).hasSize(1);
    assertThat(subjects).filteredOn(s -> s.startsWith("[Siaga Pilkada] Eskalasi tingkat 2: Laporan uji")).hasSize(1);
    MimeMessage first = mailServer.received().get(subjects.indexOf(subjects.stream()
        .filter(s -> s.startsWith("[Siaga Pilkada] Eskalasi tingkat 1")).findFirst().orElseThrow()));
    assertThat(to(first)).containsExactly("poldasulsel@siaga.demo");
    assertThat(cc(first)).containsExactly("polrespalopo@siaga.demo");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    tasks.complete(task.getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}

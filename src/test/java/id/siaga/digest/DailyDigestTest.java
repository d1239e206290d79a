package id.siaga.digest;

import static id.siaga.MailboxAssert.body;
import static id.siaga.MailboxAssert.to;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.escalation.EscalationRecords;
import id.siaga.escalation.TaskEscalation;
import id.siaga.notification.DevMailServer;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The daily digest at 07:00 local time lists exactly the agency's open and overdue tasks. */
@SiagaSpringBootTest
class DailyDigestTest {

  /** 07:00 WITA on 10 December 2026 (Palopo, Makassar). */
  static final Instant SEVEN_WITA = Instant.parse("2026-12-09T23:00:00Z");

  @Autowired DailyDigest digest;
  @Autowired DevMailServer mailServer;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired TaskEscalation escalation;
  @Autowired EscalationRecords escalations;

  private Task kpuOverdue;
  private Task kpuOpen;
  private Task kpuLater;
  private Task bawaslu;
  private Task kpuMakassar;

  @BeforeEach
  void startTasks() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T00:00:00Z")));
    mailServer.purge();
    kpuOverdue = start("kpu7373", "73.73", "2026-12-09T12:00");
    kpuOpen = start("kpu7373", "73.73", "2026-12-10T18:00");
    kpuLater = start("kpu7373", "73.73", "2026-12-15T18:00");
    bawaslu = start("bawaslu7373", "73.73", "2026-12-10T18:00");
    kpuMakassar = start("kpu7371", "73.71", "2026-12-10T18:00");
    tasks.claim(kpuLater.getId(), "kpupalopo");
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    runtime.createProcessInstanceQuery().processDefinitionKey("deadline-probe").list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
    runtime.createProcessInstanceQuery().processDefinitionKey("daily-digest").list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
  }

  @Test
  void listsExactlyTheAgencysOpenAndOverdueTasks() throws Exception {
    List<DailyDigest.Line> lines = digest.lines("kpu7373", SEVEN_WITA);

    assertThat(lines).extracting(DailyDigest.Line::taskId)
        .containsExactly(kpuOverdue.getId(), kpuOpen.getId(), kpuLater.getId());
    assertThat(lines).extracting(DailyDigest.Line::overdue).containsExactly(true, false, false);
    assertThat(lines.get(0).due()).isEqualTo("Rabu, 9 Desember 2026 pukul 12.00 WITA");

    digest.sendDue(SEVEN_WITA);

    MimeMessage kpu = only("kpupalopo@siaga.demo");
    assertThat(kpu.getSubject()).isEqualTo(
        "[Siaga Pilkada] Ringkasan harian KPU Kota Palopo: 3 tugas terbuka, 1 terlambat – Kamis, 10 Desember 2026");
    String body = body(kpu);
    assertThat(body).contains(kpuOverdue.getId(), kpuOpen.getId(), kpuLater.getId()).contains("Terlambat")
        .doesNotContain(bawaslu.getId()).doesNotContain(kpuMakassar.getId());
    assertThat(to(only("bawaslupalopo@siaga.demo"))).containsExactly("bawaslupalopo@siaga.demo");
    assertThat(body(only("bawaslupalopo@siaga.demo"))).contains(bawaslu.getId()).doesNotContain(kpuOpen.getId());
  }

  @Test
  void sendsOncePerDayAtSevenLocalTimeOnly() {
    Instant seven = SEVEN_WITA.plus(Duration.ofDays(1)); // each test its own day: the outbox remembers
    digest.sendDue(seven.minusSeconds(1)); // 06:59 WITA: 07:59 WIT, 05:59 WIB
    assertThat(mailServer.received()).isEmpty();

    digest.sendDue(seven);
    int afterSeven = mailServer.received().size();
    digest.sendDue(seven.plusSeconds(30 * 60)); // a retry within the hour
    digest.sendDue(seven.plusSeconds(60 * 60)); // 08:00 WITA, 07:00 WIB: no WIB agency has tasks here

    // KPU Palopo and Bawaslu Palopo; KPU Makassar has tasks but no member with an address
    assertThat(afterSeven).isEqualTo(2);
    assertThat(mailServer.received()).hasSize(afterSeven);
  }

  @Test
  void anAgencyWhoseOnlyOpenTaskIsClaimedStillGetsItsDigest() throws Exception {
    tasks.claim(bawaslu.getId(), "bawaslupalopo");
    Instant seven = SEVEN_WITA.plus(Duration.ofDays(3));

    digest.sendDue(seven);

    assertThat(body(only("bawaslupalopo@siaga.demo"))).contains(bawaslu.getId());
    assertThat(only("kpupalopo@siaga.demo").getSubject()).contains("KPU Kota Palopo: 3 tugas terbuka");
  }

  @Test
  void anEscalatedTaskShowsTheLevelTheEscalationPackageRecorded() throws Exception {
    escalation.escalate(kpuOverdue, List.of("kpu7373"), 2);
    Instant seven = SEVEN_WITA.plus(Duration.ofDays(4));

    assertThat(digest.lines("kpu7373", seven)).extracting(DailyDigest.Line::escalationLevel).containsExactly(1, 0, 0);
    assertThat(escalations.levelsOf(List.of(kpuOverdue.getId(), kpuOpen.getId(), kpuOverdue.getId())))
        .containsExactly(Map.entry(kpuOverdue.getId(), 1));
    assertThat(escalations.levelsOf(List.of())).isEmpty();
    digest.sendDue(seven);
    assertThat(body(only("kpupalopo@siaga.demo"))).contains("eskalasi tingkat 1");
  }

  @Test
  void noZoneAtSevenNoDigest() {
    assertThat(digest.sendDue(SEVEN_WITA.plus(Duration.ofDays(5)).plus(Duration.ofHours(3)))).isZero();
    assertThat(mailServer.received()).isEmpty();
  }

  @Test
  void theHourlyProcessSendsTheDigestsDueThatHour() throws Exception {
    Job hourly = management.createJobQuery().processDefinitionKey("daily-digest").timers().singleResult();
    assertThat(hourly).as("the hourly timer start event is scheduled").isNotNull();
    Instant seven = SEVEN_WITA.plus(Duration.ofDays(2));
    ClockUtil.setCurrentTime(Date.from(seven.plusSeconds(5)));

    management.executeJob(hourly.getId());
    Job send = management.createJobQuery().processDefinitionKey("daily-digest").messages().singleResult();
    management.executeJob(send.getId());

    assertThat(only("kpupalopo@siaga.demo").getSubject()).contains("KPU Kota Palopo: 3 tugas terbuka, 2 terlambat");
    Job next = management.createJobQuery().processDefinitionKey("daily-digest").timers().singleResult();
    assertThat(next.getDuedate().toInstant()).isEqualTo(seven.plusSeconds(3600));
  }

  private MimeMessage only(String address) {
    List<MimeMessage> matching = mailServer.received().stream().filter(m -> {
      try {
        return to(m).contains(address);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    assertThat(matching).as("mails to " + address).hasSize(1);
    return matching.get(0);
  }

  private Task start(String agency, String region, String dueLocal) {
    String id = runtime.startProcessInstanceByKey("deadline-probe",
        Map.of("agencyGroup", agency, "regionCode", region, "dueAt", dueLocal)).getId();
    return tasks.createTaskQuery().processInstanceId(id).singleResult();
  }
}

package id.siaga.escalation;

import static id.siaga.MailboxAssert.body;
import static id.siaga.MailboxAssert.cc;
import static id.siaga.MailboxAssert.html;
import static id.siaga.MailboxAssert.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.EngineUsers;
import id.siaga.SiagaSpringBootTest;
import id.siaga.notification.DevMailServer;
import id.siaga.notification.MailBatches;
import id.siaga.notification.MailKey;
import id.siaga.notification.MailOutbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deadline mechanism every user task uses, on the test model {@code deadline-probe} (one
 * timer, one step task, one end event): reminder 24 h before the due date, overdue notice at it,
 * escalation every 24 h after it, up the chain of the agency's line (Polres → Polda → Mabes
 * Polri, the national desk informed at the last level), with one timer job per open task. The
 * engine clock is driven; nothing sleeps. Mails are queued by the step and sent by
 * {@link MailBatches} a batch window later; they arrive at the embedded SMTP server.
 */
@SiagaSpringBootTest
class DeadlineMechanismTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired DevMailServer mailServer;
  @Autowired MailOutbox outbox;
  @Autowired MailBatches batches;
  @Autowired EscalationRecords records;

  private final Instant start = Instant.parse("2026-12-01T00:00:00Z");

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(start));
    mailServer.start();
    mailServer.purge();
    user("polresjayapura", "polri9171", "polresjayapura@siaga.demo");
    user("poldapapua", "polri91", "poldapapua@siaga.demo");
    user("poldajatim", "polri35", "poldajatim@siaga.demo");
    user("tanpasurel", "polri3507", null);
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    ClockUtil.reset();
    mailServer.start();
    runtime.createProcessInstanceQuery().processDefinitionKey("deadline-probe").list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // region, agency, province agency, officer, province officer, due instant of 2026-12-10 18:00 local
      "Kabupaten Malang (WIB), 35.07, polri3507, polri35, polresmalang, poldajatim, 2026-12-10T11:00:00Z, WIB",
      "Kota Jayapura (WIT),    91.71, polri9171, polri91, polresjayapura, poldapapua, 2026-12-10T09:00:00Z, WIT"
  })
  void remindsWarnsAndEscalatesAtTheRightInstantsWithOneMailEach(String label, String region, String agency,
      String provinceAgency, String officer, String provinceOfficer, Instant due, String zone) throws Exception {
    Task task = startTask(region, agency, "2026-12-10T18:00");
    assertThat(task.getDueDate().toInstant()).isEqualTo(due);
    assertThat(dueDates()).as("one timer job, at the reminder").containsExactly(due.minus(Duration.ofHours(24)));

    runJobsAt(due.minus(Duration.ofHours(24)).minusSeconds(2));
    assertThat(mailServer.received()).isEmpty();

    runJobsAt(due.minus(Duration.ofHours(24)));
    assertThat(dueDates()).as("the same timer moved on to the due time").containsExactly(due);
    assertThat(mailServer.received()).as("queued, not yet sent").isEmpty();
    sendQueuedMails();
    assertThat(mailServer.received()).hasSize(1);
    MimeMessage reminder = mail("[Siaga Pilkada] Pengingat: Laporan uji");
    assertThat(reminder.getSubject()).startsWith("[Siaga Pilkada] Pengingat: Laporan uji");
    assertThat(to(reminder)).containsExactly(officer + "@siaga.demo");
    assertThat(body(reminder)).contains("Kamis, 10 Desember 2026 pukul 18.00 " + zone)
        .contains("/camunda/app/tasklist/default/#/?task=" + task.getId());

    runJobsAt(due.minusSeconds(2));
    sendQueuedMails();
    assertThat(mailServer.received()).hasSize(1);
    runJobsAt(due);
    assertThat(dueDates()).containsExactly(due.plus(Duration.ofHours(24)));
    sendQueuedMails();
    assertThat(mailServer.received()).hasSize(2);
    MimeMessage overdue = mail("[Siaga Pilkada] Terlambat: Laporan uji");
    assertThat(overdue.getSubject()).startsWith("[Siaga Pilkada] Terlambat: Laporan uji");
    assertThat(to(overdue)).containsExactly(officer + "@siaga.demo");
    assertThat(records.currentLevel(task.getId())).isZero();

    runJobsAt(due.plus(Duration.ofHours(24)));
    assertThat(candidateGroups(task)).as("escalated when the timer fired, before any mail")
        .containsExactlyInAnyOrder(agency, provinceAgency);
    sendQueuedMails();
    assertThat(mailServer.received()).hasSize(3);
    MimeMessage first = mail("[Siaga Pilkada] Eskalasi tingkat 1: Laporan uji");
    assertThat(first.getSubject()).startsWith("[Siaga Pilkada] Eskalasi tingkat 1: Laporan uji");
    assertThat(to(first)).containsExactly(provinceOfficer + "@siaga.demo");
    assertThat(cc(first)).containsExactly(officer + "@siaga.demo");
    assertThat(records.currentLevel(task.getId())).isEqualTo(1);
    assertThat(candidateGroups(task)).containsExactlyInAnyOrder(agency, provinceAgency);
    assertThat(tasks.getVariableLocal(task.getId(), TaskEscalation.LEVEL_VARIABLE)).isEqualTo(1);
    assertThat(dueDates()).containsExactly(due.plus(Duration.ofHours(48)));

    runJobsAt(due.plus(Duration.ofHours(48)));
    sendQueuedMails();
    assertThat(mailServer.received()).hasSize(4);
    MimeMessage second = mail("[Siaga Pilkada] Eskalasi tingkat 2: Laporan uji");
    assertThat(second.getSubject()).startsWith("[Siaga Pilkada] Eskalasi tingkat 2: Laporan uji");
    assertThat(to(second)).as("Mabes Polri has no user here; the desk is informed at the last level")
        .containsExactly("desknasional@siaga.demo");
    assertThat(cc(second)).containsExactly(officer + "@siaga.demo");
    assertThat(candidateGroups(task)).containsExactlyInAnyOrder(agency, provinceAgency, "mabespolri", "desknasional");
    assertThat(records.steps(task.getId())).filteredOn(s -> s.level() == 2).extracting(EscalationRecords.Step::groupId)
        .containsExactlyInAnyOrder("mabespolri", "desknasional");
    assertThat(records.currentLevel(task.getId())).isEqualTo(2);

    assertThat(dueDates()).as("two levels, then the timer stops").isEmpty();
    runJobsAt(due.plus(Duration.ofDays(10)));
    sendQueuedMails();
    assertThat(mailServer.received()).hasSize(4);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isEqualTo(1);
    assertThat(outbox.keysOf(task.getId())).containsExactly(MailKey.of(task.getId(), DeadlineMailKinds.REMINDER),
        MailKey.of(task.getId(), DeadlineMailKinds.OVERDUE), new MailKey(task.getId(), DeadlineMailKinds.ESCALATION, "1"),
        new MailKey(task.getId(), DeadlineMailKinds.ESCALATION, "2"));
  }

  @Test
  void theEscalatedAgencyCanSeeAndCompleteTheTaskAnUnrelatedOneCannot() {
    Instant due = Instant.parse("2026-12-10T10:00:00Z");
    Task task = startTask("73.73", "polri7373", "2026-12-10T18:00");
    runJobsAt(due.plus(Duration.ofHours(24)));
    assertThat(candidateGroups(task)).contains("polri73");

    actAs("kodimpalopo");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
    assertThatThrownBy(() -> tasks.complete(task.getId())).isInstanceOf(AuthorizationException.class);
    actAs("polresmakassar");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
    actAs("polrespalopo");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the origin agency keeps it").isEqualTo(1);
    actAs("poldasulsel");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

    tasks.complete(task.getId());

    identity.clearAuthentication();
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
    assertThat(management.createJobQuery().processInstanceId(task.getProcessInstanceId()).count())
        .as("timers end with the task").isZero();
  }

  @Test
  void aTaskCompletedBeforeItsReminderGetsNoMail() {
    Task task = startTask("73.73", "polri7373", "2026-12-10T18:00");
    tasks.complete(task.getId());

    runJobsAt(Instant.parse("2026-12-20T00:00:00Z"));
    sendQueuedMails();

    assertThat(mailServer.received()).isEmpty();
    assertThat(management.createJobQuery().processInstanceId(task.getProcessInstanceId()).count()).isZero();
  }

  @Test
  void smtpDownKeepsTheMailQueuedWithoutHoldingUpTheEscalationAndSendsItOnceWhenBack() throws Exception {
    Task task = startTask("73.73", "polri7373", "2026-12-10T18:00");
    Instant due = Instant.parse("2026-12-10T10:00:00Z");
    mailServer.stop();

    runJobsAt(due.plus(Duration.ofHours(24)));
    assertThat(candidateGroups(task)).as("overdue and escalated although no mail can leave")
        .containsExactlyInAnyOrder("polri7373", "polri73");
    assertThat(runtime.createIncidentQuery().processInstanceId(task.getProcessInstanceId()).count()).isZero();
    for (int round = 1; round <= 3; round++) {
      sendQueuedMails();
      MailOutbox.Entry entry = outbox.find(new MailKey(task.getId(), DeadlineMailKinds.ESCALATION, "1")).orElseThrow();
      assertThat(entry.status()).isEqualTo("PENDING");
      assertThat(entry.attempts()).isEqualTo(round);
      assertThat(entry.lastError()).isNotBlank();
    }
    assertThat(outbox.find(MailKey.of(task.getId(), DeadlineMailKinds.REMINDER))).as("the task was created before its reminder"
        + " time, but the server came back after the due time: overdue notice only").isEmpty();
    assertThat(mailServer.received()).isEmpty();

    mailServer.start();
    sendQueuedMails();
    sendQueuedMails();

    assertThat(mailServer.received()).extracting(MimeMessage::getSubject).hasSize(2)
        .anySatisfy(subject -> assertThat(subject).startsWith("[Siaga Pilkada] Terlambat: Laporan uji"))
        .anySatisfy(subject -> assertThat(subject).startsWith("[Siaga Pilkada] Eskalasi tingkat 1: Laporan uji"));
    MailOutbox.Entry entry = outbox.find(new MailKey(task.getId(), DeadlineMailKinds.ESCALATION, "1")).orElseThrow();
    assertThat(entry.status()).isEqualTo("SENT");
    assertThat(entry.attempts()).isEqualTo(4);
  }

  @Test
  void manyTasksOfOneAgencyFallingDueAtOnceMakeOneMailListingThemEachKeyOnce() throws Exception {
    List<Task> malang = List.of(startTask("35.07", "polri3507", "2026-12-10T18:00"),
        startTask("35.07", "polri3507", "2026-12-10T18:00"), startTask("35.07", "polri3507", "2026-12-10T18:00"));
    Task palopo = startTask("73.73", "polri7373", "2026-12-10T18:00");
    assertThat(management.createJobQuery().processDefinitionKey("deadline-probe").timers().count())
        .as("one timer job per open task").isEqualTo(4);

    runJobsAt(Instant.parse("2026-12-09T11:00:00Z"));
    sendQueuedMails();

    assertThat(mailServer.received()).as("one mail per agency").hasSize(2);
    MimeMessage batch = mail("[Siaga Pilkada] Pengingat: 3 tugas – Kabupaten Malang");
    assertThat(to(batch)).containsExactly("polresmalang@siaga.demo");
    String text = body(batch);
    malang.forEach(task -> assertThat(text).contains("#/?task=" + task.getId()));
    assertThat(text).doesNotContain(palopo.getId()).contains("3 tugas berikut akan jatuh tempo");
    MimeMessage single = mail("[Siaga Pilkada] Pengingat: Laporan uji – Kota Palopo");
    assertThat(body(single)).contains("#/?task=" + palopo.getId());
    for (Task task : malang) {
      assertThat(outbox.find(MailKey.of(task.getId(), DeadlineMailKinds.REMINDER)).orElseThrow().status()).isEqualTo("SENT");
    }

    runJobsAt(Instant.parse("2026-12-09T11:00:00Z"));
    sendQueuedMails();
    assertThat(mailServer.received()).as("each key in one mail only").hasSize(2);
  }

  @Test
  void aBatchLargerThanOneMailHoldsIsSplitAndEveryTaskIsListedExactlyOnce() throws Exception {
    List<Task> malang = new java.util.ArrayList<>();
    for (int i = 0; i < 52; i++) {
      malang.add(startTask("35.07", "polri3507", "2026-12-10T18:00"));
    }

    runJobsAt(Instant.parse("2026-12-09T11:00:00Z"));
    sendQueuedMails();

    assertThat(mailServer.received()).as("50 tasks per mail at most").hasSize(2);
    String first = html(mailServer.received().get(0));
    String second = html(mailServer.received().get(1));
    for (Task task : malang) {
      String link = "#/?task=" + task.getId() + "\"";
      assertThat(first.contains(link) ^ second.contains(link)).as("in one mail only: " + task.getId()).isTrue();
      assertThat((first + second).split(java.util.regex.Pattern.quote(link), -1)).as("listed once").hasSize(2);
    }
    assertThat(mail("[Siaga Pilkada] Pengingat: 50 tugas – Kabupaten Malang")).isNotNull();
    assertThat(mail("[Siaga Pilkada] Pengingat: 2 tugas – Kabupaten Malang")).isNotNull();
  }

  @Test
  void aTaskCreatedAfterItsReminderTimeIsRemindedAtOnce() throws Exception {
    Task task = startTask("73.73", "polri7373", "2026-12-01T18:00");
    assertThat(dueDates()).as("fires at once").containsExactly(start.plusSeconds(1));

    runJobsAt(start.plusSeconds(1));
    sendQueuedMails();

    assertThat(mailServer.received()).hasSize(1);
    assertThat(mail("[Siaga Pilkada] Pengingat: Laporan uji").getSubject()).contains("Kota Palopo");
    assertThat(dueDates()).containsExactly(task.getDueDate().toInstant());
  }

  @Test
  void usersWithoutAnAddressAreSkippedNotAnError() throws Exception {
    Task task = startTask("35.07", "polri3507", "2026-12-10T18:00");

    runJobsAt(Instant.parse("2026-12-09T11:00:00Z"));
    sendQueuedMails();

    assertThat(mailServer.received()).hasSize(1);
    assertThat(to(mailServer.received().get(0))).containsExactly("polresmalang@siaga.demo");
  }

  @Test
  void hostileTextInATaskArrivesEscaped() throws Exception {
    Task task = startTask("73.73", "polri7373", "2026-12-10T18:00");
    runtime.setVariable(task.getProcessInstanceId(), "stageName", "<script>alert('tahapan')</script>");
    task.setName("Laporan <img src=x onerror=alert(1)>");
    tasks.saveTask(task);

    runJobsAt(Instant.parse("2026-12-09T10:00:00Z"));
    sendQueuedMails();

    String html = html(mailServer.received().get(0));
    assertThat(html).contains("&lt;script&gt;alert(&#39;tahapan&#39;)&lt;/script&gt;")
        .contains("Laporan &lt;img src=x onerror=alert(1)&gt;")
        .doesNotContain("<script>alert").doesNotContain("<img src=x");
  }

  /** The one received mail whose subject starts so; fails when there is none or more than one. */
  private MimeMessage mail(String subjectStart) throws Exception {
    List<MimeMessage> matching = new java.util.ArrayList<>();
    for (MimeMessage message : mailServer.received()) {
      if (message.getSubject().startsWith(subjectStart)) {
        matching.add(message);
      }
    }
    assertThat(matching).as("mails starting with '%s'", subjectStart).hasSize(1);
    return matching.get(0);
  }

  private Task startTask(String region, String agency, String dueLocal) {
    ProcessInstance instance = runtime.startProcessInstanceByKey("deadline-probe",
        Map.of("agencyGroup", agency, "regionCode", region, "dueAt", dueLocal, "stageName", "Kampanye"));
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private List<Instant> dueDates() {
    return management.createJobQuery().processDefinitionKey("deadline-probe").timers().list().stream()
        .map(job -> job.getDuedate().toInstant()).toList();
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
        .map(l -> l.getGroupId()).toList();
  }

  /** Sends what was queued, a batch window after the engine clock's current time. */
  private void sendQueuedMails() {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(1))));
    batches.sendReady();
  }

  /**
   * Runs what is due at {@code instant}, as the job executor would a moment later: a frozen clock
   * at exactly the last instant of a timer cycle would make the cycle fire again.
   */
  private void runJobsAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant.plusSeconds(1)));
    executeDue();
  }

  /** Executes every job due now, including the ones they create, like the job executor would. */
  private void executeDue() {
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().processDefinitionKey("deadline-probe").executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }

  private void actAs(String userId) {
    EngineUsers.actAs(identity, userId);
  }

  private void user(String id, String group, String email) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(id);
      user.setLastName("Uji");
      user.setEmail(email);
      user.setPassword("Tenggat#Kuat-2026");
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }
}

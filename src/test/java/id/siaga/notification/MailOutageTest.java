package id.siaga.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.MailboxAssert;
import id.siaga.SiagaSpringBootTest;
import id.siaga.digest.DailyDigest;
import id.siaga.escalation.DeadlineMailKinds;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16, part 3: the SMTP server is down for 10 minutes of engine time while a reminder burst
 * is queued (four tasks of three agencies, due at once) and the hourly digest job sends its mails.
 * Meanwhile the mails show as {@code mailDelivery} incidents on their tasks and on the job, through
 * the engine and through the REST API Cockpit reads, with their message in Bahasa Indonesia; the
 * job is retried by its own policy (R5/PT5M) and raises no {@code failedJob} incident. When the
 * server is back, the next rounds send every mail once and the incidents go away, with nobody doing
 * anything. An outage longer than the job's five attempts (20 minutes) ends in its
 * {@code failedJob} incident, and "Retry" in Cockpit is the one thing an operator does. The engine
 * clock is driven; the sender's rounds and the due jobs are run as the schedule and the job
 * executor would.
 */
@SiagaSpringBootTest
class MailOutageTest {

  /** 07:00 WITA on Sunday 20 December 2026: the digest of the WITA agencies is due. */
  static final Instant DOWN_AT = Instant.parse("2026-12-19T23:00:00Z");
  static final String DIGEST_DATE = "2026-12-20";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired DevMailServer mailServer;
  @Autowired MailOutbox outbox;
  @Autowired MailBatches batches;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  private final List<String> instances = new ArrayList<>();
  private String digestInstance;

  @BeforeEach
  void setUp() {
    identity.clearAuthentication();
    ClockUtil.setCurrentTime(Date.from(DOWN_AT));
    mailServer.start();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    mailServer.start();
    for (String id : instances) {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.deleteProcessInstance(id, "test finished");
      }
    }
  }

  @Test
  void incidentsShowWhileSmtpIsDownAndEveryMailIsSentOnceWhenItIsBackWithoutAnOperator() throws Exception {
    List<Task> burst = List.of(startTask("35.07", "polri3507"), startTask("35.07", "polri3507"),
        startTask("73.73", "polri7373"), startTask("73.73", "kpu7373"));
    mailServer.stop();

    // 23:00:02: every reminder falls due at once; the hourly digest starts and its job fails
    Instant firstFailure = DOWN_AT.plusSeconds(2);
    at(firstFailure);
    runDeadlineTimers(burst);
    for (Task task : burst) {
      assertThat(outbox.find(reminder(task))).as("queued").isPresent();
    }
    Job hourly = management.createJobQuery().processDefinitionKey("daily-digest").timers().singleResult();
    List<String> before = management.createJobQuery().processDefinitionKey("daily-digest").messages().list().stream()
        .map(Job::getId).toList();
    management.executeJob(hourly.getId());
    Job digestJob = management.createJobQuery().processDefinitionKey("daily-digest").messages().list().stream()
        .filter(job -> !before.contains(job.getId())).findFirst().orElseThrow();
    digestInstance = digestJob.getProcessInstanceId();
    instances.add(digestInstance);
    assertThatThrownBy(() -> management.executeJob(digestJob.getId())).as("SMTP is down").isNotNull();
    Job failedOnce = management.createJobQuery().jobId(digestJob.getId()).singleResult();
    assertThat(failedOnce.getRetries()).as("R5/PT5M: four retries left").isEqualTo(4);
    assertThat(failedOnce.getDuedate().toInstant()).isEqualTo(firstFailure.plus(Duration.ofMinutes(5)));
    List<MailKey> failing = digestKeys().stream()
        .filter(key -> "PENDING".equals(outbox.find(key).orElseThrow().status())).toList();
    assertThat(failing).as("the job stopped at its first failing mail").hasSize(1);
    MailKey digestKey = failing.get(0);
    assertThat(outbox.find(digestKey).orElseThrow().executionId()).as("the job's execution")
        .isEqualTo(digestJob.getExecutionId());

    // 23:01:30: the sender's first round fails: one failure each, no incident yet
    round(1);
    for (Task task : burst) {
      MailOutbox.Entry entry = outbox.find(reminder(task)).orElseThrow();
      assertThat(entry.status()).isEqualTo("PENDING");
      assertThat(entry.attempts()).isEqualTo(1);
      assertThat(entry.executionId()).isEqualTo(task.getExecutionId());
    }
    assertThat(mailIncidents()).as("one failure is not an incident").isEmpty();

    // 23:02:30: the second failure of each queued mail: an incident on each task
    round(2);
    List<Incident> onTasks = mailIncidents();
    assertThat(onTasks).extracting(Incident::getExecutionId)
        .containsExactlyInAnyOrderElementsOf(burst.stream().map(Task::getExecutionId).toList());
    for (Task task : burst) {
      Incident incident = onTasks.stream().filter(i -> i.getExecutionId().equals(task.getExecutionId())).findFirst()
          .orElseThrow();
      assertThat(incident.getConfiguration()).isEqualTo(reminder(task).toString());
      assertThat(incident.getActivityId()).as("on the task in Cockpit's diagram").isEqualTo("ProbeReportTask");
      assertThat(incident.getIncidentMessage()).startsWith("Surel REMINDER belum terkirim, dicoba lagi otomatis: ")
          .contains("MailSendException");
    }
    round(3);
    round(4);
    assertThat(mailIncidents()).as("one incident per task, not one per round").hasSize(4);

    // 23:05:02: the job's first retry fails as well: its second failure, an incident on the job's execution
    at(firstFailure.plus(Duration.ofMinutes(5)).minusSeconds(1));
    assertThat(runDueDigestJob()).as("not due before its 5 minutes").isFalse();
    at(firstFailure.plus(Duration.ofMinutes(5)));
    assertThat(runDueDigestJob()).as("due by R5/PT5M").isTrue();
    Job failedTwice = management.createJobQuery().jobId(digestJob.getId()).singleResult();
    assertThat(failedTwice.getRetries()).isEqualTo(3);
    assertThat(failedTwice.getDuedate().toInstant()).isEqualTo(firstFailure.plus(Duration.ofMinutes(10)));
    round(5);
    assertThat(mailIncidents()).hasSize(5).filteredOn(i -> i.getExecutionId().equals(digestJob.getExecutionId()))
        .singleElement().satisfies(incident -> {
          assertThat(incident.getConfiguration()).isEqualTo(digestKey.toString());
          assertThat(incident.getIncidentMessage()).startsWith("Surel DIGEST belum terkirim, dicoba lagi otomatis: ");
        });
    assertThat(runtime.createIncidentQuery().incidentType("failedJob").processInstanceId(digestJob.getProcessInstanceId())
        .count()).as("the job still has retries: no failedJob incident").isZero();

    // what Cockpit reads: the same incidents over the REST API, for an administrator
    ResponseEntity<List<Map<String, Object>>> overRest = rest.withBasicAuth(SiagaSpringBootTest.ADMIN,
        SiagaSpringBootTest.ADMIN_PASSWORD).exchange("/engine-rest/incident?incidentType=" + MailIncidents.TYPE,
        HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {});
    assertThat(overRest.getStatusCode().value()).isEqualTo(200);
    List<Map<String, Object>> ours = overRest.getBody().stream()
        .filter(incident -> instances.contains((String) incident.get("processInstanceId"))).toList();
    assertThat(ours).hasSize(5).allSatisfy(incident -> {
      assertThat(incident.get("incidentType")).isEqualTo(MailIncidents.TYPE);
      assertThat((String) incident.get("incidentMessage")).matches("Surel (REMINDER|DIGEST) belum terkirim, dicoba"
          + " lagi otomatis: .*MailSendException.*");
    });
    for (int minute = 6; minute <= 9; minute++) {
      round(minute);
    }
    assertThat(mailIncidents()).hasSize(5);

    // 23:10: the server is back after 10 minutes; the job's next retry and the sender's next rounds send everything
    at(DOWN_AT.plus(Duration.ofMinutes(10)));
    mailServer.start();
    at(firstFailure.plus(Duration.ofMinutes(10)));
    assertThat(runDueDigestJob()).isTrue();
    round(10);
    round(11);

    assertThat(mailIncidents()).as("no incident left open, and nobody resolved one").isEmpty();
    assertThat(management.createJobQuery().jobId(digestJob.getId()).count()).as("the job succeeded").isZero();
    for (Task task : burst) {
      MailOutbox.Entry entry = outbox.find(reminder(task)).orElseThrow();
      assertThat(entry.status()).isEqualTo("SENT");
      assertThat(entry.incidentId()).isNull();
      assertThat(history.createHistoricIncidentQuery().incidentType(MailIncidents.TYPE)
          .executionId(task.getExecutionId()).resolved().count()).as("resolved when its mail was sent").isEqualTo(1);
    }
    assertThat(history.createHistoricIncidentQuery().incidentType(MailIncidents.TYPE)
        .processInstanceId(digestJob.getProcessInstanceId()).deleted().count())
        .as("the digest's instance ended once its mails were sent, taking its incident along").isEqualTo(1);
    List<MailKey> digestsOfTheDay = digestKeys();
    assertThat(digestsOfTheDay).contains(new MailKey("polri7373", DailyDigest.DIGEST, DIGEST_DATE),
        new MailKey("kpu7373", DailyDigest.DIGEST, DIGEST_DATE));
    for (MailKey key : digestsOfTheDay) {
      MailOutbox.Entry entry = outbox.find(key).orElseThrow();
      assertThat(entry.status()).as(key.toString()).isIn("SENT", "SKIPPED");
      assertThat(entry.incidentId()).isNull();
    }

    // every mail once: each key's copies are one per recipient, and each task is in one reminder
    Map<String, List<MimeMessage>> copiesByKey = new HashMap<>();
    for (MimeMessage copy : mailServer.copies()) {
      copiesByKey.computeIfAbsent(copy.getHeader(Mailer.KEY_HEADER)[0], key -> new ArrayList<>()).add(copy);
    }
    for (MailKey key : digestsOfTheDay) {
      if ("SENT".equals(outbox.find(key).orElseThrow().status())) {
        assertThat(copiesByKey).as("digest " + key).containsKey(key.toString());
      }
    }
    copiesByKey.forEach((key, copies) -> assertThat(copies).as("copies of " + key)
        .hasSize(recipients(copies.get(0))).extracting(this::messageId).containsOnly(messageId(copies.get(0))));
    for (Task task : burst) {
      List<MimeMessage> reminders = mailServer.received().stream()
          .filter(mail -> subject(mail).startsWith("[Siaga Pilkada] Pengingat"))
          .filter(mail -> html(mail).contains("#/?task=" + task.getId() + "\"")).toList();
      assertThat(reminders).as("reminders listing " + task.getId()).hasSize(1);
    }
    assertThat(mailServer.received()).filteredOn(mail -> subject(mail).startsWith("[Siaga Pilkada] Pengingat"))
        .filteredOn(mail -> burst.stream().anyMatch(task -> html(mail).contains("#/?task=" + task.getId() + "\"")))
        .as("one mail per agency: Malang's two tasks in one").hasSize(3);
  }

  @Test
  void anOutageLongerThanTheJobsRetriesEndsInAFailedJobIncidentWhoseRetryInCockpitSendsTheMailOnce() throws Exception {
    Instant down = DOWN_AT.plus(Duration.ofDays(1)); // 07:00 WITA on 21 December
    at(down);
    startTask("73.73", "kpu7373");
    mailServer.stop();
    at(down.plusSeconds(2));
    Job hourly = management.createJobQuery().processDefinitionKey("daily-digest").timers().singleResult();
    List<String> before = management.createJobQuery().processDefinitionKey("daily-digest").messages().list().stream()
        .map(Job::getId).toList();
    management.executeJob(hourly.getId());
    Job digestJob = management.createJobQuery().processDefinitionKey("daily-digest").messages().list().stream()
        .filter(job -> !before.contains(job.getId())).findFirst().orElseThrow();
    digestInstance = digestJob.getProcessInstanceId();
    instances.add(digestInstance);

    // five attempts, 5 minutes apart (R5/PT5M); the sender's rounds run in between
    for (int attempt = 1; attempt <= 5; attempt++) {
      at(down.plusSeconds(2).plus(Duration.ofMinutes(5L * (attempt - 1))));
      assertThat(runDueDigestJob()).as("attempt " + attempt + " due").isTrue();
      at(now().plusSeconds(30));
      batches.sendReady();
      assertThat(management.createJobQuery().jobId(digestJob.getId()).singleResult().getRetries())
          .isEqualTo(5 - attempt);
    }
    assertThat(runtime.createIncidentQuery().incidentType("failedJob").processInstanceId(digestInstance).count())
        .as("retries ran out 20 minutes after the first failure").isEqualTo(1);
    assertThat(mailIncidents()).as("the mail's own incident stays beside it").hasSize(1);

    // the server is back: nothing retries the job by itself any more; the mail stays unsent
    at(down.plus(Duration.ofMinutes(25)));
    mailServer.start();
    at(now().plus(Duration.ofMinutes(10)));
    assertThat(runDueDigestJob()).isFalse();
    batches.sendReady();
    assertThat(mailIncidents()).hasSize(1);
    List<MailKey> pending = digestKeys("2026-12-21").stream()
        .filter(key -> "PENDING".equals(outbox.find(key).orElseThrow().status())).toList();
    assertThat(pending).hasSize(1);

    // the one operator action: "Retry" on the failedJob incident in Cockpit (the job's retries over the REST API)
    ResponseEntity<String> retry = rest.withBasicAuth(SiagaSpringBootTest.ADMIN, SiagaSpringBootTest.ADMIN_PASSWORD)
        .exchange("/engine-rest/job/" + digestJob.getId() + "/retries", HttpMethod.PUT,
            new org.springframework.http.HttpEntity<>(Map.of("retries", 1)), String.class);
    assertThat(retry.getStatusCode().value()).isEqualTo(204);
    assertThat(runDueDigestJob()).isTrue();
    batches.sendReady();

    assertThat(runtime.createIncidentQuery().processInstanceId(digestInstance).count()).isZero();
    assertThat(mailIncidents()).isEmpty();
    for (MailKey key : digestKeys("2026-12-21")) {
      MailOutbox.Entry entry = outbox.find(key).orElseThrow();
      assertThat(entry.status()).as(key.toString()).isIn("SENT", "SKIPPED");
      assertThat(entry.incidentId()).isNull();
      if ("SENT".equals(entry.status())) {
        List<MimeMessage> copies = mailServer.copies().stream().filter(copy -> key.toString().equals(header(copy)))
            .toList();
        assertThat(copies).as("copies of " + key).isNotEmpty().hasSize(recipients(copies.get(0)));
      }
    }
    assertThat(outbox.find(pending.get(0)).orElseThrow().status()).isEqualTo("SENT");
  }

  private static String header(MimeMessage mail) {
    try {
      String[] values = mail.getHeader(Mailer.KEY_HEADER);
      return values == null ? null : values[0];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private List<Incident> mailIncidents() {
    return runtime.createIncidentQuery().incidentType(MailIncidents.TYPE).list().stream()
        .filter(incident -> instances.contains(incident.getProcessInstanceId())).toList();
  }

  private List<MailKey> digestKeys() {
    return digestKeys(DIGEST_DATE);
  }

  private List<MailKey> digestKeys(String date) {
    return jdbc.query("select subject_key from siaga_mail_outbox where kind = ? and level_key = ?",
        (rs, row) -> new MailKey(rs.getString(1), DailyDigest.DIGEST, date), DailyDigest.DIGEST.name(), date);
  }

  private static MailKey reminder(Task task) {
    return MailKey.of(task.getId(), DeadlineMailKinds.REMINDER);
  }

  /** One round of the sender half a minute after {@code minute} minutes of outage, as its schedule runs it. */
  private void round(int minute) {
    at(DOWN_AT.plus(Duration.ofMinutes(minute)).plusSeconds(30));
    batches.sendReady();
  }

  private void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** Runs the deadline timers due now of these tasks, and the jobs they create, like the job executor. */
  private void runDeadlineTimers(List<Task> of) {
    for (Task task : of) {
      for (Job job : management.createJobQuery().processInstanceId(task.getProcessInstanceId()).executable().list()) {
        management.executeJob(job.getId());
      }
    }
  }

  /**
   * Runs the digest's send job if it is due now, as the job executor would; a failure is recorded on the
   * job (retries, next due date) as the executor's would be.
   *
   * @return whether it was due
   */
  private boolean runDueDigestJob() {
    List<Job> due = management.createJobQuery().processInstanceId(digestInstance).messages().executable().list();
    for (Job job : due) {
      try {
        management.executeJob(job.getId());
      } catch (RuntimeException failed) {
        // the job executor logs it; the retry policy has recorded it
      }
    }
    return !due.isEmpty();
  }

  private Task startTask(String region, String agency) {
    String id = runtime.startProcessInstanceByKey("deadline-probe", Map.of("agencyGroup", agency, "regionCode", region,
        "dueAt", "2026-12-20T18:00", "stageName", "Kampanye")).getId();
    instances.add(id);
    return tasks.createTaskQuery().processInstanceId(id).singleResult();
  }

  private int recipients(MimeMessage mail) {
    try {
      return MailboxAssert.to(mail).size() + MailboxAssert.cc(mail).size();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String html(MimeMessage mail) {
    try {
      return MailboxAssert.html(mail);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

package id.siaga.meeting;

import static id.siaga.meeting.CoordinationMeetingDriver.assertRefused;
import static id.siaga.meeting.CoordinationMeetingDriver.json;
import static id.siaga.meeting.CoordinationMeetingDriver.scheduleForm;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import id.siaga.notification.MailBatches;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/**
 * A province's Rakor that invites the agencies of its regencies and cities (issue 15, part 1):
 * Badan Kesbangpol Sulawesi Selatan invites Polda and, in every regency and city of the province,
 * the Polres and the Badan Kesbangpol. Each invited agency gets its own report task (routing), reads
 * the meeting's record and documents though the meeting is the province's (visibility), and its
 * late report climbs its own line: Polres Palopo's to Polda, Polda's to Mabes Polri (escalation).
 * Another province's agencies read nothing; a regency's Rakor may not invite regency agencies.
 */
@SiagaSpringBootTest
class ProvinceRakorTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired MailBatches batches;
  @Autowired Elections elections;
  @Autowired TestRestTemplate rest;

  final Instant now = ZonedDateTime.of(2026, 12, 3, 8, 0, 0, 0, WITA).toInstant();
  CoordinationMeetingDriver driver;
  String electionId;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(now));
    driver = new CoordinationMeetingDriver(forms, repository, identity, tasks);
    electionId = elections.createSimulation("pilkada-2024", LocalDate.of(2027, 1, 20)).id();
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    ClockUtil.reset();
    runtime.createProcessInstanceQuery().processDefinitionKey(MeetingVariables.PROCESS_KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
  }

  @Test
  void eachRegencyAgencyIsRoutedItsReportReadsTheRecordAndClimbsItsOwnLine() {
    ProcessInstance pi = driver.start(provinceForm("2026-12-17T09:00", "[\"POLRI\",\"KESBANGPOL\"]"), "kesbangpolsulsel");
    String meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
    Meeting meeting = meeting(meetingId);
    assertThat(meeting.regionCode()).isEqualTo("73");
    assertThat(meeting.conveningGroup()).isEqualTo("kesbangpol73");
    // Polda, and the Polres and the Kesbangpol of every regency and city of Sulawesi Selatan (24 of them)
    assertThat(meeting.invitedGroups()).contains("polri73", "polri7373", "polri7371", "polri7301", "kesbangpol7373")
        .doesNotContain("tni7373", "polri7602").hasSize(1 + 2 * 24);

    // routing: one report task per invited agency, for that agency only
    List<Task> reports = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("SubmitReadinessReportTask")
        .list();
    assertThat(reports).hasSize(49);
    Task palopo = driver.task(pi, "SubmitReadinessReportTask", "polri7373");
    Task polda = driver.task(pi, "SubmitReadinessReportTask", "polri73");
    assertThat(groups(palopo)).containsExactly("polri7373");
    assertThat(openTasksFor("polrespalopo", pi)).containsExactly(palopo.getId());

    // visibility: an invited regency's Polres reads the province's meeting and its letter
    assertThat(status("polrespalopo", "/api/meetings/" + meetingId)).isEqualTo(200);
    assertThat(status("polrespalopo", "/api/meetings/" + meetingId + "/documents/undangan.pdf")).isEqualTo(200);
    assertThat(status("polresmakassar", "/api/meetings/" + meetingId)).isEqualTo(200);
    assertThat(status("kesbangpolmamuju", "/api/meetings/" + meetingId)).as("Sulawesi Barat").isEqualTo(404);
    assertThat(status("polresmalang", "/api/meetings/" + meetingId)).isEqualTo(404);

    // escalation: the reports are due the day before at noon; a day later each has climbed its own line
    Instant due = palopo.getDueDate().toInstant();
    runJobsAt(pi, due.plus(Duration.ofHours(24)));
    assertThat(groups(task(palopo.getId()))).contains("polri7373", "polri73");
    assertThat(groups(task(polda.getId()))).contains("polri73", "mabespolri");
    assertThat(groups(task(driver.task(pi, "SubmitReadinessReportTask", "kesbangpol7373").getId())))
        .contains("kesbangpol7373", "kesbangpol73");

    // the record: the coordinator's choices are the meeting's agencies by name; a regency's Polres attends
    // and owns an action item, which becomes its task
    ClockUtil.setCurrentTime(Date.from(meeting.meetingAt().plus(Duration.ofHours(2))));
    Task outcome = driver.task(pi, "RecordMeetingOutcomeTask", "kesbangpol73");
    String options = String.valueOf(tasks.getVariable(outcome.getId(), "agencyOptions"));
    assertThat(options).contains("{\"label\":\"Polres Palopo\",\"value\":\"polri7373\"}");
    Map<String, Object> held = new HashMap<>(Map.of("meetingOutcome", "DILAKSANAKAN",
        "attendance", json("[\"kesbangpol73\",\"polri73\",\"polri7373\"]"), "minutes", "Patroli gabungan disepakati.",
        "actionItem1Description", "Patroli gabungan di Wara", "actionItem1Owner", json("[\"polri7373\"]"),
        "actionItem1Due", "2027-02-10"));   // after the campaign (ends 16 January), within the election
    driver.submit(outcome, "kesbangpolsulsel", held);
    assertThat(meeting(meetingId).attendance()).containsExactly("kesbangpol73", "polri73", "polri7373");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("CompleteActionItemTask")
        .taskCandidateGroup("polri7373").count()).isOne();
    assertThat(meetings.actionItems(meetingId)).singleElement()
        .satisfies(item -> assertThat(item.dueLocal()).isEqualTo(LocalDate.of(2027, 2, 10)));
  }

  @Test
  void aRegencysRakorMayNotInviteRegencyAgencies() {
    Map<String, Object> form = new HashMap<>(scheduleForm(electionId, "2026-12-17T10:00", List.of("POLRI")));
    form.put("invitedRegencyAgencies", json("[\"POLRI\"]"));
    assertRefused(() -> driver.start(form, "kesbangpolpalopo"),
        "Instansi kabupaten/kota hanya dapat diundang ke Rakor tingkat provinsi");
  }

  // ------------------------------------------------------------------ helpers

  Map<String, Object> provinceForm(String meetingAt, String regencyTypes) {
    Map<String, Object> form = new HashMap<>(scheduleForm(electionId, meetingAt, List.of("POLRI")));
    form.put("regionCode", "73");
    form.put("title", "Rakor kesiapan kampanye Provinsi Sulawesi Selatan");
    form.put("conveningAgency", "PROVINSI_KESBANGPOL");
    form.put("invitedRegencyAgencies", json(regencyTypes));
    return form;
  }

  @Autowired MeetingRepository meetings;

  Meeting meeting(String meetingId) {
    return meetings.find(meetingId).orElseThrow();
  }

  Task task(String id) {
    return tasks.createTaskQuery().taskId(id).singleResult();
  }

  List<String> groups(Task task) {
    return driver.groups(task);
  }

  /** The open tasks of the instance that the user sees through the engine's REST API (authorizations on). */
  List<String> openTasksFor(String user, ProcessInstance pi) {
    return rest.withBasicAuth(user, SiagaSpringBootTest.DEMO_PASSWORD).exchange(
            "/engine-rest/task?processInstanceId=" + pi.getId(), HttpMethod.GET, null,
            new ParameterizedTypeReference<List<Map<String, Object>>>() {})
        .getBody().stream().map(t -> (String) t.get("id")).toList();
  }

  int status(String user, String path) {
    return rest.withBasicAuth(user, SiagaSpringBootTest.DEMO_PASSWORD).getForEntity(path, byte[].class)
        .getStatusCode().value();
  }

  void runJobsAt(ProcessInstance pi, Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant.plusSeconds(1)));
    CoordinationMeetingDriver.runJobs(management, pi);
    batches.sendReady();
  }
}

package id.siaga.meeting;

import static id.siaga.meeting.CoordinationMeetingDriver.assertRefused;
import static id.siaga.meeting.CoordinationMeetingDriver.json;
import static id.siaga.meeting.CoordinationMeetingDriver.scheduleForm;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
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

/**
 * A national forum (issue 15, part 1): the national desk convenes, in Jakarta, the Badan Kesbangpol
 * and the Polda of three provinces (Sulawesi Selatan, Kalimantan Timur, Jawa Timur). Each of the six
 * agencies gets its own report task, reads the forum's record, and its late report climbs its own
 * line (Kesbangpol Sulawesi Selatan to Kemendagri and the desk, Polda to Mabes Polri). Agencies of
 * provinces not invited read nothing; only the desk or Kemendagri may invite other provinces.
 */
@SiagaSpringBootTest
class NationalForumTest {

  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired Elections elections;
  @Autowired MeetingRepository meetings;
  @Autowired TestRestTemplate rest;

  CoordinationMeetingDriver driver;
  String electionId;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 3, 8, 0, 0, 0, WIB).toInstant()));
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
  void threeProvincesAgenciesAreRoutedReadTheForumAndClimbTheirOwnLines() {
    ProcessInstance pi = driver.start(forumForm("NASIONAL", "[\"73\",\"64\",\"35\"]"), "desknasional");
    Meeting forum = meetings.find((String) runtime.getVariable(pi.getId(), "meetingId")).orElseThrow();
    assertThat(forum.conveningGroup()).isEqualTo("desknasional");
    assertThat(forum.invitedGroups()).containsExactlyInAnyOrder("kesbangpol73", "polri73", "kesbangpol64", "polri64",
        "kesbangpol35", "polri35");
    assertThat(forum.meetingAt()).isEqualTo(ZonedDateTime.of(2026, 12, 17, 9, 0, 0, 0, WIB).toInstant());

    // routing
    List<Task> reports = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("SubmitReadinessReportTask")
        .list();
    assertThat(reports).hasSize(6);
    Task sulsel = driver.task(pi, "SubmitReadinessReportTask", "kesbangpol73");
    Task poldaJatim = driver.task(pi, "SubmitReadinessReportTask", "polri35");
    assertThat(groups(sulsel)).containsExactly("kesbangpol73");

    // visibility: the invited provinces' agencies read the forum; others do not
    assertThat(status("kesbangpolsulsel", "/api/meetings/" + forum.meetingId())).isEqualTo(200);
    assertThat(status("poldasulsel", "/api/meetings/" + forum.meetingId() + "/documents/undangan.pdf")).isEqualTo(200);
    assertThat(status("kesbangpolmamuju", "/api/meetings/" + forum.meetingId())).isEqualTo(404);
    assertThat(status("polrespalopo", "/api/meetings/" + forum.meetingId())).as("a regency, not invited").isEqualTo(404);

    // escalation, a day after the reports' due time
    runJobsAt(pi, sulsel.getDueDate().toInstant().plus(Duration.ofHours(24)));
    assertThat(groups(task(sulsel.getId()))).contains("kesbangpol73", "kemendagri", "desknasional");
    assertThat(groups(task(poldaJatim.getId()))).contains("polri35", "mabespolri");
  }

  @Test
  void kemendagriMayConveneEveryProvincesKesbangpolAndOthersMayNotInviteOtherProvinces() {
    Map<String, Object> all = forumForm("KEMENDAGRI", "[\"SEMUA\"]", "[\"KESBANGPOL\"]");
    all.put("meetingAt", "2026-12-18T13:00");   // another forum than the other test's
    ProcessInstance pi = driver.start(all, "kemendagri");
    Meeting forum = meetings.find((String) runtime.getVariable(pi.getId(), "meetingId")).orElseThrow();
    assertThat(forum.conveningGroup()).isEqualTo("kemendagri");
    assertThat(forum.invitedGroups()).hasSize(38).allMatch(g -> g.matches("kesbangpol[0-9]{2}"));

    Map<String, Object> byProvince = forumForm("PROVINSI_KESBANGPOL", "[\"73\"]");
    byProvince.put("regionCode", "73");
    assertRefused(() -> driver.start(byProvince, "kesbangpolsulsel"),
        "Instansi provinsi lain hanya dapat diundang ke forum nasional");
    Map<String, Object> unknown = forumForm("NASIONAL", "[\"99\"]");
    assertRefused(() -> driver.start(unknown, "desknasional"), "Provinsi tidak dikenal: 99");
  }

  // ------------------------------------------------------------------ helpers

  Map<String, Object> forumForm(String convening, String provinces) {
    return forumForm(convening, provinces, "[\"KESBANGPOL\",\"POLRI\"]");
  }

  Map<String, Object> forumForm(String convening, String provinces, String types) {
    Map<String, Object> form = new HashMap<>(scheduleForm(electionId, "2026-12-17T09:00", List.of()));
    form.put("regionCode", "31");   // held in Jakarta, at the ministry: WIB
    form.put("title", "Forum koordinasi nasional kesiapan kampanye");
    form.put("conveningAgency", convening);
    form.put("invitedProvinces", json(provinces));
    form.put("invitedProvinceAgencies", json(types));
    return form;
  }

  Task task(String id) {
    return tasks.createTaskQuery().taskId(id).singleResult();
  }

  List<String> groups(Task task) {
    return driver.groups(task);
  }

  int status(String user, String path) {
    return rest.withBasicAuth(user, SiagaSpringBootTest.DEMO_PASSWORD).getForEntity(path, byte[].class)
        .getStatusCode().value();
  }

  void runJobsAt(ProcessInstance pi, Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant.plusSeconds(1)));
    CoordinationMeetingDriver.runJobs(management, pi);
  }
}

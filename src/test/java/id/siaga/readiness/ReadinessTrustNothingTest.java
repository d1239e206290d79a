package id.siaga.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Black-box: the readiness processes through the REST API Tasklist uses, as the demo's officers
 * would try them. Nobody but an administrator starts a walk or a stage readiness over the engine's
 * API; a declaration is made by the region's coordinator only, with the form's fields only.
 */
@SiagaSpringBootTest
class ReadinessTrustNothingTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final LocalDate VOTING_DAY = LocalDate.of(2028, 5, 17);

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ReadinessRepository records;
  @Autowired Elections elections;
  @Autowired JdbcTemplate jdbc;

  String electionId;

  @BeforeEach
  void setUp() {
    electionId = elections.createSimulation("pilkada-2024", VOTING_DAY).id();
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(VOTING_DAY.minusDays(10), LocalTime.NOON, WITA).toInstant()));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    for (String key : List.of("regional-readiness", "stage-readiness", "coordination-meeting")) {
      runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
    }
    jdbc.update("delete from siaga_stage_readiness");
    jdbc.update("delete from siaga_regional_readiness");
    String mine = "(select meeting_id from siaga_meeting where election_id = ?)";
    jdbc.update("delete from siaga_meeting_report where meeting_id in " + mine, electionId);
    jdbc.update("delete from siaga_meeting where election_id = ?", electionId);
  }

  @Test
  void officersStartNoReadinessAndOnlyTheRegionsCoordinatorDeclaresWithTheFormsFields() {
    Map<String, Object> vars = Map.of("variables", Map.of("regionCode", Map.of("value", "73.73"),
        "electionId", Map.of("value", electionId), "stageCode", Map.of("value", "masa-tenang")));
    for (String key : List.of("stage-readiness", "regional-readiness")) {
      for (String user : List.of("kesbangpolpalopo", "polrespalopo")) {
        ResponseEntity<String> started = post(user, "/engine-rest/process-definition/key/" + key + "/start", vars);
        // without the engine's permission to start (403/404), or refused by the gate (no start form: no
        // variables) or by the process's first step (400)
        assertThat(started.getStatusCode().value()).as(user + " starts " + key).isIn(400, 403, 404);
        if (started.getStatusCode().value() == 400) {
          assertThat(started.getBody()).contains("Tidak ada yang diubah");
        }
      }
    }
    assertThat(jdbc.queryForObject("select count(*) from siaga_stage_readiness", Integer.class)).isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("stage-readiness").count()).isZero();

    // the system starts one; the declaration opens three days before the quiet period
    ProcessInstance pi = runtime.startProcessInstanceByKey("stage-readiness", Variables.createVariables()
        .putValue("regionCode", "73.73").putValue("electionId", electionId).putValue("stageCode", "masa-tenang"));
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(VOTING_DAY.minusDays(6), LocalTime.of(0, 0, 1), WITA).toInstant()));
    for (Job job : management.createJobQuery().processInstanceId(pi.getId()).executable().timers().list()) {
      management.executeJob(job.getId());
    }
    Task declare = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("DeclareReadinessTask")
        .singleResult();
    Map<String, Object> siap = Map.of("declaration", Map.of("value", "SIAP"));
    // another region's coordinator, and another agency of the region
    assertThat(submit("kesbangpolmakassar", declare, siap).getStatusCode().value()).isEqualTo(403);
    assertThat(submit("polrespalopo", declare, siap).getStatusCode().value()).isEqualTo(403);
    // the coordinator with variables the form does not have: the gateway's variable, the summary, a group
    ResponseEntity<String> extra = submit("kesbangpolpalopo", declare, Map.of("declaration", Map.of("value", "SIAP"),
        "declared", Map.of("value", "SIAP"), "readinessSummary", Map.of("value", "semua siap"),
        "coordinatorGroup", Map.of("value", "kesbangpol7371")));
    assertThat(extra.getStatusCode().value()).isEqualTo(400);
    assertThat(extra.getBody()).contains("declared").contains("readinessSummary").contains("coordinatorGroup");
    // oversized or script-laden notes
    assertThat(submit("kesbangpolpalopo", declare, Map.of("declaration", Map.of("value", "BELUM_SIAP"),
        "declarationNotes", Map.of("value", "x".repeat(2001)))).getStatusCode().value()).isEqualTo(400);
    ResponseEntity<String> script = submit("kesbangpolpalopo", declare, Map.of("declaration",
        Map.of("value", "BELUM_SIAP"), "declarationNotes", Map.of("value", "<script>alert(1)</script>")));
    assertThat(script.getStatusCode().value()).isEqualTo(400);
    assertThat(script.getBody()).contains("tidak boleh berisi kode");
    // start instructions on the running instance are an operator's tool
    assertThat(post("kesbangpolpalopo", "/engine-rest/process-instance/" + pi.getId() + "/modification",
        Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "SendNotReadyNoticeTask"))))
        .getStatusCode().value()).isEqualTo(403);
    assertThat(records.findByProcessInstance(pi.getId()).orElseThrow().declaration()).isNull();

    assertThat(submit("kesbangpolpalopo", declare, siap).getStatusCode().value()).isEqualTo(204);
    StageReadinessRecord declared = records.findByProcessInstance(pi.getId()).orElseThrow();
    assertThat(declared.declaration()).isEqualTo(Declaration.SIAP);
    assertThat(declared.declaredBy()).isEqualTo("kesbangpolpalopo");
    assertThat(declared.summary()).isNotEqualTo("semua siap");
  }

  @Test
  void theStageRakorIsScheduledForTheReadinesssRegionStageAndElectionWhateverTheFormCarries() {
    ProcessInstance pi = runtime.startProcessInstanceByKey("stage-readiness", Variables.createVariables()
        .putValue("regionCode", "73.73").putValue("electionId", electionId).putValue("stageCode", "masa-tenang"));
    Task schedule = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("ScheduleRakorTask")
        .singleResult();
    // the prefilled values (worked out when the form is read) go to the region's coordinator only
    String formVariables = "/engine-rest/task/" + schedule.getId() + "/form-variables?deserializeValues=false";
    ResponseEntity<String> own = get("kesbangpolpalopo", formVariables);
    assertThat(own.getStatusCode().value()).isEqualTo(200);
    assertThat(own.getBody()).contains("Rakor kesiapan tahapan Masa tenang Kota Palopo")
        .contains("\"invitedAgencies\":{\"type\":\"Json\"");
    for (String stranger : List.of("kesbangpolmakassar", "polrespalopo")) {
      ResponseEntity<String> refused = get(stranger, formVariables);
      assertThat(refused.getStatusCode().value()).as(stranger).isEqualTo(403);
      assertThat(refused.getBody()).doesNotContain("Rakor kesiapan tahapan");
    }
    String meetingDay = VOTING_DAY.minusDays(5).toString();
    Map<String, Object> form = Map.of("title", Map.of("value", "Rakor masa tenang"),
        "meetingAt", Map.of("value", meetingDay + "T09:00"), "venue", Map.of("value", "Aula Kantor Wali Kota"),
        "agenda", Map.of("value", "Kesiapan masa tenang"),
        "invitedAgencies", Map.of("value", "[\"POLRI\",\"KPU\"]", "type", "Json"));
    // another region's coordinator and another agency of the region cannot schedule it
    assertThat(submit("kesbangpolmakassar", schedule, form).getStatusCode().value()).isEqualTo(403);
    assertThat(submit("polrespalopo", schedule, form).getStatusCode().value()).isEqualTo(403);
    // the region, stage, election and convener are not the form's: naming them is refused, and nothing starts
    java.util.Map<String, Object> another = new java.util.HashMap<>(form);
    another.put("regionCode", Map.of("value", "73.71"));
    another.put("stageCode", Map.of("value", "kampanye"));
    another.put("electionId", Map.of("value", "pilkada-2024"));
    another.put("conveningAgency", Map.of("value", "NASIONAL"));
    ResponseEntity<String> extra = submit("kesbangpolpalopo", schedule, another);
    assertThat(extra.getStatusCode().value()).isEqualTo(400);
    assertThat(extra.getBody()).contains("regionCode").contains("stageCode").contains("electionId")
        .contains("conveningAgency");
    // script-laden and oversized text is refused by the Rakor's own rules
    java.util.Map<String, Object> script = new java.util.HashMap<>(form);
    script.put("agenda", Map.of("value", "<script>alert(1)</script>"));
    ResponseEntity<String> scripted = submit("kesbangpolpalopo", schedule, script);
    assertThat(scripted.getStatusCode().value()).isEqualTo(400);
    assertThat(scripted.getBody()).contains("Agenda").contains("tidak boleh berisi kode");
    java.util.Map<String, Object> longTitle = new java.util.HashMap<>(form);
    longTitle.put("title", Map.of("value", "x".repeat(201)));
    ResponseEntity<String> tooLong = submit("kesbangpolpalopo", schedule, longTitle);
    assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
    assertThat(tooLong.getBody()).contains("Judul rapat");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("coordination-meeting")
        .variableValueEquals("electionId", electionId).count()).isZero();

    assertThat(submit("kesbangpolpalopo", schedule, form).getStatusCode().value()).isEqualTo(204);
    Map<String, Object> meeting = jdbc.queryForMap("select region_code, stage_code, convening_group, convened_by,"
        + " invited_groups from siaga_meeting where election_id = ?", electionId);
    assertThat(meeting).containsEntry("REGION_CODE", "73.73").containsEntry("STAGE_CODE", "masa-tenang")
        .containsEntry("CONVENING_GROUP", "kesbangpol7373").containsEntry("CONVENED_BY", "kesbangpolpalopo");
    assertThat((String) meeting.get("INVITED_GROUPS")).isEqualTo("polri7373,kpu7373");
  }

  ResponseEntity<String> submit(String user, Task task, Map<String, Object> variables) {
    return post(user, "/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables", variables));
  }

  ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, SiagaSpringBootTest.DEMO_PASSWORD).getForEntity(path, String.class);
  }

  ResponseEntity<String> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, SiagaSpringBootTest.DEMO_PASSWORD)
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

}

package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import id.siaga.notification.DevMailServer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 8, black box: the holes an officer of one region found through the REST API that
 * Tasklist itself uses, each tried again with the demo users of Kota Palopo and Kota Makassar and
 * refused, the record unchanged afterwards; and the real paths (Tasklist's forms, an
 * administrator's repair) still working.
 */
@SiagaSpringBootTest
class TrustNothingTest {

  static final String RAKOR = "/engine-rest/process-definition/key/coordination-meeting";
  static final String PW = SiagaSpringBootTest.DEMO_PASSWORD;

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired Elections elections;
  @Autowired DevMailServer mailServer;

  static int minute;
  String meetingId;
  String instanceId;

  @BeforeEach
  void aPalopoMeetingScheduledThroughTasklistsApi() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant()));
    elections.createSimulation("pilkada-2024", LocalDate.of(2027, 1, 20));
    int n = minute++;
    Map<String, Object> variables = new HashMap<>(Map.of(
        "regionCode", Map.of("value", "73.73"), "stageCode", Map.of("value", "kampanye"),
        "title", Map.of("value", "Rakor kesiapan kampanye"),
        "meetingAt", Map.of("value", String.format("2026-12-16T%02d:%02d", 9 + n / 60, n % 60)),
        "venue", Map.of("value", "Aula Kantor Wali Kota Palopo"), "agenda", Map.of("value", "Laporan kesiapan"),
        "invitedAgencies", Map.of("value", "[\"POLRI\",\"KPU\",\"KESBANGPOL\"]", "type", "Json"),
        "conveningAgency", Map.of("value", "KESBANGPOL")));
    ResponseEntity<Map> started = as("kesbangpolpalopo").postForEntity(RAKOR + "/submit-form",
        Map.of("variables", variables), Map.class);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    instanceId = (String) started.getBody().get("id");
    meetingId = (String) started.getBody().get("businessKey");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    runtime.createProcessInstanceQuery().processDefinitionKey("coordination-meeting").list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
  }

  // ---------------------------------------------------------------- 1. processes start only at their start

  @Test
  void startingPartWayIsRefusedForEveryoneButAdministratorsAndRecorded() {
    for (String user : List.of("polresmakassar", "kesbangpolmakassar", "kesbangpolpalopo")) {
      Map<String, Object> body = Map.of(
          "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "CancelMeetingTask")),
          "skipCustomListeners", true, "skipIoMappings", true,
          "variables", Map.of("meetingId", Map.of("value", meetingId),
              "conveningGroup", Map.of("value", "polri7371"), "meetingOutcome", Map.of("value", "DIBATALKAN")));
      ResponseEntity<Map> refused = as(user).postForEntity(RAKOR + "/start", body, Map.class);
      assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
    }
    assertThat(status()).isEqualTo("DIJADWALKAN");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("coordination-meeting").count())
        .as("nothing started").isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from siaga_operator_audit where user_id = 'polresmakassar'"
        + " and outcome = 'DITOLAK' and action like 'StartProcessInstanceAtActivitiesCmd%'", Integer.class))
        .as("the refused attempt is recorded for the auditor").isGreaterThanOrEqualTo(1);
  }

  @Test
  void messagesSignalsModificationVariablesJobsAndSuspensionAreRefusedAndChangeNothing() {
    TestRestTemplate coordinator = as("kesbangpolpalopo");
    Task report = tasks.createTaskQuery().processInstanceId(instanceId).taskCandidateGroup("polri7373").singleResult();
    Job job = management.createJobQuery().processInstanceId(instanceId).list().get(0);
    Map<String, ResponseEntity<String>> attempts = new HashMap<>();
    attempts.put("message", coordinator.postForEntity("/engine-rest/message",
        Map.of("messageName", "any", "processInstanceId", instanceId), String.class));
    attempts.put("signal", coordinator.postForEntity("/engine-rest/signal", Map.of("name", "any"), String.class));
    attempts.put("modification", coordinator.postForEntity("/engine-rest/process-instance/" + instanceId
        + "/modification", Map.of("instructions", List.of(Map.of("type", "startBeforeActivity",
        "activityId", "CancelMeetingTask"))), String.class));
    attempts.put("instance variable", exchange(coordinator, HttpMethod.PUT, "/engine-rest/process-instance/"
        + instanceId + "/variables/conveningGroup", Map.of("value", "polri7373")));
    attempts.put("instance variables", coordinator.postForEntity("/engine-rest/process-instance/" + instanceId
        + "/variables", Map.of("modifications", Map.of("meetingId", Map.of("value", "x"))), String.class));
    attempts.put("delete variable", exchange(coordinator, HttpMethod.DELETE, "/engine-rest/process-instance/"
        + instanceId + "/variables/meetingId", null));
    attempts.put("task variable", exchange(as("polrespalopo"), HttpMethod.PUT, "/engine-rest/task/" + report.getId()
        + "/localVariables/agencyGroup", Map.of("value", "polri7371")));
    attempts.put("job retries", exchange(coordinator, HttpMethod.PUT, "/engine-rest/job/" + job.getId()
        + "/retries", Map.of("retries", 0)));
    attempts.put("job execute", coordinator.postForEntity("/engine-rest/job/" + job.getId() + "/execute", null,
        String.class));
    attempts.put("suspension", exchange(coordinator, HttpMethod.PUT, "/engine-rest/process-instance/" + instanceId
        + "/suspended", Map.of("suspended", true)));
    attempts.put("bpmn error", as("polrespalopo").postForEntity("/engine-rest/task/" + report.getId() + "/bpmnError",
        Map.of("errorCode", "x"), String.class));
    attempts.forEach((what, response) -> assertThat(response.getStatusCode().value()).as(what + ": " + response.getBody())
        .isEqualTo(403));

    assertThat(runtime.getVariable(instanceId, "conveningGroup")).isEqualTo("kesbangpol7373");
    assertThat(runtime.getVariable(instanceId, "meetingId")).isEqualTo(meetingId);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).active().count()).isEqualTo(1);
    assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isPositive();
    assertThat(tasks.createTaskQuery().taskId(report.getId()).count()).isEqualTo(1);
    assertThat(status()).isEqualTo("DIJADWALKAN");
  }

  @Test
  void administratorsKeepTheOperatorsToolsAndEveryUseIsRecorded() {
    TestRestTemplate admin = rest.withBasicAuth(SiagaSpringBootTest.ADMIN, SiagaSpringBootTest.ADMIN_PASSWORD);
    assertThat(exchange(admin, HttpMethod.PUT, "/engine-rest/process-instance/" + instanceId + "/suspended",
        Map.of("suspended", true)).getStatusCode().value()).isEqualTo(204);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).suspended().count()).isEqualTo(1);
    assertThat(exchange(admin, HttpMethod.PUT, "/engine-rest/process-instance/" + instanceId + "/suspended",
        Map.of("suspended", false)).getStatusCode().value()).isEqualTo(204);
    Job job = management.createJobQuery().processInstanceId(instanceId).list().get(0);
    assertThat(exchange(admin, HttpMethod.PUT, "/engine-rest/job/" + job.getId() + "/retries", Map.of("retries", 3))
        .getStatusCode().value()).isEqualTo(204);

    ResponseEntity<List> audit = admin.getForEntity("/api/admin/audit?limit=20", List.class);
    assertThat(audit.getStatusCode().value()).isEqualTo(200);
    List<String> entries = ((List<?>) audit.getBody()).stream().map(Object::toString).toList();
    assertThat(entries)
        .anySatisfy(entry -> assertThat(entry).contains("userId=" + SiagaSpringBootTest.ADMIN)
            .contains("SetJobRetriesCmd").contains("jobId=" + job.getId()).contains("outcome=DILAKUKAN")
            .contains("PUT /engine-rest/job/" + job.getId() + "/retries"))
        .anySatisfy(entry -> assertThat(entry).contains("/process-instance/" + instanceId + "/suspended").contains("outcome=DILAKUKAN"));
    assertThat(as("kesbangpolpalopo").getForEntity("/api/admin/audit", String.class).getStatusCode().value())
        .as("the audit is for administrators").isEqualTo(403);
  }

  // ---------------------------------------------------------------- 2. a form submits its own fields

  @Test
  void aReportWithTheProcessesOwnVariablesIsRefusedAndTheInstanceStillPointsAtItsMeeting() {
    Task report = tasks.createTaskQuery().processInstanceId(instanceId).taskCandidateGroup("polri7373").singleResult();
    Map<String, Object> variables = new HashMap<>(reportFields());
    variables.put("meetingId", Map.of("value", "rakor-0000"));
    variables.put("agencyGroup", Map.of("value", "polri7371"));
    variables.put("conveningGroup", Map.of("value", "polri7373"));
    ResponseEntity<Map> refused = as("polrespalopo").postForEntity("/engine-rest/task/" + report.getId()
        + "/submit-form", Map.of("variables", variables), Map.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat((String) refused.getBody().get("message")).contains("tidak memuat isian")
        .contains("'agencyGroup'", "'conveningGroup'", "'meetingId'").contains("Tidak ada yang diubah");
    // the plain complete endpoint is the same gate
    assertThat(as("polrespalopo").postForEntity("/engine-rest/task/" + report.getId() + "/complete",
        Map.of("variables", variables), String.class).getStatusCode().value()).isEqualTo(400);

    assertThat(tasks.createTaskQuery().taskId(report.getId()).count()).as("task still open").isEqualTo(1);
    assertThat(reports()).isZero();
    assertThat(runtime.getVariable(instanceId, "conveningGroup")).isEqualTo("kesbangpol7373");

    ResponseEntity<String> accepted = as("polrespalopo").postForEntity("/engine-rest/task/" + report.getId()
        + "/submit-form", Map.of("variables", reportFields()), String.class);
    assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(204);
    assertThat(jdbc.queryForObject("select agency_group from siaga_meeting_report where meeting_id = ?", String.class,
        meetingId)).as("the agency comes from the task, not the form").isEqualTo("polri7373");
  }

  @Test
  void aWrongTypeAJavaObjectOrAnOversizedValueIsRefused() {
    Task report = tasks.createTaskQuery().processInstanceId(instanceId).taskCandidateGroup("polri7373").singleResult();
    Map<String, Object> wrongType = new HashMap<>(reportFields());
    wrongType.put("personnelCount", Map.of("value", "dua puluh"));
    Map<String, Object> javaObject = new HashMap<>(reportFields());
    javaObject.put("needsAndObstacles", Map.of("value", "rO0ABXQABHRlc3Q=", "type", "Object",
        "valueInfo", Map.of("objectTypeName", "java.lang.String",
            "serializationDataFormat", "application/x-java-serialized-object")));
    Map<String, Object> oversized = new HashMap<>(reportFields());
    oversized.put("readinessNotes", Map.of("value", "x".repeat(40_000)));
    for (Map<String, Object> variables : List.of(wrongType, javaObject, oversized)) {
      ResponseEntity<String> refused = as("polrespalopo").postForEntity("/engine-rest/task/" + report.getId()
          + "/submit-form", Map.of("variables", variables), String.class);
      assertThat(refused.getStatusCode().is4xxClientError()).as(refused.getBody()).isTrue();
    }
    assertThat(tasks.createTaskQuery().taskId(report.getId()).count()).isEqualTo(1);
    assertThat(reports()).isZero();
  }

  @Test
  void aStartFormWithFieldsItDoesNotDeclareStartsNothing() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("coordination-meeting").count();
    Map<String, Object> variables = Map.of("regionCode", Map.of("value", "73.73"),
        "stageCode", Map.of("value", "kampanye"), "title", Map.of("value", "Rakor"),
        "meetingAt", Map.of("value", "2026-12-17T09:00"), "venue", Map.of("value", "Aula"),
        "agenda", Map.of("value", "Laporan"), "invitedAgencies", Map.of("value", "[\"POLRI\"]", "type", "Json"),
        "conveningAgency", Map.of("value", "KESBANGPOL"),
        "conveningGroup", Map.of("value", "polri7371"), "electionId", Map.of("value", "pilkada-2024"));
    for (String endpoint : List.of("/submit-form", "/start")) {
      ResponseEntity<Map> refused = as("kesbangpolpalopo").postForEntity(RAKOR + endpoint,
          Map.of("variables", variables), Map.class);
      assertThat(refused.getStatusCode().value()).as(endpoint).isEqualTo(400);
      assertThat((String) refused.getBody().get("message")).contains("'conveningGroup'").contains("'electionId'");
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("coordination-meeting").count())
        .isEqualTo(before);
  }

  @Test
  void oversizedRequestsAndPagesAreRefused() {
    ResponseEntity<String> big = as("polrespalopo").postForEntity("/engine-rest/task", "{\"x\":\""
        + "y".repeat(1_100_000) + "\"}", String.class);
    assertThat(big.getStatusCode().value()).isEqualTo(413);
    ResponseEntity<String> page = as("polrespalopo").getForEntity("/engine-rest/task?firstResult=0&maxResults=5000",
        String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(400);
    assertThat(page.getBody()).contains("maxResults paling banyak 2000");
    assertThat(as("polrespalopo").getForEntity("/engine-rest/task?maxResults=50", String.class).getStatusCode().value())
        .isEqualTo(200);
  }

  // ---------------------------------------------------------------- 3. identities from the server

  @Test
  void onlyAMemberOfTheTasksAgencyCompletesItEvenAnAdministrator() {
    Task report = tasks.createTaskQuery().processInstanceId(instanceId).taskCandidateGroup("polri7373").singleResult();
    TestRestTemplate admin = rest.withBasicAuth(SiagaSpringBootTest.ADMIN, SiagaSpringBootTest.ADMIN_PASSWORD);
    ResponseEntity<Map> refused = admin.postForEntity("/engine-rest/task/" + report.getId() + "/submit-form",
        Map.of("variables", reportFields()), Map.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat((String) refused.getBody().get("message")).contains("bukan untuk instansi").doesNotContain("polri7373");
    assertThat(as("polresmakassar").postForEntity("/engine-rest/task/" + report.getId() + "/submit-form",
        Map.of("variables", reportFields()), String.class).getStatusCode().is4xxClientError()).isTrue();
    assertThat(reports()).isZero();
  }

  @Test
  void anUnknownMeetingAndAnotherRegionsMeetingAnswerTheSame() {
    assertThat(meetingId).matches("rakor-[0-9a-f]{20}");
    ResponseEntity<String> forbidden = as("kesbangpolmakassar").getForEntity("/api/meetings/" + meetingId, String.class);
    ResponseEntity<String> unknown = as("kesbangpolmakassar").getForEntity("/api/meetings/rakor-00000000000000000000",
        String.class);
    assertThat(forbidden.getStatusCode().value()).isEqualTo(404).isEqualTo(unknown.getStatusCode().value());
    assertThat(forbidden.getBody().replaceAll("\"timestamp\":\"[^\"]*\"", "").replace(meetingId, "ID"))
        .isEqualTo(unknown.getBody().replaceAll("\"timestamp\":\"[^\"]*\"", "").replace("rakor-00000000000000000000",
            "ID"));
    assertThat(as("kesbangpolpalopo").getForEntity("/api/meetings/" + meetingId, String.class).getStatusCode().value())
        .isEqualTo(200);
  }

  // ---------------------------------------------------------------- 4. users

  @Test
  void officersReadTheirProfileAndChangeTheirPasswordButNotTheirAddress() {
    TestRestTemplate admin = rest.withBasicAuth(SiagaSpringBootTest.ADMIN, SiagaSpringBootTest.ADMIN_PASSWORD);
    Map<String, Object> weak = Map.of("profile", Map.of("id", "kpupalopo2", "firstName", "Rina", "lastName", "KPU",
        "email", "rina@kpu-palopo.go.id"), "credentials", Map.of("password", "siaga2024"));
    assertThat(admin.postForEntity("/engine-rest/user/create", weak, String.class).getStatusCode().value())
        .as("the password policy applies to every user created outside the demo").isEqualTo(400);
    Map<String, Object> badAddress = Map.of("profile", Map.of("id", "kpupalopo2", "firstName", "Rina",
        "lastName", "KPU", "email", "not-an-address"), "credentials", Map.of("password", "Kuat#Sandi-2026"));
    ResponseEntity<Map> refusedAddress = admin.postForEntity("/engine-rest/user/create", badAddress, Map.class);
    assertThat(refusedAddress.getStatusCode().value()).isEqualTo(400);
    assertThat((String) refusedAddress.getBody().get("message")).contains("Alamat surel tidak sah");
    Map<String, Object> good = Map.of("profile", Map.of("id", "kpupalopo2", "firstName", "Rina", "lastName", "KPU",
        "email", "rina@kpu-palopo.go.id"), "credentials", Map.of("password", "Kuat#Sandi-2026"));
    assertThat(admin.postForEntity("/engine-rest/user/create", good, String.class).getStatusCode().value())
        .isEqualTo(204);
    try {
      TestRestTemplate officer = rest.withBasicAuth("kpupalopo2", "Kuat#Sandi-2026");
      assertThat(officer.getForEntity("/engine-rest/user/kpupalopo2/profile", Map.class).getBody())
          .containsEntry("email", "rina@kpu-palopo.go.id");
      ResponseEntity<String> invalid = exchange(officer, HttpMethod.PUT, "/engine-rest/user/kpupalopo2/profile",
          Map.of("id", "kpupalopo2", "firstName", "Rina", "lastName", "KPU", "email", "not-an-address"));
      assertThat(invalid.getStatusCode().value()).isEqualTo(400);
      ResponseEntity<String> changed = exchange(officer, HttpMethod.PUT, "/engine-rest/user/kpupalopo2/profile",
          Map.of("id", "kpupalopo2", "firstName", "Rina", "lastName", "KPU", "email", "rina@contoh.example.org"));
      assertThat(changed.getStatusCode().value()).isEqualTo(403);
      assertThat(admin.getForEntity("/engine-rest/user/kpupalopo2/profile", Map.class).getBody())
          .containsEntry("email", "rina@kpu-palopo.go.id");

      ResponseEntity<String> password = exchange(officer, HttpMethod.PUT, "/engine-rest/user/kpupalopo2/credentials",
          Map.of("password", "Baru#Sandi-2026x", "authenticatedUserPassword", "Kuat#Sandi-2026"));
      assertThat(password.getStatusCode().value()).as(password.getBody()).isEqualTo(204);
      assertThat(rest.withBasicAuth("kpupalopo2", "Baru#Sandi-2026x").getForEntity("/engine-rest/user/kpupalopo2/profile",
          String.class).getStatusCode().value()).isEqualTo(200);
    } finally {
      admin.exchange("/engine-rest/user/kpupalopo2", HttpMethod.DELETE, null, String.class);
    }
  }

  // ---------------------------------------------------------------- 5. demo mailbox

  @Test
  void theMailboxShowsEachUserTheMailsOfTheirAgencyAndCoordinatorsTheirRegion() throws Exception {
    management.createJobQuery().processInstanceId(instanceId).messages().list()
        .forEach(job -> management.executeJob(job.getId()));
    String invitation = "Undangan";
    assertThat(page("kesbangpolpalopo", "/demo/mailbox")).contains(invitation);
    assertThat(page("polrespalopo", "/demo/mailbox")).as("sent to the police of Palopo").contains(invitation);
    assertThat(page("kodimpalopo", "/demo/mailbox")).as("TNI was not invited").doesNotContain(meetingId);
    assertThat(page("kesbangpolmakassar", "/demo/mailbox")).doesNotContain("Kota Palopo");
    assertThat(page("kesbangpolsulsel", "/demo/mailbox")).as("the province's coordinator").contains(invitation);
    assertThat(page(SiagaSpringBootTest.ADMIN, "/demo/mailbox")).contains(invitation);
    int index = mailServer.received().size() - 1;
    assertThat(status("kesbangpolmakassar", "/demo/mailbox/" + index)).isEqualTo(404);
    assertThat(status("kesbangpolpalopo", "/demo/mailbox/" + index)).isEqualTo(200);
  }

  // ---------------------------------------------------------------- 6. operations

  @Test
  void healthTellsAnonymousCallersTheStatusOnlyAndAdministratorsTheDetails() {
    ResponseEntity<Map> anonymous = rest.getForEntity("/actuator/health", Map.class);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(200);
    assertThat(anonymous.getBody()).containsOnlyKeys("status");
    assertThat(as("polrespalopo").getForEntity("/actuator/health", Map.class).getBody()).containsOnlyKeys("status");
    Map<?, ?> details = rest.withBasicAuth(SiagaSpringBootTest.ADMIN, SiagaSpringBootTest.ADMIN_PASSWORD)
        .getForEntity("/actuator/health", Map.class).getBody();
    Map<?, ?> components = (Map<?, ?>) details.get("components");
    assertThat(components.keySet().stream().map(Object::toString).toList()).contains("db").doesNotContain("mail");
  }

  // ---------------------------------------------------------------- helpers

  static Map<String, Object> reportFields() {
    return Map.of("personnelCount", Map.of("value", 25),
        "vulnerabilities", Map.of("value", "[\"HOAKS\"]", "type", "Json"),
        "needsAndObstacles", Map.of("value", "Kendaraan"), "readinessStatus", Map.of("value", "SIAP"),
        "attendeeName", Map.of("value", "Kompol Andi Saputra"), "attendeePosition", Map.of("value", "Wakapolres"),
        "vulnerablePoints", Map.of("value", "Gudang logistik KPU"));
  }

  TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, user.equals(SiagaSpringBootTest.ADMIN) ? SiagaSpringBootTest.ADMIN_PASSWORD : PW);
  }

  String status() {
    return jdbc.queryForObject("select status from siaga_meeting where meeting_id = ?", String.class, meetingId);
  }

  int reports() {
    return jdbc.queryForObject("select count(*) from siaga_meeting_report where meeting_id = ?", Integer.class, meetingId);
  }

  static ResponseEntity<String> exchange(TestRestTemplate client, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  String page(String user, String path) {
    ResponseEntity<String> response = as(user).getForEntity(path, String.class);
    assertThat(response.getStatusCode().value()).as(user + " " + path).isEqualTo(200);
    return response.getBody();
  }

  int status(String user, String path) {
    return as(user).getForEntity(path, String.class).getStatusCode().value();
  }
}

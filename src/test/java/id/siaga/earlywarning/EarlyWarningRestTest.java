package id.siaga.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
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
 * Black box over REST, as the demo's officers would try it: filing through {@code POST /api/reports}
 * with valid input and with each kind of invalid input (nothing created); the reports of a region
 * read by its agencies and nobody else's; who reported visible to triage only, not to the handling
 * agency through any of the engine's endpoints; the forms' fields only, whatever a script adds.
 */
@SiagaSpringBootTest
class EarlyWarningRestTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReportRepository reports;
  @Autowired org.camunda.bpm.engine.ManagementService management;

  @org.junit.jupiter.api.BeforeEach
  void cleanBefore() {
    tearDown();
  }

  @AfterEach
  void tearDown() {
    ReportTestData.clear(runtime, jdbc);
  }

  @Test
  void aValidReportIsFiledAndEachKindOfBadInputIsRefusedWithNothingCreated() {
    ResponseEntity<Map> filed = post("kodimpalopo", "/api/reports", report());
    assertThat(filed.getStatusCode().value()).isEqualTo(201);
    assertThat((String) filed.getBody().get("reportId")).matches("LK-7373-\\d{4}-0001");
    assertThat(filed.getBody()).containsEntry("status", "DITERIMA").containsEntry("category", "BENTROKAN")
        .containsEntry("filedBy", "kodimpalopo");

    Map<String, String> bad = new java.util.LinkedHashMap<>();
    bad.put("regionCode=73.99", "Kode kabupaten/kota tidak dikenal");
    bad.put("districtCode=73.71.01", "tidak ada di Kota Palopo");
    bad.put("observedAt=" + LocalDateTime.now(WITA).plusHours(3).withNano(0), "tidak boleh di masa depan");
    bad.put("description=", "Uraian wajib diisi");
    bad.put("description=" + "x".repeat(2001), "Uraian");
    bad.put("description=<img src=x onerror=alert(1)>", "tidak boleh berisi kode");
    bad.put("severity=GENTING", "Tingkat");
    bad.put("handlingGroup=pemda7373", "handlingGroup");
    for (Map.Entry<String, String> c : bad.entrySet()) {
      Map<String, Object> body = report();
      String[] kv = c.getKey().split("=", 2);
      body.put(kv[0], kv[1]);
      ResponseEntity<Map> refused = post("kodimpalopo", "/api/reports", body);
      assertThat(refused.getStatusCode().value()).as(c.getKey()).isEqualTo(400);
      assertThat(refused.getBody().toString()).as(c.getKey()).contains(c.getValue());
    }
    Map<String, Object> missing = report();
    missing.remove("districtCode");
    assertThat(post("kodimpalopo", "/api/reports", missing).getBody().toString()).contains("Kode kecamatan wajib diisi");
    assertThat(jdbc.queryForObject("select count(*) from siaga_report", Integer.class)).isOne();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ReportVariables.PROCESS_KEY).count()).isOne();
  }

  @Test
  void anotherRegionCannotReadTheReportAndOnlyTriageSeesWhoReported() {
    String reportId = (String) post("kodimpalopo", "/api/reports", report()).getBody().get("reportId");

    // an officer of another region: no list, no report (the same answer as for a report that does not exist)
    assertThat(get("polresmakassar", "/api/reports?regionCode=73.73").getStatusCode().value()).isEqualTo(403);
    assertThat(get("polresmakassar", "/api/reports/" + reportId).getStatusCode().value()).isEqualTo(404);
    assertThat(get("polresmakassar", "/api/reports/LK-7373-2026-9999").getStatusCode().value()).isEqualTo(404);
    // the region's agencies read it without the reporter; triage and the province's coordinator with it
    String asPolres = get("polrespalopo", "/api/reports?regionCode=73.73").getBody();
    assertThat(asPolres).contains(reportId).doesNotContain("kodimpalopo").doesNotContain("0812-3456-7890");
    assertThat(get("kesbangpolpalopo", "/api/reports/" + reportId).getBody()).contains("kodimpalopo", "0812-3456-7890");
    assertThat(get("kesbangpolsulsel", "/api/reports?regionCode=73.73&status=DITERIMA").getBody())
        .contains("0812-3456-7890");
    assertThat(get("kodimpalopo", "/api/reports?regionCode=73.73&category=PEMILU").getStatusCode().value()).isEqualTo(400);

    // triage forwards it to Polres: the handling agency sees the report, not who reported, anywhere
    Task triage = tasks.createTaskQuery().processInstanceBusinessKey(reportId).taskDefinitionKey("TriageReportTask")
        .singleResult();
    assertThat(get("polrespalopo", "/engine-rest/task/" + triage.getId() + "/variables").getStatusCode().value())
        .isIn(403, 404);
    // nobody but the region's triage decides it: not Polres, not another region's coordinator, and no
    // start instructions on the instance
    Map<String, Object> forward = Map.of("variables", Map.of("triageDecision", Map.of("value", "TERUSKAN"),
        "category", Map.of("value", "BENTROKAN")));
    assertThat(post("polrespalopo", "/engine-rest/task/" + triage.getId() + "/submit-form", forward, String.class)
        .getStatusCode().value()).isIn(403, 404);
    assertThat(post("kesbangpolmakassar", "/engine-rest/task/" + triage.getId() + "/submit-form", forward, String.class)
        .getStatusCode().value()).isIn(403, 404);
    assertThat(post("kesbangpolpalopo", "/engine-rest/process-instance/" + triage.getProcessInstanceId()
        + "/modification", Map.of("instructions", List.of(Map.of("type", "startBeforeActivity",
            "activityId", "SendResolutionNoticeTask"))), String.class).getStatusCode().value()).isEqualTo(403);
    // triage's own extra variables are refused by name: the handling group is the table's, not the form's
    ResponseEntity<String> chosen = post("kesbangpolpalopo", "/engine-rest/task/" + triage.getId() + "/submit-form",
        Map.of("variables", Map.of("triageDecision", Map.of("value", "TERUSKAN"), "category", Map.of("value", "BENTROKAN"),
            "handlingGroup", Map.of("value", "kpu7373"))), String.class);
    assertThat(chosen.getStatusCode().value()).isEqualTo(400);
    assertThat(chosen.getBody()).contains("handlingGroup");
    Report untouched = reports.find(reportId).orElseThrow();
    assertThat(untouched.status()).isEqualTo(Report.DITERIMA);
    assertThat(untouched.handlingGroup()).isNull();
    assertThat(reports.routings(reportId)).isEmpty();

    assertThat(post("kesbangpolpalopo", "/engine-rest/task/" + triage.getId() + "/submit-form", Map.of("variables",
        Map.of("triageDecision", Map.of("value", "TERUSKAN"), "category", Map.of("value", "BENTROKAN"))))
        .getStatusCode().value()).isEqualTo(204);
    // the routing notice runs first, as a job (the job executor is off in tests)
    runJobs(reportId);
    Task handle = tasks.createTaskQuery().processInstanceBusinessKey(reportId).taskDefinitionKey("HandleReportTask")
        .singleResult();
    String taskVariables = get("polrespalopo", "/engine-rest/task/" + handle.getId() + "/variables").getBody();
    assertThat(taskVariables).contains("Dua kelompok").doesNotContain("kodimpalopo").doesNotContain("0812-3456-7890")
        .doesNotContain("reporterIdentity").doesNotContain("onBehalfOf");
    String pi = handle.getProcessInstanceId();
    // not only unauthorized: the instance holds no variable naming the reporter at all
    assertThat(runtime.getVariables(pi)).doesNotContainKeys("reporterContact", "onBehalfOf")
        .allSatisfy((name, value) -> assertThat(String.valueOf(value)).doesNotContain("0812-3456-7890", "kodimpalopo"));
    assertThat(get("polrespalopo", "/engine-rest/process-instance/" + pi + "/variables").getBody())
        .doesNotContain("0812-3456-7890");
    assertThat(get("polrespalopo", "/engine-rest/history/variable-instance?processInstanceId=" + pi).getBody())
        .doesNotContain("0812-3456-7890").doesNotContain("kodimpalopo");
    assertThat(get("polrespalopo", "/engine-rest/history/process-instance/" + pi).getBody())
        .doesNotContain("kodimpalopo");

    // the handling agency's form fields only: a variable the form does not have is refused by name
    ResponseEntity<String> extra = post("polrespalopo", "/engine-rest/task/" + handle.getId() + "/submit-form",
        Map.of("variables", Map.of("handlingDecision", Map.of("value", "BUKAN_KEWENANGAN"),
            "returnReason", Map.of("value", "x"), "handlingGroup", Map.of("value", "pemda7373"))), String.class);
    assertThat(extra.getStatusCode().value()).isEqualTo(400);
    assertThat(extra.getBody()).contains("handlingGroup");
    // another agency of the region cannot complete it
    assertThat(post("kpupalopo", "/engine-rest/task/" + handle.getId() + "/submit-form", Map.of("variables",
        Map.of("handlingDecision", Map.of("value", "DITANGANI"))), String.class).getStatusCode().value()).isIn(403, 404);
  }

  void runJobs(String reportId) {
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reportId).singleResult().getId();
    management.createJobQuery().processInstanceId(pi).executable().list()
        .forEach(job -> management.executeJob(job.getId()));
  }

  static Map<String, Object> report() {
    Map<String, Object> body = new HashMap<>();
    body.put("regionCode", "73.73");
    body.put("districtCode", "73.73.01");
    body.put("category", "BENTROKAN");
    body.put("severity", "SEDANG");
    body.put("observedAt", LocalDateTime.now(WITA).minusHours(1).withNano(0).withSecond(0).toString());
    body.put("description", "Dua kelompok pendukung saling ejek di depan kantor camat");
    body.put("reporterContact", "0812-3456-7890");
    return body;
  }

  ResponseEntity<Map> post(String user, String path, Object body) {
    return post(user, path, body, Map.class);
  }

  <T> ResponseEntity<T> post(String user, String path, Object body, Class<T> type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, SiagaSpringBootTest.DEMO_PASSWORD)
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), type);
  }

  ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, SiagaSpringBootTest.DEMO_PASSWORD).getForEntity(path, String.class);
  }
}

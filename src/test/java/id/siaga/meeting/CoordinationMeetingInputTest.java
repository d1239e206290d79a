package id.siaga.meeting;

import static id.siaga.meeting.CoordinationMeetingDriver.assertRefused;
import static id.siaga.meeting.CoordinationMeetingDriver.held;
import static id.siaga.meeting.CoordinationMeetingDriver.item;
import static id.siaga.meeting.CoordinationMeetingDriver.items;
import static id.siaga.meeting.CoordinationMeetingDriver.json;
import static id.siaga.meeting.CoordinationMeetingDriver.report;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import id.siaga.threat.ThreatCategory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input to the coordination meeting's forms is refused with a clear message in Bahasa Indonesia and changes
 * nothing: no instance, no meeting record, the task still open. Through the Java API as Tasklist
 * submits, and through the REST API with authentication.
 */
@SiagaSpringBootTest
class CoordinationMeetingInputTest {

  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired MeetingRepository meetings;
  @Autowired Elections elections;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  final Instant now = ZonedDateTime.of(2026, 12, 1, 8, 0, 0, 0, CoordinationMeetingProcessTest.WITA).toInstant();
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

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "regionCode|99.99|Kode wilayah tidak dikenal: 99.99",
      "regionCode|7373|Kode wilayah tidak dikenal: 7373",
      "regionCode|73.73.01|Kode wilayah tidak dikenal: 73.73.01",
      "regionCode|31.71|Kota Administrasi Jakarta Pusat tidak menyelenggarakan Pilkada",
      "meetingAt|2026-11-30T09:00|Tanggal rapat harus di masa depan",
      "meetingAt|2099-01-17T09:00|Tanggal rapat harus sebelum tahap Kampanye berakhir",
      "meetingAt|besok pagi|Tanggal dan jam rapat bukan tanggal dan jam yang sah",
      "invitedAgencies|[]|Pilih paling sedikit satu instansi yang diundang",
      "invitedAgencies|[\"POLRI\",\"FOO\"]|Instansi yang diundang: pilihan tidak dikenal 'FOO'",
      "title|<script>alert(1)</script>|Judul rapat tidak boleh berisi kode",
      "title|<img src=x onerror=alert(1)>|Judul rapat tidak boleh berisi kode",
      "title||Judul rapat wajib diisi",
      "venue|javascript:alert(1)|Tempat tidak boleh berisi kode",
      "stageCode|pesta-rakyat|Tahapan tidak dikenal: pesta-rakyat",
      "conveningAgency|PROVINSI_FOO|Instansi penyelenggara tidak dikenal: PROVINSI_FOO",
      "conveningAgency|POLRI|Anda bukan anggota instansi penyelenggara yang dipilih",
  })
  void aBadScheduleIsRefusedAndNothingIsCreated(String field, String value, String message) {
    Map<String, Object> form = scheduleForm("2026-12-10T09:00");
    form.put(field, field.equals("invitedAgencies") ? json(value) : value);
    assertScheduleRefused(form, message);
  }

  @Test
  void anOversizedAgendaIsRefused() {
    Map<String, Object> form = scheduleForm("2026-12-10T09:00");
    form.put("agenda", "a".repeat(2001));
    assertScheduleRefused(form, "Agenda terlalu panjang (2001 karakter, paling banyak 2000)");
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    Map<String, Object> form = scheduleForm("2026-11-30T09:00");
    form.remove("venue");
    form.put("title", "x".repeat(201));
    assertScheduleRefused(form, "Judul rapat terlalu panjang");
    assertScheduleRefused(form, "Tempat wajib diisi");
    assertScheduleRefused(form, "Tanggal rapat harus di masa depan");
  }

  @Test
  void theSameMeetingCannotBeScheduledTwice() {
    String at = unique(11);
    start(scheduleForm(at), "kesbangpolpalopo");
    long instances = instances();
    assertRefused(() -> start(scheduleForm(at), "kesbangpolpalopo"), "Rakor untuk wilayah, tahapan dan waktu ini sudah dijadwalkan");
    assertThat(instances()).isEqualTo(instances);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "negative personnel|-5|[]|SIAP|Kebutuhan|Jumlah personel harus antara 0 dan 100000",
      "missing needs|10|[]|SIAP||Kebutuhan dan kendala wajib diisi",
      "not ready without notes|10|[]|BELUM_SIAP_NO_NOTES|Kebutuhan|Catatan kesiapan wajib diisi",
      "other threat undescribed|10|[\"LAINNYA\"]|SIAP|Kebutuhan|Kerawanan lainnya wajib diisi",
      "unknown threat|10|[\"BANJIR\"]|SIAP|Kebutuhan|Kerawanan: pilihan tidak dikenal 'BANJIR'",
      "unknown status|10|[]|HAMPIR|Kebutuhan|Status kesiapan: pilihan tidak dikenal 'HAMPIR'",
      "script in needs|10|[]|SIAP|<script>x</script>|Kebutuhan dan kendala tidak boleh berisi kode",
  })
  void aBadReadinessReportIsRefusedAndTheTaskStaysOpen(String label, String personnel, String threats, String status,
      String needs, String message) {
    ProcessInstance pi = start(scheduleForm(unique(12)), "kesbangpolpalopo");
    Task task = task(pi, "SubmitReadinessReportTask", "polri7373");
    Map<String, Object> form = new HashMap<>(report(1, threats, "SIAP", "x"));
    form.put("personnelCount", Integer.valueOf(personnel));
    form.put("readinessStatus", status.replace("_NO_NOTES", ""));
    form.put("needsAndObstacles", needs);
    assertRefused(() -> submit(task, "polrespalopo", form), message);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
    assertThat(meetings.reports((String) runtime.getVariable(pi.getId(), "meetingId"))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown owner|FOO|2026-12-20|Tindak lanjut 1: instansi FOO tidak ada di wilayah rapat dan tidak diundang",
      "due today|POLRI|2026-12-13|Tindak lanjut 1: tenggat harus setelah hari ini",
      "due after the election|POLRI|2027-12-31|Tindak lanjut 1: tenggat harus sebelum pemilihan berakhir",
      "not a date|POLRI|minggu depan|Tindak lanjut 1: tenggat bukan tanggal yang sah",
  })
  void aBadActionItemIsRefusedAndTheMeetingStaysOpen(String label, String owner, String due, String message) {
    ProcessInstance pi = start(scheduleForm(unique(13)), "kesbangpolpalopo");
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 13, 11, 0, 0, 0,
        CoordinationMeetingProcessTest.WITA).toInstant()));
    Task outcome = task(pi, "RecordMeetingOutcomeTask", "kesbangpol7373");
    assertRefused(() -> submit(outcome, "kesbangpolpalopo", held(items(item("Patroli", owner, due)))), message);
    String meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
    assertThat(meetings.find(meetingId).orElseThrow().status()).isEqualTo(MeetingStatus.DIJADWALKAN);
    assertThat(meetings.actionItems(meetingId)).isEmpty();
    assertThat(tasks.createTaskQuery().taskId(outcome.getId()).count()).isOne();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a joint item with an unknown owner|[\"POLRI\",\"FOO\"]|SEKALI|2026-12-20|Tindak lanjut 1: instansi FOO tidak ada di wilayah rapat dan tidak diundang",
      "a joint item without owners|[]|SEKALI|2026-12-20|Tindak lanjut 1: instansi penanggung jawab wajib diisi",
      "an unknown recurrence|[\"POLRI\"]|TAHUNAN|2026-12-20|Tindak lanjut 1: pengulangan: pilihan tidak dikenal 'TAHUNAN'",
      "more daily periods than allowed|[\"POLRI\",\"TNI\"]|HARIAN|2027-03-14|Tindak lanjut 1: paling banyak 90 periode konfirmasi (92 setiap hari sampai tenggat)",
  })
  void aBadJointOrRecurringItemIsRefusedAndTheMeetingStaysOpen(String label, String owners, String recurrence,
      String due, String message) {
    ProcessInstance pi = start(scheduleForm(unique(13)), "kesbangpolpalopo");
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 13, 11, 0, 0, 0,
        CoordinationMeetingProcessTest.WITA).toInstant()));
    Task outcome = task(pi, "RecordMeetingOutcomeTask", "kesbangpol7373");
    Map<String, Object> form = new HashMap<>(held("[]"));
    form.putAll(Map.of("actionItem1Description", "Patroli bersama", "actionItem1Owner", json(owners),
        "actionItem1Due", due, "actionItem1Recurrence", recurrence));
    assertRefused(() -> submit(outcome, "kesbangpolpalopo", form), message);
    String meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
    assertThat(meetings.find(meetingId).orElseThrow().status()).isEqualTo(MeetingStatus.DIJADWALKAN);
    assertThat(meetings.actionItems(meetingId)).isEmpty();
    assertThat(tasks.createTaskQuery().taskId(outcome.getId()).count()).isOne();
  }

  @Test
  void aPostponementOutsideTheStageIsRefused() {
    ProcessInstance pi = start(scheduleForm(unique(14)), "kesbangpolpalopo");
    Task outcome = task(pi, "RecordMeetingOutcomeTask", "kesbangpol7373");
    assertRefused(() -> submit(outcome, "kesbangpolpalopo", Map.of("meetingOutcome", "DITUNDA",
        "newMeetingAt", "2027-02-01T09:00", "postponementReason", "Banjir")), "Tanggal rapat yang baru harus sebelum tahap Kampanye berakhir");
    assertRefused(() -> submit(outcome, "kesbangpolpalopo", Map.of("meetingOutcome", "DIBATALKAN")), "Alasan pembatalan wajib diisi");
    assertThat(tasks.createTaskQuery().taskId(outcome.getId()).count()).isOne();
  }

  // ------------------------------------------------------------------ REST API

  @Test
  void theRestApiStartsAMeetingAndAnswersBadInputWith400() {
    TestRestTemplate coordinator = rest.withBasicAuth("kesbangpolpalopo", SiagaSpringBootTest.DEMO_PASSWORD);
    Map<String, Object> variables = restVariables(scheduleForm("2026-12-15T07:05"));
    ResponseEntity<Map> started = coordinator.postForEntity(
        "/engine-rest/process-definition/key/coordination-meeting/submit-form", Map.of("variables", variables), Map.class);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    String meetingId = (String) started.getBody().get("businessKey");
    assertThat(meetingId).as("not guessable from region, stage and date").matches("rakor-[0-9a-f]{20}");

    Map<String, Object> bad = restVariables(scheduleForm("2026-12-15T07:10"));
    bad.put("regionCode", Map.of("value", "99.99"));
    ResponseEntity<Map> refused = coordinator.postForEntity(
        "/engine-rest/process-definition/key/coordination-meeting/submit-form", Map.of("variables", bad), Map.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat((String) refused.getBody().get("message")).contains("Kode wilayah tidak dikenal: 99.99");

    assertThat(rest.postForEntity("/engine-rest/process-definition/key/coordination-meeting/submit-form",
        Map.of("variables", variables), String.class).getStatusCode().value()).isEqualTo(401);

    // a refused task form answers 400 too, with the message
    String taskId = task(runtime.createProcessInstanceQuery().processInstanceBusinessKey(meetingId)
        .singleResult(), "SubmitReadinessReportTask", "polri7373").getId();
    TestRestTemplate police = rest.withBasicAuth("polrespalopo", SiagaSpringBootTest.DEMO_PASSWORD);
    ResponseEntity<Map> badReport = police.postForEntity("/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of("personnelCount", Map.of("value", -1),
            "vulnerabilities", Map.of("value", "[\"HOAKS\"]", "type", "Json"))), Map.class);
    assertThat(badReport.getStatusCode().value()).isEqualTo(400);
    assertThat((String) badReport.getBody().get("message")).contains("Jumlah personel harus antara 0 dan 100000");
    // the caption under each task in Tasklist's list, as an officer reads it (filter list, HAL)
    String filterId = (String) ((Map<String, Object>) police.getForEntity(
        "/engine-rest/filter?name=Tugas instansi saya", List.class).getBody().get(0)).get("id");
    org.springframework.http.HttpHeaders hal = new org.springframework.http.HttpHeaders();
    hal.setAccept(List.of(org.springframework.http.MediaType.parseMediaType("application/hal+json")));
    hal.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    ResponseEntity<Map> list = police.postForEntity("/engine-rest/filter/" + filterId + "/list?maxResults=50",
        new org.springframework.http.HttpEntity<>(Map.of(), hal), Map.class);
    List<Map<String, Object>> listed = (List<Map<String, Object>>) ((Map<String, Object>) list.getBody()
        .get("_embedded")).get("task");
    assertThat(listed).isNotEmpty().allSatisfy(task -> assertThat(
        ((List<Map<String, Object>>) ((Map<String, Object>) task.get("_embedded")).get("variable")).stream()
            .map(v -> v.get("name") + "=" + v.get("value")).toList())
        .contains("regionName=Kota Palopo", "stageName=Kampanye", "title=Rakor kesiapan kampanye"));
    // the copies are runtime rows only; the history keeps the instance's own caption variables once
    String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(meetingId).singleResult().getId();
    assertThat(tasks.getVariablesLocal(taskId)).containsEntry("regionName", "Kota Palopo")
        .containsEntry("stageName", "Kampanye").containsEntry("title", "Rakor kesiapan kampanye");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableNameIn("regionName", "stageName", "title").list())
        .extracting(v -> v.getName() + "@" + (v.getTaskId() == null ? "instance" : "task"))
        .containsExactlyInAnyOrder("regionName@instance", "stageName@instance", "title@instance");

    ResponseEntity<String> goodReport = police.postForEntity("/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of("personnelCount", Map.of("value", 25),
            "vulnerabilities", Map.of("value", "[\"HOAKS\"]", "type", "Json"),
            "needsAndObstacles", Map.of("value", "Kendaraan"), "readinessStatus", Map.of("value", "SIAP"),
            "attendeeName", Map.of("value", "Kompol Andi Saputra"), "attendeePosition", Map.of("value", "Wakapolres"),
            "vulnerablePoints", Map.of("value", "Gudang logistik KPU"))),
        String.class);
    assertThat(goodReport.getStatusCode().value()).isEqualTo(204);
    // the plain complete of the REST API with the same fields: recorded the same way
    String kpuTask = task(runtime.createProcessInstanceQuery().processInstanceBusinessKey(meetingId)
        .singleResult(), "SubmitReadinessReportTask", "kpu7373").getId();
    assertThat(rest.withBasicAuth("kpupalopo", SiagaSpringBootTest.DEMO_PASSWORD).postForEntity(
        "/engine-rest/task/" + kpuTask + "/complete", Map.of("variables", Map.of("personnelCount", Map.of("value", 8),
            "vulnerabilities", Map.of("value", "[\"POLITIK_UANG\",\"HOAKS\"]", "type", "Json"),
            "needsAndObstacles", Map.of("value", "-"), "readinessStatus", Map.of("value", "SIAP"),
            "attendeeName", Map.of("value", "Andi"), "attendeePosition", Map.of("value", "Komisioner"),
            "logisticsStatus", Map.of("value", "Tiba"), "adHocBodies", Map.of("value", "Lengkap"))),
        String.class).getStatusCode().value()).isEqualTo(204);
    assertThat(meetings.reports(meetingId)).extracting(ReadinessReport::agencyGroup, ReadinessReport::personnel,
        ReadinessReport::threats).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("polri7373", 25, List.of(ThreatCategory.HOAKS)),
            // KPU's form does not ask for personnel: what is sent is ignored
            org.assertj.core.groups.Tuple.tuple("kpu7373", 0, List.of(ThreatCategory.POLITIK_UANG, ThreatCategory.HOAKS)));
    // a report's fields live for its completion only (formFields = recorded): no variable of the
    // instance or of any other report holds them, in the runtime or the history
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_VARINST where NAME_ in ('personnelCount',"
        + " 'vulnerabilities', 'readinessStatus') and PROC_INST_ID_ = (select PROC_INST_ID_ from ACT_RU_EXECUTION"
        + " where BUSINESS_KEY_ = ?)", Integer.class, meetingId)).isZero();


    // the record, for the readiness board
    ResponseEntity<Map> record = coordinator.getForEntity("/api/meetings/" + meetingId, Map.class);
    assertThat(record.getStatusCode().value()).isEqualTo(200);
    assertThat((List<?>) record.getBody().get("reports")).hasSize(2);
    assertThat((Map<String, Object>) record.getBody().get("summary")).containsEntry("reportsReceived", 2)
        .containsEntry("reportsExpected", 7);
    assertThat(rest.withBasicAuth("polresmalang", SiagaSpringBootTest.DEMO_PASSWORD)
        .getForEntity("/api/meetings/" + meetingId, String.class).getStatusCode().value())
        .as("another region's meeting answers like an unknown one").isEqualTo(404);
    assertThat(rest.withBasicAuth("poldasulsel", SiagaSpringBootTest.DEMO_PASSWORD)
        .getForEntity("/api/meetings?regionCode=73.73", List.class).getBody()).isNotEmpty();
  }

  // ------------------------------------------------------------------ helpers

  void assertScheduleRefused(Map<String, Object> form, String message) {
    long instances = instances();
    Integer rows = jdbc.queryForObject("select count(*) from siaga_meeting", Integer.class);
    assertRefused(() -> start(form, "kesbangpolpalopo"), message);
    assertThat(instances()).isEqualTo(instances);
    assertThat(jdbc.queryForObject("select count(*) from siaga_meeting", Integer.class)).isEqualTo(rows);
  }

  /** A meeting time on a December day that no other test uses (10:00 + a minute per call). */
  static String unique(int december) {
    int n = minute++;
    return String.format("2026-12-%02dT%02d:%02d", december, 10 + n / 60, n % 60);
  }

  static int minute;

  long instances() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(MeetingVariables.PROCESS_KEY).count();
  }

  Map<String, Object> scheduleForm(String meetingAt) {
    return CoordinationMeetingDriver.scheduleForm(electionId, meetingAt,
        List.of("KESBANGPOL", "PEMDA", "POLRI", "TNI", "KPU", "BAWASLU", "KEJAKSAAN"));
  }

  /** The variables as Tasklist sends them: lists as Json, everything else untyped. */
  static Map<String, Object> restVariables(Map<String, Object> form) {
    Map<String, Object> variables = new HashMap<>();
    form.forEach((key, value) -> variables.put(key, value instanceof String text ? Map.of("value", text)
        : Map.of("value", ((JsonValue) value).getValueSerialized(), "type", "Json")));
    return variables;
  }

  ProcessInstance start(Map<String, Object> form, String user) {
    return driver.start(form, user);
  }

  void submit(Task task, String user, Map<String, Object> form) {
    driver.submit(task, user, form);
  }

  Task task(ProcessInstance pi, String key, String group) {
    return driver.task(pi, key, group);
  }
}

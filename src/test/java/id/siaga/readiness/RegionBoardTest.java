package id.siaga.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.BoardSession;
import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A region's page on the board, over the real REST API and the real pages, on the whole application:
 * a quiet period whose Rakor schedule task ran late and climbed to the province, a task claimed and a
 * declaration made by the coordinator through the engine's REST API; the page's stages, open tasks
 * (late first, agency, local due time, escalation level), declaration history and audit trail; the
 * CSVs agreeing with the JSON; who may read which region, on the API and on the pages.
 */
@SiagaSpringBootTest
class RegionBoardTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final LocalDate VOTING_DAY = LocalDate.of(2028, 2, 16);
  static final String PALOPO = "73.73";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Elections elections;
  @Autowired JdbcTemplate jdbc;

  String electionId;

  @BeforeEach
  void setUp() {
    electionId = elections.createSimulation("pilkada-2024", VOTING_DAY).id();
    at(ZonedDateTime.of(VOTING_DAY.minusDays(20), LocalTime.of(8, 0), WITA).toInstant());
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    for (String key : List.of("stage-readiness", "patrol-assignment", "coordination-meeting")) {
      runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
    }
    for (String table : List.of("siaga_stage_readiness", "siaga_patrol_situation", "siaga_patrol_stage")) {
      jdbc.update("delete from " + table);
    }
  }

  @Test
  void theRegionPageShowsTheStageItsLateTasksTheDeclarationAndTheTrailAndTheCsvsAgree() {
    ProcessInstance pi = runtime.startProcessInstanceByKey("stage-readiness", Variables.createVariables()
        .putValue("regionCode", PALOPO).putValue("electionId", electionId).putValue("stageCode", "masa-tenang"));
    Task schedule = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("ScheduleRakorTask")
        .singleResult();
    // the coordinator takes the task in hand (the engine logs who), then lets it run late: a day past due it climbs
    assertThat(post("kesbangpolpalopo", "/engine-rest/task/" + schedule.getId() + "/claim",
        Map.of("userId", "kesbangpolpalopo")).getStatusCode().value()).isEqualTo(204);
    at(schedule.getDueDate().toInstant().plus(Duration.ofDays(1)).plusSeconds(60));
    runJobs(pi);

    Map<String, Object> view = json("kesbangpolpalopo", "/api/readiness/" + electionId + "/regions/" + PALOPO);
    assertThat(view).containsEntry("regionName", "Kota Palopo").containsEntry("zone", "WITA");
    Map<String, Object> quiet = stage(view, "masa-tenang");
    assertThat(quiet).containsEntry("state", "DIESKALASI").containsEntry("stateLabel", "dieskalasi")
        .containsEntry("escalatedTasks", 1);
    assertThat((List<String>) quiet.get("workstreams")).contains("Rakor: belum dijadwalkan")
        .anyMatch(line -> line.startsWith("Patroli"));
    assertThat(stage(view, "kampanye")).containsEntry("state", "BELUM_MULAI");
    assertThat((String) view.get("earlyWarning")).startsWith("Laporan kerawanan: 0 terbuka");

    List<Map<String, Object>> open = (List<Map<String, Object>>) view.get("openTasks");
    Map<String, Object> first = open.get(0);
    assertThat(first).containsEntry("taskId", schedule.getId()).containsEntry("name", "Jadwalkan Rakor tahapan")
        .containsEntry("overdue", true).containsEntry("escalationLevel", 1).containsEntry("assignee", "kesbangpolpalopo")
        .containsEntry("workstream", "stage-readiness").containsEntry("stageCode", "masa-tenang");
    assertThat((List<String>) first.get("groups")).containsExactly("kesbangpol7373", "kesbangpol73");
    assertThat((List<String>) first.get("agencies")).hasSize(2).first().asString().contains("Palopo");
    assertThat((String) first.get("dueLocal")).endsWith(" pukul 12.00 WITA");
    // the patrols' tasks of the quiet period follow; late ones always come first
    assertThat(open).hasSizeGreaterThan(1);
    boolean seenOnTime = false;
    for (Map<String, Object> task : open) {
      seenOnTime |= !(Boolean) task.get("overdue");
      assertThat(seenOnTime && (Boolean) task.get("overdue")).as("late tasks first").isFalse();
    }
    List<Map<String, Object>> tasksJson = list("kesbangpolpalopo",
        "/api/readiness/" + electionId + "/regions/" + PALOPO + "/tasks");
    assertThat(tasksJson).extracting(t -> t.get("taskId")).containsExactlyElementsOf(
        open.stream().map(t -> t.get("taskId")).toList());

    // the tasks' CSV: one line per task in the same order, with the same facts
    String[] csv = get("kesbangpolpalopo", "/api/readiness/" + electionId + "/regions/" + PALOPO + "/tasks.csv")
        .getBody().split("\n");
    assertThat(csv[0]).isEqualTo("id_tugas,tugas,alur_kerja,tahapan,kelompok,instansi,pengambil,tenggat_utc,"
        + "tenggat_setempat,terlambat,tingkat_eskalasi,dibuat_utc,id_proses");
    assertThat(csv).hasSize(open.size() + 1);
    for (int i = 0; i < open.size(); i++) {
      Map<String, Object> task = open.get(i);
      assertThat(csv[i + 1]).startsWith(task.get("taskId") + "," + task.get("name") + ",")
          .contains("," + ((Boolean) task.get("overdue") ? "ya" : "tidak") + "," + task.get("escalationLevel") + ",")
          .contains(String.join(";", (List<String>) task.get("groups")));
    }

    // the declaration, made in the real way: the task opens three days before the stage, the coordinator submits it
    at(ZonedDateTime.of(VOTING_DAY.minusDays(5), LocalTime.of(9, 0), WITA).toInstant());
    runJobs(pi);
    Task declare = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("DeclareReadinessTask")
        .singleResult();
    assertThat(post("kesbangpolpalopo", "/engine-rest/task/" + declare.getId() + "/submit-form",
        Map.of("variables", Map.of("declaration", Map.of("value", "BELUM_SIAP"),
            "declarationNotes", Map.of("value", "Rakor belum terlaksana"))))
        .getStatusCode().value()).isEqualTo(204);

    view = json("kesbangpolsulsel", "/api/readiness/" + electionId + "/regions/" + PALOPO);
    assertThat(stage(view, "masa-tenang")).containsEntry("state", "BELUM_SIAP");
    List<Map<String, Object>> declared = (List<Map<String, Object>>) view.get("declarations");
    assertThat(declared).singleElement().satisfies(d -> assertThat(d).containsEntry("stageCode", "masa-tenang")
        .containsEntry("declaration", "BELUM_SIAP").containsEntry("label", "belum siap")
        .containsEntry("notes", "Rakor belum terlaksana").containsEntry("declaredBy", "kesbangpolpalopo"));
    assertThat((String) declared.get(0).get("summary")).startsWith("Keadaan per ");

    // the audit trail: who did what and when, in order
    List<Map<String, Object>> trail = list("kesbangpolsulsel",
        "/api/readiness/" + electionId + "/regions/" + PALOPO + "/audit");
    List<String> lines = trail.stream().map(e -> e.get("actor") + " | " + e.get("action") + " | " + e.get("subject")).toList();
    assertThat(lines).containsSubsequence(
        "sistem | Proses dimulai | " + electionId + ":" + PALOPO + ":masa-tenang",
        "sistem | Tugas dibuat | Jadwalkan Rakor tahapan",
        "kesbangpolpalopo | Tugas diambil | Jadwalkan Rakor tahapan",
        "sistem | Dieskalasi tingkat 1 ke kesbangpol73 (semula kesbangpol7373) | Jadwalkan Rakor tahapan",
        "sistem | Tugas dibuat | Nyatakan kesiapan tahapan",
        "kesbangpolpalopo | Tugas diselesaikan | Nyatakan kesiapan tahapan");
    assertThat(lines).contains("kesbangpolpalopo | Kesiapan dinyatakan: belum siap | masa-tenang");
    assertThat(trail).extracting(e -> Instant.parse((String) e.get("at"))).isSorted();
    assertThat(trail).allSatisfy(e -> assertThat((String) e.get("atLocal")).endsWith(" WITA"));
    assertThat(trail).filteredOn(e -> "Tugas dibuat".equals(e.get("action")))
        .allSatisfy(e -> assertThat(e.get("stageCode")).isNotNull());

    String[] auditCsv = get("kesbangpolsulsel", "/api/readiness/" + electionId + "/regions/" + PALOPO + "/audit.csv")
        .getBody().split("\n");
    assertThat(auditCsv[0]).isEqualTo("waktu_utc,waktu_setempat,pelaku,tindakan,alur_kerja,pokok,tahapan,id_proses,id_tugas");
    assertThat(auditCsv).hasSize(trail.size() + 1);
    for (int i = 0; i < trail.size(); i++) {
      Map<String, Object> e = trail.get(i);
      assertThat(auditCsv[i + 1]).startsWith(Instant.parse((String) e.get("at")) + ",")
          .contains("," + e.get("actor") + "," + e.get("action") + ",");
    }
  }

  @Test
  void eachReaderReadsOnlyTheRegionsTheyMaySeeOnTheApiAndOnThePages() {
    String region = "/api/readiness/" + electionId + "/regions/";
    assertThat(status("kesbangpolpalopo", region + PALOPO)).isEqualTo(200);
    assertThat(status("kesbangpolpalopo", region + "73.71")).isEqualTo(403);      // Makassar: another regency
    assertThat(status("kesbangpolpalopo", region + "73.71/tasks.csv")).isEqualTo(403);
    assertThat(status("kesbangpolpalopo", region + "73.71/audit")).isEqualTo(403);
    // a parameter naming another group changes nothing: the groups are the signed-in user's
    assertThat(status("kesbangpolpalopo", region + "73.71?groups=desknasional&groupIds=desknasional")).isEqualTo(403);
    assertThat(status("polrespalopo", region + PALOPO + "/tasks")).isEqualTo(200);   // an officer: their own region
    assertThat(status("polrespalopo", region + "73")).isEqualTo(403);
    assertThat(status("kesbangpolsulsel", region + "73")).isEqualTo(200);           // the province and its regencies
    assertThat(status("kesbangpolsulsel", region + "73.71/audit.csv")).isEqualTo(200);
    assertThat(status("kesbangpolsulsel", region + "71.71")).isEqualTo(403);        // Manado: another province
    assertThat(status("desknasional", region + "71.71")).isEqualTo(200);
    assertThat(status("desknasional", region + "34")).isEqualTo(404);               // DIY elects no governor
    assertThat(status("desknasional", region + "73.7x")).isEqualTo(400);
    assertThat(status("desknasional", region + "73.73.01")).isEqualTo(400);
    assertThat(status("desknasional", "/api/readiness/pilkada-1999/regions/" + PALOPO)).isEqualTo(404);
    assertThat(rest.getForEntity(region + PALOPO, String.class).getStatusCode().value()).isEqualTo(401);

    // the pages: a login form, then the same rules with a reason in Bahasa Indonesia
    BoardSession palopo = login("kesbangpolpalopo");
    assertThat(palopo.get("/papan/" + electionId + "/wilayah/" + PALOPO).getStatusCode().value()).isEqualTo(200);
    ResponseEntity<String> refused = palopo.get("/papan/" + electionId + "/wilayah/73.71");
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody()).contains("Anda tidak berhak melihat wilayah Kota Makassar");
    assertThat(palopo.get("/papan/" + electionId + "/wilayah/73.71/jejak.csv").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> matrix = palopo.get("/papan/" + electionId + "?province=73");
    assertThat(matrix.getBody()).contains("data-region=\"73.73\"").doesNotContain("data-region=\"73.71\"");
    BoardSession province = login("kesbangpolsulsel");
    String provinceMatrix = province.get("/papan/" + electionId).getBody();
    assertThat(provinceMatrix).contains("data-region=\"73\"", "data-region=\"73.71\"", "data-region=\"73.73\"")
        .doesNotContain("data-region=\"71.71\"");
    assertThat(province.get("/papan/" + electionId + "?state=MERAH").getStatusCode().value()).isEqualTo(400);
    // a wrong login gets the form again, with the reason; no session, no page (an unknown user: a real
    // one would be locked for a few seconds by the engine's login delay, and the other tests use them)
    BoardSession wrong = new BoardSession(rest);
    assertThat(wrong.login("penyusup", "salah")).endsWith("/papan/masuk?gagal");
    assertThat(wrong.get("/papan/masuk?gagal").getBody()).contains("Nama pengguna atau kata sandi salah.");
    assertThat(wrong.get("/papan/" + electionId).getStatusCode().value()).isEqualTo(302);
  }

  // ------------------------------------------------------------------ helpers

  BoardSession login(String user) {
    BoardSession session = new BoardSession(rest);
    assertThat(session.login(user, SiagaSpringBootTest.DEMO_PASSWORD)).endsWith("/papan");
    return session;
  }

  static Map<String, Object> stage(Map<String, Object> view, String code) {
    return ((List<Map<String, Object>>) view.get("stages")).stream().filter(s -> code.equals(s.get("stageCode")))
        .findFirst().orElseThrow();
  }

  Map<String, Object> json(String user, String path) {
    ResponseEntity<Map<String, Object>> answer = rest.withBasicAuth(user, SiagaSpringBootTest.DEMO_PASSWORD)
        .exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(answer.getStatusCode().value()).as(user + " " + path).isEqualTo(200);
    return answer.getBody();
  }

  List<Map<String, Object>> list(String user, String path) {
    ResponseEntity<List<Map<String, Object>>> answer = rest.withBasicAuth(user, SiagaSpringBootTest.DEMO_PASSWORD)
        .exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {});
    assertThat(answer.getStatusCode().value()).as(user + " " + path).isEqualTo(200);
    return answer.getBody();
  }

  int status(String user, String path) {
    return get(user, path).getStatusCode().value();
  }

  ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, SiagaSpringBootTest.DEMO_PASSWORD).getForEntity(path, String.class);
  }

  ResponseEntity<String> post(String user, String path, Object body) {
    return rest.withBasicAuth(user, SiagaSpringBootTest.DEMO_PASSWORD).postForEntity(path, body, String.class);
  }

  void runJobs(ProcessInstance pi) {
    for (int round = 0; round < 10; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }

  static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}

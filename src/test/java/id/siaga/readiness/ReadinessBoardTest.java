package id.siaga.readiness;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.camunda.bpm.engine.FormService;
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
 * The board's matrix over REST, on the whole application with the national data: a crafted region
 * shows each state as its stage readiness walks (belum mulai, berjalan, terlambat, dieskalasi, a
 * declaration), who sees which rows, the filters, and the CSV agreeing with the JSON.
 */
@SiagaSpringBootTest
class ReadinessBoardTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final LocalDate VOTING_DAY = LocalDate.of(2028, 2, 16);

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
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
    for (String key : List.of("stage-readiness", "patrol-assignment", "logistics-distribution", "tps-security-plan")) {
      runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
    }
    for (String table : List.of("siaga_stage_readiness", "siaga_patrol_situation", "siaga_patrol_stage")) {
      jdbc.update("delete from " + table);
    }
  }

  @Test
  void aRegionsQuietPeriodShowsEachStateInTurnAndTheCsvAgrees() {
    assertThat(state("desknasional", "73.73", "masa-tenang")).isEqualTo("BELUM_MULAI");
    ProcessInstance pi = runtime.startProcessInstanceByKey("stage-readiness", Variables.createVariables()
        .putValue("regionCode", "73.73").putValue("electionId", electionId).putValue("stageCode", "masa-tenang"));
    assertThat(state("desknasional", "73.73", "masa-tenang")).isEqualTo("BERJALAN");
    Map<String, Object> cell = cell("desknasional", "73.73", "masa-tenang", null);
    assertThat(cell.get("openTasks")).isEqualTo(1);   // the coordinator's task to schedule the Rakor

    // the Rakor's schedule task is due at noon five days before the stage: past it, terlambat
    Task schedule = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("ScheduleRakorTask")
        .singleResult();
    at(schedule.getDueDate().toInstant().plusSeconds(60));
    assertThat(state("desknasional", "73.73", "masa-tenang")).isEqualTo("TERLAMBAT");
    // a day later its deadline timer has escalated it to the province: dieskalasi
    at(schedule.getDueDate().toInstant().plus(Duration.ofDays(1)).plusSeconds(60));
    runJobs(pi);
    assertThat(state("desknasional", "73.73", "masa-tenang")).isEqualTo("DIESKALASI");
    // the filter by workstream: the patrols of the quiet period are on time
    assertThat(cell("desknasional", "73.73", "masa-tenang", "patrol-assignment").get("state")).isEqualTo("BERJALAN");

    // the CSV says what the JSON says, for the same reader and filters
    String csv = get("kesbangpolpalopo", "/api/readiness/" + electionId + "/board.csv").getBody();
    Map<String, Object> json = board("kesbangpolpalopo", "");
    List<String> stages = (List<String>) json.get("stages");
    String[] lines = csv.split("\n");
    assertThat(lines[0]).isEqualTo("kode_wilayah,nama_wilayah,tingkat," + String.join(",", stages));
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).startsWith("73.73,Kota Palopo,REGENCY,");
    Map<String, Map<String, Object>> cells = (Map<String, Map<String, Object>>) ((List<Map<String, Object>>) json.get("rows"))
        .get(0).get("cells");
    String[] fields = lines[1].split(",");
    for (int i = 0; i < stages.size(); i++) {
      assertThat(fields[3 + i]).isEqualTo(CellState.valueOf((String) cells.get(stages.get(i)).get("state")).label());
    }

    // a declaration wins once made
    jdbc.update("update siaga_stage_readiness set declaration = 'SIAP_DENGAN_CATATAN' where region_code = '73.73'");
    assertThat(state("desknasional", "73.73", "masa-tenang")).isEqualTo("SIAP_DENGAN_CATATAN");
    Map<String, Object> counts = (Map<String, Object>) board("desknasional", "?province=73").get("counts");
    assertThat(counts.get("SIAP_DENGAN_CATATAN")).isEqualTo(1);
    assertThat(rows(board("desknasional", "?province=73&state=SIAP_DENGAN_CATATAN"))).containsExactly("73.73");
  }

  @Test
  void eachReaderSeesTheirOwnRows() {
    assertThat(rows(board("desknasional", ""))).hasSize(545);
    assertThat(rows(board("kemendagri", ""))).hasSize(545);
    assertThat(rows(board("kesbangpolpalopo", ""))).containsExactly("73.73");
    assertThat(rows(board("polrespalopo", ""))).containsExactly("73.73");
    assertThat(rows(board("polresmakassar", ""))).containsExactly("73.71");
    List<String> province = rows(board("kesbangpolsulsel", ""));
    assertThat(province).contains("73", "73.73", "73.71").allMatch(code -> code.equals("73") || code.startsWith("73."));
    assertThat(rows(board("kesbangpolsulsel", "?province=64"))).isEmpty();
    // bad filters are refused, an unknown election is 404
    assertThat(get("desknasional", "/api/readiness/" + electionId + "/board?state=MERAH").getStatusCode().value())
        .isEqualTo(400);
    assertThat(get("desknasional", "/api/readiness/" + electionId + "/board?province=7a").getStatusCode().value())
        .isEqualTo(400);
    assertThat(get("desknasional", "/api/readiness/" + electionId + "/board?workstream=x").getStatusCode().value())
        .isEqualTo(400);
    assertThat(get("desknasional", "/api/readiness/pilkada-1999/board").getStatusCode().value()).isEqualTo(404);
  }

  // ------------------------------------------------------------------ helpers

  String state(String user, String region, String stage) {
    return (String) cell(user, region, stage, null).get("state");
  }

  Map<String, Object> cell(String user, String region, String stage, String workstream) {
    Map<String, Object> json = board(user, workstream == null ? "" : "?workstream=" + workstream);
    Map<String, Object> row = ((List<Map<String, Object>>) json.get("rows")).stream()
        .filter(r -> region.equals(r.get("regionCode"))).findFirst().orElseThrow();
    return ((Map<String, Map<String, Object>>) row.get("cells")).get(stage);
  }

  Map<String, Object> board(String user, String query) {
    ResponseEntity<Map<String, Object>> answer = rest.withBasicAuth(user, SiagaSpringBootTest.DEMO_PASSWORD)
        .exchange("/api/readiness/" + electionId + "/board" + query, HttpMethod.GET, null,
            new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(answer.getStatusCode().value()).as(user + " " + query).isEqualTo(200);
    return answer.getBody();
  }

  static List<String> rows(Map<String, Object> json) {
    return ((List<Map<String, Object>>) json.get("rows")).stream().map(r -> (String) r.get("regionCode")).toList();
  }

  ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, SiagaSpringBootTest.DEMO_PASSWORD).getForEntity(path, String.class);
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

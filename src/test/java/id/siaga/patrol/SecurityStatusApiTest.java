package id.siaga.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code GET /api/security?regionCode=}: where a region's patrols and guard plan stand, for whom. */
@SiagaSpringBootTest
class SecurityStatusApiTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final LocalDate VOTING_DAY = LocalDate.of(2027, 6, 9);
  static final String PALOPO = "73.73";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired Elections elections;
  @Autowired JdbcTemplate jdbc;

  PatrolDriver driver;
  String electionId;

  @BeforeEach
  void setUp() {
    PatrolDriver.at(ZonedDateTime.of(VOTING_DAY.minusDays(5), LocalTime.of(8, 0), WITA).toInstant());
    electionId = elections.createSimulation("pilkada-2024", VOTING_DAY).id();
    driver = new PatrolDriver(runtime, taskService, forms, management);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    PatrolDriver.clearAll(runtime, jdbc);
  }

  @Test
  void theRegionsAgenciesSeePlanAssignmentsReportsLastSituationAndGuardFigures() throws Exception {
    ProcessInstance guard = driver.startGuardPlan(PALOPO, electionId);
    ProcessInstance pi = driver.startPatrols(PALOPO, "masa-tenang", electionId);
    Map<String, Object> review = new java.util.HashMap<>(PatrolDriver.override(List.of("73.73.01"), 4, 5, true,
        "Pusat kota, massa kampanye"));
    review.put("personnelAvailable", 10);
    driver.submit(driver.task(pi, "ReviewPlanTask"), review);
    driver.submit(driver.task(pi, "DecideReinforcementTask"), Map.of("decision", "SEBAGIAN", "grantedPersonnel", 20,
        "decisionReason", "Sebagian dari Brimob"));
    driver.submit(driver.task(pi, "AssignPatrolTeamTask", "73.73.01"), PatrolDriver.team(20));
    driver.runJobsAt(pi, ZonedDateTime.of(VOTING_DAY.minusDays(3), LocalTime.MIDNIGHT, WITA).toInstant());
    Task report = driver.task(pi, "FileSituationReportTask");
    driver.submit(report, PatrolDriver.situationReport(Map.of("73.73.01", "WASPADA"), 0, List.of()));
    // 13 hours into the window: the first report filed, the second open and not yet due
    driver.runJobsAt(pi, ZonedDateTime.of(VOTING_DAY.minusDays(3), LocalTime.of(13, 0), WITA).toInstant());

    ResponseEntity<String> answer = rest.withBasicAuth("kesbangpolpalopo", SiagaSpringBootTest.DEMO_PASSWORD)
        .getForEntity("/api/security?regionCode=73.73", String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(answer.getBody());
    assertThat(body.path("regionName").asText()).isEqualTo("Kota Palopo");
    JsonNode stage = body.path("stages").get(0);
    assertThat(stage.path("stageCode").asText()).isEqualTo("masa-tenang");
    assertThat(stage.path("stageName").asText()).isEqualTo("Masa tenang");
    assertThat(stage.path("status").asText()).isEqualTo("OPEN");
    assertThat(stage.path("reportIntervalHours").asInt()).isEqualTo(12);
    assertThat(stage.path("personnelAvailable").asInt()).isEqualTo(10);
    assertThat(stage.path("reinforcement").path("decision").asText()).isEqualTo("SEBAGIAN");
    assertThat(stage.path("reinforcement").path("granted").asInt()).isEqualTo(20);
    JsonNode reports = stage.path("reports");
    assertThat(reports.path("periods").asInt()).isEqualTo(6);
    assertThat(reports.path("due").asInt()).isEqualTo(1);
    assertThat(reports.path("filed").asInt()).isEqualTo(1);
    assertThat(reports.path("late").asInt()).isZero();
    assertThat(reports.path("open").asInt()).isEqualTo(1);
    JsonNode wara = stage.path("kecamatan").get(0);
    assertThat(wara.path("code").asText()).isEqualTo("73.73.01");
    assertThat(wara.path("plan").path("overridden").asBoolean()).isTrue();
    assertThat(wara.path("plan").path("patrolsPerDay").asInt()).isEqualTo(4);
    assertThat(wara.path("plan").path("table").path("patrolsPerDay").asInt()).isEqualTo(3);
    assertThat(wara.path("plan").path("overrideReason").asText()).isEqualTo("Pusat kota, massa kampanye");
    assertThat(wara.path("assignment").path("teamPersonnel").asInt()).isEqualTo(20);
    assertThat(wara.path("assignment").path("complete").asBoolean()).isFalse();
    assertThat(wara.path("lastSituation").asText()).isEqualTo("waspada");
    assertThat(stage.path("kecamatan").get(1).path("lastSituation").asText()).isEqualTo("aman");

    JsonNode plan = body.path("guardPlans").get(0);
    assertThat(plan.path("status").asText()).isEqualTo("OPEN");
    assertThat(plan.path("patterns").asText()).isEqualTo("2-8-16 / 2-2-4 / 2-1-2");
    int police = 0;
    for (JsonNode k : plan.path("kecamatan")) {
      police += k.path("police").asInt();
    }
    assertThat(plan.path("policeNeeded").asInt()).isEqualTo(police).isPositive();
    assertThat(plan.path("kecamatan")).hasSize(body.path("stages").get(0).path("kecamatan").size());
    assertThat(guard.getId()).isNotNull();

    // the province and the national desk read it; another region's police and anonymous callers do not
    assertThat(status("poldasulsel", "73.73")).isEqualTo(200);
    assertThat(status("desknasional", "73.73")).isEqualTo(200);
    assertThat(status("polresmakassar", "73.73")).isEqualTo(403);
    assertThat(rest.getForEntity("/api/security?regionCode=73.73", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(status("kesbangpolpalopo", "73.7x")).isEqualTo(400);
    assertThat(status("desknasional", "73.99")).isEqualTo(400);
  }

  int status(String user, String code) {
    return rest.withBasicAuth(user, SiagaSpringBootTest.DEMO_PASSWORD)
        .getForEntity("/api/security?regionCode=" + code, String.class).getStatusCode().value();
  }
}

package id.siaga.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Black-box: the security processes through the REST API Tasklist itself uses, with the demo users
 * of Kota Palopo, Kota Makassar and Polda Sulawesi Selatan. Which region, which plan, which
 * kecamatan and which group come from the server; whatever a script adds is refused and changes
 * nothing.
 */
@SiagaSpringBootTest
class SecurityTrustNothingTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final LocalDate VOTING_DAY = LocalDate.of(2027, 6, 9);
  static final String PALOPO = "73.73";
  static final String PATROL_START = "/engine-rest/process-definition/key/patrol-assignment/submit-form";
  static final String GUARD_START = "/engine-rest/process-definition/key/tps-security-plan/submit-form";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired PatrolRepository records;
  @Autowired RegionRepository regions;
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
  void onlyPolresOrTheCoordinatorOfTheRegionStartsAndNothingElseComesFromTheCaller() {
    Map<String, Object> palopo = Map.of("variables", Map.of("regionCode", Map.of("value", PALOPO),
        "stageCode", Map.of("value", "masa-tenang")));
    ResponseEntity<String> makassar = post("polresmakassar", PATROL_START, palopo);
    assertThat(makassar.getStatusCode().value()).isEqualTo(400);
    assertThat(makassar.getBody()).contains("dimulai oleh Polres atau Badan Kesbangpol Kota Palopo")
        .doesNotContain("Cannot instantiate");
    assertThat(post("kpupalopo", PATROL_START, palopo).getStatusCode().value()).isEqualTo(400);
    // Polres with variables the start form does not have: an election, a plan id, a group
    ResponseEntity<String> extra = post("polrespalopo", PATROL_START, Map.of("variables", Map.of(
        "regionCode", Map.of("value", PALOPO), "stageCode", Map.of("value", "masa-tenang"),
        "electionId", Map.of("value", "pilkada-2024"), "stagePlanId", Map.of("value", "patroli-0"),
        "polresGroup", Map.of("value", "polri7371"))));
    assertThat(extra.getStatusCode().value()).isEqualTo(400);
    assertThat(extra.getBody()).contains("electionId").contains("stagePlanId").contains("polresGroup");
    // starting part-way, or a BKO request without a plan
    ResponseEntity<String> partWay = post("polrespalopo", "/engine-rest/process-definition/key/patrol-assignment/start",
        Map.of("variables", Map.of("regionCode", Map.of("value", PALOPO), "stageCode", Map.of("value", "masa-tenang")),
            "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "ClosePatrolStageTask"))));
    assertThat(partWay.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> bko = post("polrespalopo", "/engine-rest/process-definition/key/reinforcement-request/start",
        Map.of("variables", Map.of("reinforcementId", Map.of("value", "bko-0"))));
    // every user reads the process definitions (one global grant, docs/architecture.md); a variable
    // the definition's start does not declare is refused first, and without any the start itself
    assertThat(bko.getStatusCode().value()).isIn(400, 403);
    ResponseEntity<String> bare = post("polrespalopo", "/engine-rest/process-definition/key/reinforcement-request/start",
        Map.of("variables", Map.of()));
    assertThat(bare.getStatusCode().value()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from siaga_patrol_stage", Integer.class)).isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKeyIn(PatrolVariables.PATROL_PROCESS,
        PatrolVariables.REINFORCEMENT_PROCESS).count()).isZero();

    // the coordinator may; the election is the one whose quiet period comes next, chosen by the server
    assertThat(post("kesbangpolpalopo", PATROL_START, palopo).getStatusCode().value()).isEqualTo(200);
    StagePatrol stage = records.findStage(electionId, PALOPO, "masa-tenang").orElseThrow();
    assertThat(stage.startedBy()).isEqualTo("kesbangpolpalopo");
    ResponseEntity<String> second = post("polrespalopo", PATROL_START, palopo);
    assertThat(second.getStatusCode().value()).isEqualTo(400);
    assertThat(second.getBody()).contains("sudah dimulai");

    // the guard plan: Kodim may not start it, Polres may, once
    Map<String, Object> guard = Map.of("variables", Map.of("regionCode", Map.of("value", PALOPO)));
    assertThat(post("kodimpalopo", GUARD_START, guard).getBody()).contains("disusun oleh Polres atau Badan Kesbangpol");
    assertThat(post("polrespalopo", GUARD_START, guard).getStatusCode().value()).isEqualTo(200);
    assertThat(records.guardPlan(electionId, PALOPO).orElseThrow().startedBy()).isEqualTo("polrespalopo");
  }

  @Test
  void formsSubmitOnlyTheirFieldsAndOnlyTheTasksAgencyCompletesIt() {
    ProcessInstance pi = driver.startPatrols(PALOPO, "masa-tenang", electionId);
    StagePatrol stage = records.findStageByProcessInstance(pi.getId()).orElseThrow();
    Task review = driver.task(pi, "ReviewPlanTask");
    Map<String, Object> tooFew = Map.of("personnelAvailable", Map.of("value", 10));
    // Kodim of the region and Polres of another region
    assertThat(submit("kodimpalopo", review, tooFew).getStatusCode().value()).isEqualTo(403);
    assertThat(submit("polresmakassar", review, tooFew).getStatusCode().value()).isEqualTo(403);
    // Polres with server-side variables: no BKO request, another group, another kecamatan
    ResponseEntity<String> extra = submit("polrespalopo", review, Map.of("personnelAvailable", Map.of("value", 10),
        "reinforcementRequested", Map.of("value", 0), "polresGroup", Map.of("value", "polri7371"),
        "districtCode", Map.of("value", "73.71.01")));
    assertThat(extra.getStatusCode().value()).isEqualTo(400);
    assertThat(extra.getBody()).contains("reinforcementRequested").contains("polresGroup").contains("districtCode")
        .contains("\"message\":\"Isian tidak sah").doesNotContain("Cannot submit task form");
    assertThat(exchange("polrespalopo", HttpMethod.PUT, "/engine-rest/task/" + review.getId()
        + "/variables/reinforcementRequested", Map.of("value", 0)).getStatusCode().value()).isEqualTo(403);
    assertThat(records.findStage(stage.stagePlanId()).orElseThrow().reviewedAt()).isNull();
    assertThat(submit("polrespalopo", review, tooFew).getStatusCode().value()).isEqualTo(204);

    // the BKO request is Polda's to decide, whatever the caller adds
    Task decide = driver.task(pi, "DecideReinforcementTask");
    Map<String, Object> full = Map.of("decision", Map.of("value", "PENUH"));
    assertThat(submit("polrespalopo", decide, full).getStatusCode().value()).isEqualTo(403);
    Map<String, Object> padded = new HashMap<>(full);
    padded.put("requested", Map.of("value", 1));
    assertThat(submit("poldasulsel", decide, padded).getStatusCode().value()).isEqualTo(400);
    assertThat(submit("poldasulsel", decide, full).getStatusCode().value()).isEqualTo(204);
    Reinforcement granted = records.reinforcementOf(stage.stagePlanId()).orElseThrow();
    assertThat(granted.granted()).isEqualTo(granted.requested()).isGreaterThan(1);
    assertThat(granted.decidedBy()).isEqualTo("poldasulsel");

    // a situation report naming a kecamatan of another region is refused and records nothing
    driver.runJobsAt(pi, ZonedDateTime.of(VOTING_DAY.minusDays(3), LocalTime.MIDNIGHT, WITA).toInstant());
    Task report = driver.task(pi, "FileSituationReportTask");
    List<Region> kecamatan = regions.findChildren(PALOPO);
    ResponseEntity<String> wrong = submit("polrespalopo", report, Map.of("incidents", Map.of("value", 0),
        "rawanDistricts", Map.of("value", "[\"73.71.01\"]", "type", "Json")));
    assertThat(wrong.getStatusCode().value()).isEqualTo(400);
    assertThat(wrong.getBody()).contains("Kecamatan rawan: 73.71.01 bukan kecamatan Kota Palopo");
    assertThat(records.situations(stage.stagePlanId(), 0)).isEmpty();
    // the options the form shows cannot be sent back as a field
    ResponseEntity<String> options = submit("polrespalopo", report, Map.of("incidents", Map.of("value", 0),
        "districtOptions", Map.of("value", "[]", "type", "Json")));
    assertThat(options.getStatusCode().value()).isEqualTo(400);
    assertThat(options.getBody()).contains("districtOptions");
    Map<String, Object> own = Map.of("incidents", Map.of("value", 0), "waspadaDistricts",
        Map.of("value", "[\"" + kecamatan.get(0).code() + "\"]", "type", "Json"));
    assertThat(submit("kodimpalopo", report, own).getStatusCode().value()).isEqualTo(403);
    assertThat(submit("polrespalopo", report, own).getStatusCode().value()).isEqualTo(204);
    assertThat(records.situations(stage.stagePlanId(), 0)).hasSize(kecamatan.size());
    assertThat(records.lastSituations(stage.stagePlanId())).containsEntry(kecamatan.get(0).code(), Situation.WASPADA);
    assertThat(records.report(stage.stagePlanId(), 0).orElseThrow().filedBy()).isEqualTo("polrespalopo");
  }

  @Test
  void theGuardPlanIsApprovedByPolresOnlyWithTheFormsOwnFields() {
    ProcessInstance pi = driver.startGuardPlan(PALOPO, electionId);
    TpsGuardPlan plan = records.guardPlanByProcessInstance(pi.getId()).orElseThrow();
    Task approve = driver.task(pi, "ApproveGuardPlanTask");
    Map<String, Object> enough = Map.of("policeAvailable", Map.of("value", plan.policeNeeded()));
    assertThat(submit("pemdapalopo", approve, enough).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> lowered = submit("polrespalopo", approve, Map.of("policeAvailable", Map.of("value", 1),
        "policeNeeded", Map.of("value", 1)));
    assertThat(lowered.getStatusCode().value()).isEqualTo(400);
    assertThat(lowered.getBody()).contains("policeNeeded");
    assertThat(records.guardPlanByProcessInstance(pi.getId()).orElseThrow().approvedAt()).isNull();
    assertThat(submit("polrespalopo", approve, enough).getStatusCode().value()).isEqualTo(204);
    Task linmas = driver.task(pi, "ConfirmLinmasTask");
    assertThat(submit("polrespalopo", linmas, Map.of("linmasAvailable", Map.of("value", plan.linmasNeeded())))
        .getStatusCode().value()).isEqualTo(403);
    assertThat(submit("pemdapalopo", linmas, Map.of("linmasAvailable", Map.of("value", plan.linmasNeeded())))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(submit("kodimpalopo", driver.task(pi, "ConfirmTniStandbyTask"), Map.of("tniStandby",
        Map.of("value", 30))).getStatusCode().value()).isEqualTo(204);
    assertThat(records.guardPlanByProcessInstance(pi.getId()).orElseThrow().ready()).isTrue();
  }

  // ------------------------------------------------------------------ helpers

  ResponseEntity<String> submit(String user, Task task, Map<String, Object> variables) {
    return exchange(user, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/submit-form",
        Map.of("variables", variables));
  }

  ResponseEntity<String> post(String user, String path, Object body) {
    return exchange(user, HttpMethod.POST, path, body);
  }

  ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, SiagaSpringBootTest.DEMO_PASSWORD)
        .exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }
}

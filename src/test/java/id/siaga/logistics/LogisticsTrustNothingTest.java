package id.siaga.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import id.siaga.region.RegionRepository;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
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
 * Black-box: {@code logistics-distribution} through the REST API Tasklist itself uses, with the
 * demo users of Kota Palopo and Kota Makassar and two PPK officers. Which region, which leg,
 * which kecamatan and which group come from the server; whatever a script adds is refused and
 * changes nothing.
 */
@SiagaSpringBootTest
class LogisticsTrustNothingTest {

  static final LocalDate VOTING_DAY = LocalDate.of(2027, 3, 17);
  static final String PALOPO = "73.73";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired LogisticsRepository legs;
  @Autowired KecamatanFiguresRepository figures;
  @Autowired RegionRepository regions;
  @Autowired Elections elections;
  @Autowired JdbcTemplate jdbc;

  LogisticsDriver driver;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(VOTING_DAY.minusDays(28), LocalTime.of(8, 0),
        ZoneId.of("Asia/Makassar")).toInstant()));
    elections.createSimulation("pilkada-2024", VOTING_DAY);
    driver = new LogisticsDriver(runtime, taskService, forms, legs);
    LogisticsDriver.importFigures(figures, regions, PALOPO, Map.of(), List.of());
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    runtime.createProcessInstanceQuery().processDefinitionKey(LogisticsDriver.PROCESS).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
    jdbc.update("delete from siaga_logistics_leg");
  }

  @Test
  void onlyKpuOrTheCoordinatorOfTheRegionStartsALegAndNothingElseComesFromTheCaller() {
    String start = "/engine-rest/process-definition/key/logistics-distribution/submit-form";
    Map<String, Object> palopo = Map.of("variables", Map.of("regionCode", Map.of("value", PALOPO),
        "direction", Map.of("value", "OUTBOUND")));

    // another region's police
    ResponseEntity<String> makassar = post("polresmakassar", start, palopo);
    assertThat(makassar.getStatusCode().value()).isEqualTo(400);
    assertThat(makassar.getBody()).contains("dimulai oleh KPU atau Badan Kesbangpol Kota Palopo");
    assertThat(makassar.getBody()).doesNotContain("Cannot instantiate");
    // Palopo's own police: not theirs to start either
    assertThat(post("polrespalopo", start, palopo).getStatusCode().value()).isEqualTo(400);
    // KPU with variables the start form does not have: an election, a leg id, a group
    ResponseEntity<String> extra = post("kpupalopo", start, Map.of("variables", Map.of("regionCode",
        Map.of("value", PALOPO), "direction", Map.of("value", "OUTBOUND"), "electionId", Map.of("value", "pilkada-2024"),
        "kpuGroup", Map.of("value", "kpu7371"))));
    assertThat(extra.getStatusCode().value()).isEqualTo(400);
    assertThat(extra.getBody()).contains("electionId").contains("kpuGroup");
    // starting part-way
    ResponseEntity<String> partWay = post("kpupalopo", "/engine-rest/process-definition/key/logistics-distribution/start",
        Map.of("variables", Map.of("regionCode", Map.of("value", PALOPO), "direction", Map.of("value", "OUTBOUND")),
            "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "RecordDestructionTask"))));
    assertThat(partWay.getStatusCode().value()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from siaga_logistics_leg", Integer.class)).isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(LogisticsDriver.PROCESS).count()).isZero();

    // the coordinator of the region may; the election is the next one, chosen by the server
    ResponseEntity<String> ok = post("kesbangpolpalopo", start, palopo);
    assertThat(ok.getStatusCode().value()).isEqualTo(200);
    Leg leg = legs.find(elections.createSimulation("pilkada-2024", VOTING_DAY).id(), PALOPO, LegDirection.OUTBOUND)
        .orElseThrow();
    assertThat(leg.startedBy()).isEqualTo("kesbangpolpalopo");
    // and KPU cannot start a second one
    ResponseEntity<String> second = post("kpupalopo", start, palopo);
    assertThat(second.getStatusCode().value()).isEqualTo(400);
    assertThat(second.getBody()).contains("sudah dimulai");
  }

  @Test
  void formsSubmitOnlyTheirFieldsTasksAreCompletedByTheirAgencyAndAPpkOnlyInItsOwnKecamatan() {
    ProcessInstance pi = driver.start(PALOPO, LegDirection.OUTBOUND,
        elections.createSimulation("pilkada-2024", VOTING_DAY).id());
    Leg leg = driver.leg(pi);
    Task allocation = driver.task(pi, "ConfirmAllocationTask");
    List<QuantityRow> before = legs.quantities(leg.legId());

    // another agency of the region, and KPU of another region
    assertThat(submit("polrespalopo", allocation, Map.of()).getStatusCode().value()).isEqualTo(403);
    assertThat(submit("kpumahakamulu", allocation, Map.of()).getStatusCode().value()).isEqualTo(403);
    // KPU with server-side variables added: refused, nothing changed
    ResponseEntity<String> extra = submit("kpupalopo", allocation, Map.of("legId", Map.of("value", "logistik-0"),
        "districtCode", Map.of("value", "73.71.01"), "kpuProvinceGroup", Map.of("value", "kpu35")));
    assertThat(extra.getStatusCode().value()).isEqualTo(400);
    assertThat(extra.getBody()).contains("legId").contains("districtCode").contains("kpuProvinceGroup");
    // the refusal reads in Bahasa Indonesia only, without the engine's English prefix
    assertThat(extra.getBody()).contains("\"message\":\"Isian tidak sah").doesNotContain("Cannot submit task form");
    // setting a variable directly is an operator's tool
    assertThat(exchange("kpupalopo", HttpMethod.PUT, "/engine-rest/task/" + allocation.getId()
        + "/variables/kpuGroup", Map.of("value", "kpu7371")).getStatusCode().value()).isEqualTo(403);
    assertThat(runtime.getVariable(pi.getId(), "kpuGroup")).isEqualTo("kpu7373");
    assertThat(legs.quantities(leg.legId())).isEqualTo(before);
    assertThat(submit("kpupalopo", allocation, Map.of()).getStatusCode().value()).isEqualTo(204);

    driver.submit(driver.task(pi, "SortAndFoldTask"), driver.ballots(leg, "Damaged", 0));
    driver.tasks(pi, "AssignEscortTask").forEach(t -> driver.submit(t, LogisticsDriver.escort()));
    driver.tasks(pi, "RecordDispatchTask").forEach(t -> driver.submit(t, Map.of()));
    List<DistrictLeg> districts = legs.districts(leg.legId());
    String own = districts.get(0).districtCode();
    String other = districts.get(1).districtCode();
    String officer = ppkOfficer(own);
    Task othersReceipt = driver.task(pi, "ConfirmReceiptTask", other);
    Map<String, Object> receipt = typed(driver.fullReceipt(leg, other));
    assertThat(submit(officer, othersReceipt, receipt).getStatusCode().value()).isEqualTo(403);
    assertThat(legs.district(leg.legId(), other).orElseThrow().receivedAt()).isNull();
    // the PPK sees its own kecamatan's task only
    ResponseEntity<String> list = rest.withBasicAuth(officer, PASSWORD).getForEntity(
        "/engine-rest/task?processInstanceId=" + pi.getId(), String.class);
    assertThat(list.getBody()).contains(driver.task(pi, "ConfirmReceiptTask", own).getId())
        .doesNotContain(othersReceipt.getId());
    Task ownReceipt = driver.task(pi, "ConfirmReceiptTask", own);
    assertThat(submit(officer, ownReceipt, typed(driver.fullReceipt(leg, own))).getStatusCode().value()).isEqualTo(204);
    assertThat(legs.district(leg.legId(), own).orElseThrow().receivedAt()).isNotNull();

    // a confirmation after the leg has closed is refused and changes nothing
    driver.completeOutboundOnTime(pi);
    driver.destroyAndWitness(pi);
    assertThat(driver.leg(pi).open()).isFalse();
    List<QuantityRow> closed = legs.quantities(leg.legId());
    ResponseEntity<String> late = submit(officer, ownReceipt, typed(driver.fullReceipt(leg, own)));
    assertThat(late.getStatusCode().value()).isEqualTo(404);
    assertThat(late.getBody()).contains("sudah tidak ada").contains("Tidak ada yang diubah");
    assertThat(legs.quantities(leg.legId())).isEqualTo(closed);
  }

  // ------------------------------------------------------------------ helpers

  static final String PASSWORD = "Kuat#Sandi2027x";

  String ppkOfficer(String districtCode) {
    String group = "ppk" + districtCode.replace(".", "");
    String userId = group + "anggota";
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName("Anggota");
      user.setLastName("Kecamatan");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(userId, group);
    }
    return userId;
  }

  static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new java.util.HashMap<>();
    values.forEach((k, v) -> typed.put(k, Map.of("value", v)));
    return typed;
  }

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
    TestRestTemplate client = user.startsWith("ppk") ? rest.withBasicAuth(user, PASSWORD)
        : rest.withBasicAuth(user, SiagaSpringBootTest.DEMO_PASSWORD);
    return client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }
}

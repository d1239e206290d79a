package id.siaga.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import id.siaga.calendar.LocalDeadlines;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import id.siaga.region.Vulnerability;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
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
 * The status of the logistics of Kota Palopo over HTTP with real authentication, while a real
 * outbound leg runs on the engine (started by the system, no user): who may read it, the numbers
 * the leg recorded, and late judged by the engine's clock.
 */
@SiagaSpringBootTest
class LogisticsStatusApiTest {

  static final String PALOPO = "73.73";
  /** A voting day no other test uses: the election is this test's own and removed afterwards. */
  static final LocalDate VOTING_DAY = LocalDate.of(2031, 3, 12);
  static final String FIGURES = "kode_kecamatan,jumlah_tps,jumlah_dpt,terpencil_3t,moda_transportasi\n"
      + "73.73.01,40,17000,tidak,darat\n73.73.02,30,12500,tidak,darat\n73.73.03,25,10100,tidak,darat\n"
      + "73.73.04,20,7400,tidak,sungai\n73.73.05,28,11800,tidak,darat\n73.73.06,22,9300,tidak,darat\n"
      + "73.73.07,18,6900,tidak,darat\n73.73.08,16,6100,tidak,darat\n73.73.09,24,9900,tidak,darat\n";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired Elections elections;
  @Autowired LocalDeadlines deadlines;
  @Autowired RegionRepository regions;
  @Autowired KecamatanFiguresRepository figures;
  @Autowired JdbcTemplate jdbc;

  String electionId;
  List<KecamatanFigures> figuresBefore;

  @BeforeEach
  void setUp() {
    // four weeks before voting day, 08:00 in Palopo (WITA)
    ClockUtil.setCurrentTime(Date.from(deadlines.at(PALOPO, VOTING_DAY.minusWeeks(4), LocalTime.of(8, 0))));
    electionId = elections.createSimulation("pilkada-2024", VOTING_DAY).id();
    figuresBefore = figures.findByRegion(PALOPO);
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    ClockUtil.reset();
    runtime.createProcessInstanceQuery().processDefinitionKey(LogisticsVariables.PROCESS_KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
    String legs = "select leg_id from siaga_logistics_leg where election_id = ?";
    for (String table : List.of("siaga_logistics_task", "siaga_logistics_district", "siaga_logistics_quantity",
        "siaga_logistics_finding", "siaga_logistics_tps_return", "siaga_logistics_witness")) {
      jdbc.update("delete from " + table + " where leg_id in (" + legs + ")", electionId);
    }
    jdbc.update("delete from siaga_logistics_leg where election_id = ?", electionId);
    jdbc.update("delete from siaga_election where id = ?", electionId);
    figures.replace(PALOPO, figuresBefore, "test", Instant.now());
  }

  @Test
  void theStatusOfARunningOutboundLegReadableByTheRegionAndItsProvinceOnly() {
    assertThat(get("kpupalopo", PALOPO).getBody()).containsEntry("regionName", "Kota Palopo")
        .containsEntry("legs", List.of());
    assertThat(put("kpupalopo", FIGURES).getStatusCode().value()).isEqualTo(200);

    ProcessInstance pi = runtime.startProcessInstanceByKey(LogisticsVariables.PROCESS_KEY,
        Map.of("regionCode", PALOPO, "direction", "OUTBOUND", "electionId", electionId));
    String legId = (String) runtime.getVariable(pi.getId(), LogisticsVariables.LEG_ID);

    // started, the allocation not yet confirmed: planned, nothing dispatched, no deadline, nothing late
    Map<String, Object> leg = onlyLeg(get("kpupalopo", PALOPO));
    List<Region> kecamatan = regions.findChildren(PALOPO);
    assertThat(kecamatan).hasSize(9);
    assertThat(leg).containsEntry("legId", legId).containsEntry("electionId", electionId)
        .containsEntry("direction", "OUTBOUND").containsEntry("open", true)
        .containsEntry("votingDay", VOTING_DAY.toString());
    Instant tpsDeadline = deadlines.deadline(electionId, PALOPO, "H-1 18:00");
    assertThat(leg.get("tpsDeadline")).isEqualTo(tpsDeadline.toString());
    assertThat(leg.get("tpsDeadlineLocal")).isEqualTo(deadlines.display(PALOPO, tpsDeadline));
    Map<String, Object> totals = map(leg.get("totals"));
    assertThat(totals).containsEntry("kecamatan", 9).containsEntry("tps", 223).containsEntry("dispatched", 0)
        .containsEntry("received", 0).containsEntry("delivered", 0).containsEntry("late", 0)
        .containsEntry("escalated", 0).containsEntry("openFindings", 0);
    List<Map<String, Object>> rows = list(leg.get("kecamatan"));
    assertThat(rows).extracting(r -> r.get("code"))
        .containsExactlyElementsOf(kecamatan.stream().map(Region::code).toList());
    assertThat(rows).extracting(r -> r.get("name"))
        .containsExactlyElementsOf(kecamatan.stream().map(Region::name).toList());
    assertThat(rows.get(0)).containsEntry("tpsCount", 40).containsEntry("dispatched", false)
        .containsEntry("received", false).containsEntry("deliveredToTps", false).containsEntry("late", false)
        .containsEntry("arriveBy", null);

    // planned ballots: what the leg's allocation holds, per type, per kecamatan and in total
    Map<String, Integer> plannedByType = jdbc.queryForList("select item, sum(planned) as planned from"
            + " siaga_logistics_quantity where leg_id = ? and place_code <> ?"
            + " and item in ('BALLOT_PROVINCE', 'BALLOT_LOCAL') group by item", legId, PALOPO).stream()
        .collect(Collectors.toMap(r -> (String) r.get("ITEM"), r -> ((Number) r.get("PLANNED")).intValue()));
    assertThat(plannedByType).as("Palopo votes for governor and mayor")
        .containsOnlyKeys("BALLOT_PROVINCE", "BALLOT_LOCAL");
    List<Map<String, Object>> ballots = list(totals.get("ballots"));
    assertThat(ballots).hasSize(plannedByType.size()).allSatisfy(b -> {
      assertThat(b.get("planned")).isEqualTo(plannedByType.get((String) b.get("item")));
      assertThat(b).containsEntry("dispatched", 0).containsEntry("received", 0).containsEntry("destroyed", null);
    });
    Map<String, Object> wara = list(rows.get(0).get("ballots")).get(0);
    int warasPlanned = jdbc.queryForObject("select planned from siaga_logistics_quantity where leg_id = ?"
        + " and place_code = '73.73.01' and item = ?", Integer.class, legId, wara.get("item"));
    assertThat(wara).containsEntry("planned", warasPlanned).containsEntry("dispatched", null);
    assertThat(warasPlanned).as("425 voters per TPS and 2.5 %% rounded up: 436 × 40").isEqualTo(17_440);

    // KPU confirms the allocation and sorts without damage: every kecamatan gets its deadline
    complete(pi, "ConfirmAllocationTask", Map.of());
    complete(pi, "SortAndFoldTask", Map.of("ballotProvinceDamaged", 0, "ballotLocalDamaged", 0));
    int landDays = regions.find(PALOPO).orElseThrow().vulnerability() == Vulnerability.tinggi ? 5 : 4;
    Instant byLand = deadlines.deadline(electionId, PALOPO, "H-" + landDays + " 18:00");
    Instant byRiver = deadlines.deadline(electionId, PALOPO, "H-7 18:00");
    rows = list(onlyLeg(get("kpupalopo", PALOPO)).get("kecamatan"));
    assertThat(rows).allSatisfy(r -> assertThat(r.get("arriveBy"))
        .isEqualTo(("73.73.04".equals(r.get("code")) ? byRiver : byLand).toString()));
    assertThat(rows.get(0)).containsEntry("arriveByLocal", deadlines.display(PALOPO, byLand))
        .containsEntry("late", false);

    // the other readers: the province's agencies and the national desk; not another regency or province
    assertThat(get("poldasulsel", PALOPO).getStatusCode().value()).isEqualTo(200);
    assertThat(get("desknasional", PALOPO).getStatusCode().value()).isEqualTo(200);
    assertThat(get("admin", PALOPO).getStatusCode().value()).isEqualTo(200);
    ResponseEntity<Map> malang = get("polresmalang", PALOPO);
    assertThat(malang.getStatusCode().value()).isEqualTo(403);
    assertThat(malang.getBody().toString()).doesNotContain(legId, "Wara");
    assertThat(get("polresmakassar", PALOPO).getStatusCode().value()).as("a sibling regency").isEqualTo(403);
    assertThat(rest.getForEntity("/api/logistics?regionCode=" + PALOPO, String.class).getStatusCode().value())
        .isEqualTo(401);

    // the river kecamatan's deadline (H-7) passes first, then the others'
    ClockUtil.setCurrentTime(Date.from(byRiver.plus(Duration.ofMinutes(1))));
    leg = onlyLeg(get("kpupalopo", PALOPO));
    assertThat(map(leg.get("totals"))).containsEntry("late", 1);
    assertThat(list(leg.get("kecamatan"))).filteredOn(r -> Boolean.TRUE.equals(r.get("late")))
        .extracting(r -> r.get("code")).containsExactly("73.73.04");
    ClockUtil.setCurrentTime(Date.from(byLand.plus(Duration.ofMinutes(1))));
    leg = onlyLeg(get("kpupalopo", PALOPO));
    assertThat(map(leg.get("totals"))).containsEntry("late", 9).containsEntry("dispatched", 0);
    assertThat(list(leg.get("kecamatan"))).allSatisfy(r -> assertThat(r).containsEntry("late", true));
  }

  @Test
  void aBadCodeIsRefusedAnotherProvinceIsForbiddenAndARegionWithoutLegsHasNone() {
    for (String bad : List.of("73", "73.73.01", "abc", "<script>")) {
      ResponseEntity<Map> refused = get("kpupalopo", bad);
      assertThat(refused.getStatusCode().value()).as(bad).isEqualTo(400);
      assertThat((String) refused.getBody().get("error")).as(bad).startsWith("Kode kabupaten/kota tidak sah")
          .doesNotContain("<script>");
    }
    ResponseEntity<Map> missing = as("kpupalopo").getForEntity("/api/logistics", Map.class);
    assertThat(missing.getStatusCode().value()).isEqualTo(400);
    assertThat((String) missing.getBody().get("error")).startsWith("Parameter regionCode wajib diisi");
    // another province: refused alike whether the region exists or not
    assertThat(get("kpupalopo", "35.07").getStatusCode().value()).isEqualTo(403);
    assertThat(get("kpupalopo", "99.99").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map> unknown = get("admin", "73.99");
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat((String) unknown.getBody().get("error")).isEqualTo("Kode kabupaten/kota tidak dikenal: 73.99");

    ResponseEntity<Map> malang = get("polresmalang", "35.07");
    assertThat(malang.getStatusCode().value()).isEqualTo(200);
    assertThat(malang.getBody()).containsEntry("regionCode", "35.07").containsEntry("legs", List.of());
  }

  // ---- helpers

  private void complete(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    identity.setAuthentication("kpupalopo", List.of("kpu7373"));
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Map<String, Object> onlyLeg(ResponseEntity<Map> response) {
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    List<Map<String, Object>> legs = list(response.getBody().get("legs"));
    assertThat(legs).hasSize(1);
    return legs.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  private ResponseEntity<Map> get(String user, String regionCode) {
    return as(user).getForEntity("/api/logistics?regionCode={code}", Map.class, regionCode);
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, user.equals("admin") ? SiagaSpringBootTest.ADMIN_PASSWORD
        : SiagaSpringBootTest.DEMO_PASSWORD);
  }

  private ResponseEntity<Map> put(String user, String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("text/csv"));
    return as(user).exchange("/api/logistics/figures/" + PALOPO, HttpMethod.PUT, new HttpEntity<>(csv, headers),
        Map.class);
  }
}

package id.siaga.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import id.siaga.region.RegionRepository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code tps-security-plan}: Kabupaten Malang's 33 kecamatan (WIB) and Kota Palopo
 * (WITA) with their demo tiers, the 2024 patterns of {@code tps-guard-patterns.dmn}, a police
 * shortfall going to Polda as a BKO request, a region without sangat rawan TPS.
 */
@SiagaSpringBootTest
class TpsSecurityPlanProcessTest {

  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final LocalDate VOTING_DAY = LocalDate.of(2027, 6, 9);
  static final String MALANG = "35.07";
  static final String PALOPO = "73.73";

  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired PatrolRepository records;
  @Autowired TpsTiersRepository tiers;
  @Autowired RegionRepository regions;
  @Autowired Elections elections;
  @Autowired JdbcTemplate jdbc;

  PatrolDriver driver;
  String electionId;

  @BeforeEach
  void setUp() {
    PatrolDriver.at(ZonedDateTime.of(VOTING_DAY.minusDays(10), LocalTime.of(8, 0), WIB).toInstant());
    driver = new PatrolDriver(runtime, taskService, forms, management);
    electionId = elections.createSimulation("pilkada-2024", VOTING_DAY).id();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    PatrolDriver.clearAll(runtime, jdbc);
  }

  @Test
  void kabupatenMalangsGuardPlanCoversItsThirtyThreeKecamatanUnderThe2024Patterns() throws IOException {
    ProcessInstance pi = driver.startGuardPlan(MALANG, electionId);
    TpsGuardPlan plan = records.guardPlanByProcessInstance(pi.getId()).orElseThrow();
    assertThat(pi.getBusinessKey()).isEqualTo(plan.guardPlanId()).matches("pengamanan-[0-9a-f]{20}");
    assertThat(plan.patterns()).isEqualTo("2-8-16 / 2-2-4 / 2-1-2");

    // the demo tiers of Malang, read from the shipped file, and the formula worked out here
    Map<String, int[]> demo = demoTiers(MALANG);
    assertThat(demo).hasSize(33);
    List<PatrolRepository.GuardDistrictRow> rows = records.guardDistrictRows(plan.guardPlanId());
    assertThat(rows).extracting(PatrolRepository.GuardDistrictRow::districtCode)
        .containsExactlyElementsOf(regions.findChildren(MALANG).stream().map(r -> r.code()).toList())
        .containsExactlyElementsOf(demo.keySet());
    int police = 0;
    int linmas = 0;
    for (PatrolRepository.GuardDistrictRow row : rows) {
      int[] t = demo.get(row.districtCode());
      assertThat(new int[] {row.tpsLowRisk(), row.tpsVulnerable(), row.tpsHighlyVulnerable()}).isEqualTo(t);
      int expectedPolice = 2 * ceil(t[0], 8) + 2 * ceil(t[1], 2) + 2 * t[2];
      int expectedLinmas = ceil(t[0] * 16, 8) + ceil(t[1] * 4, 2) + ceil(t[2] * 2, 1);
      assertThat(row.police()).as(row.districtCode()).isEqualTo(expectedPolice);
      assertThat(row.linmas()).as(row.districtCode()).isEqualTo(expectedLinmas);
      police += expectedPolice;
      linmas += expectedLinmas;
    }
    // one kecamatan by hand: 35.07.01 has 138 kurang rawan and 1 sangat rawan TPS
    assertThat(rows.get(0)).isEqualTo(new PatrolRepository.GuardDistrictRow("35.07.01", 138, 0, 1, 2 * 18 + 2, 276 + 2));
    assertThat(plan.policeNeeded()).isEqualTo(police);
    assertThat(plan.linmasNeeded()).isEqualTo(linmas);

    // three agencies, all due before H-3 begins, WIB
    Instant due = ZonedDateTime.of(VOTING_DAY.minusDays(3), LocalTime.MIDNIGHT, WIB).toInstant();
    Task approve = driver.task(pi, "ApproveGuardPlanTask");
    Task linmasTask = driver.task(pi, "ConfirmLinmasTask");
    Task standby = driver.task(pi, "ConfirmTniStandbyTask");
    assertThat(List.of(approve, linmasTask, standby)).allSatisfy(t -> assertThat(t.getDueDate().toInstant()).isEqualTo(due));
    assertThat(driver.groups(approve)).containsExactly("polri3507");
    assertThat(driver.groups(linmasTask)).containsExactly("pemda3507");
    assertThat(driver.groups(standby)).containsExactly("tni3507");
    assertThat((String) taskService.getVariable(approve.getId(), "planText")).contains("35.07.01")
        .contains("polisi 38, Linmas 278");
    assertThat((String) taskService.getVariable(standby.getId(), "sangatRawanText")).contains("(1 TPS)");

    driver.submit(approve, Map.of("policeAvailable", police));
    driver.submit(linmasTask, Map.of("linmasAvailable", linmas + 100));
    driver.submit(standby, Map.of("tniStandby", 60, "standbyNotes", "Kompi siaga Kodim 0818 di Kepanjen"));
    assertThat(driver.tasks(pi, "DecideReinforcementTask")).isEmpty();
    assertThat(driver.ended(pi)).isTrue();
    TpsGuardPlan ready = records.guardPlanByProcessInstance(pi.getId()).orElseThrow();
    assertThat(ready.ready()).isTrue();
    assertThat(ready.policeAvailable()).isEqualTo(police);
    assertThat(ready.linmasAvailable()).isEqualTo(linmas + 100);
    assertThat(ready.tniStandby()).isEqualTo(60);
  }

  @Test
  void aPoliceShortfallNeedsAReasonAndGoesToPoldaWhichMayRefuseIt() {
    PatrolDriver.at(ZonedDateTime.of(VOTING_DAY.minusDays(10), LocalTime.of(8, 0), WITA).toInstant());
    ProcessInstance pi = driver.startGuardPlan(PALOPO, electionId);
    TpsGuardPlan plan = records.guardPlanByProcessInstance(pi.getId()).orElseThrow();
    Task approve = driver.task(pi, "ApproveGuardPlanTask");
    assertThat(approve.getDueDate().toInstant())
        .isEqualTo(ZonedDateTime.of(VOTING_DAY.minusDays(3), LocalTime.MIDNIGHT, WITA).toInstant());
    int short10 = plan.policeNeeded() - 10;
    assertThatThrownBy(() -> driver.submit(approve, Map.of("policeAvailable", short10)))
        .hasMessageContaining("Personel Polri " + short10 + " kurang dari kebutuhan " + plan.policeNeeded())
        .hasMessageContaining("alasan wajib diisi");
    assertThat(records.guardPlanByProcessInstance(pi.getId()).orElseThrow().approvedAt()).isNull();
    driver.submit(approve, Map.of("policeAvailable", short10, "shortfallReason", "Satu SSK di-BKO ke Polda"));

    Task decide = driver.task(pi, "DecideReinforcementTask");
    assertThat(driver.groups(decide)).containsExactly("polri73");
    assertThat((String) taskService.getVariable(decide.getId(), "requestText"))
        .contains("meminta 10 personel BKO untuk pengamanan TPS");
    driver.submit(decide, Map.of("decision", "DITOLAK", "decisionReason", "Cadangan Polda untuk Makassar"));
    Reinforcement bko = records.reinforcementOf(plan.guardPlanId()).orElseThrow();
    assertThat(bko.purpose()).isEqualTo(Reinforcement.Purpose.TPS_GUARD);
    assertThat(bko.decision()).isEqualTo(Reinforcement.Decision.DITOLAK);
    assertThat(bko.granted()).isZero();

    Task linmasTask = driver.task(pi, "ConfirmLinmasTask");
    assertThatThrownBy(() -> driver.submit(linmasTask, Map.of("linmasAvailable", 1)))
        .hasMessageContaining("Personel Linmas 1 kurang dari kebutuhan " + plan.linmasNeeded());
    driver.submit(linmasTask, Map.of("linmasAvailable", 1, "linmasReason", "Honor Linmas belum dianggarkan"));
    assertThat(driver.ended(pi)).isFalse();
    driver.submit(driver.task(pi, "ConfirmTniStandbyTask"), Map.of("tniStandby", 12));
    assertThat(driver.ended(pi)).isTrue();
    TpsGuardPlan ready = records.guardPlanByProcessInstance(pi.getId()).orElseThrow();
    assertThat(ready.ready()).isTrue();
    assertThat(ready.policeReason()).isEqualTo("Satu SSK di-BKO ke Polda");
    assertThat(ready.linmasReason()).isEqualTo("Honor Linmas belum dianggarkan");
  }

  @Test
  void withoutSangatRawanTpsKodimHasNoStandbyToConfirm() {
    List<TpsTiers> original = tiers.findByRegion(PALOPO);
    List<TpsTiers> calm = original.stream().map(t -> new TpsTiers(t.districtCode(),
        (int) t.total(), 0, 0, TpsTiers.IMPORTED)).toList();
    tiers.replace(PALOPO, calm, "test", Instant.now());
    try {
      ProcessInstance pi = driver.startGuardPlan(PALOPO, electionId);
      assertThat(driver.tasks(pi, "ConfirmTniStandbyTask")).isEmpty();
      TpsGuardPlan plan = records.guardPlanByProcessInstance(pi.getId()).orElseThrow();
      driver.submit(driver.task(pi, "ApproveGuardPlanTask"), Map.of("policeAvailable", plan.policeNeeded()));
      driver.submit(driver.task(pi, "ConfirmLinmasTask"), Map.of("linmasAvailable", plan.linmasNeeded()));
      assertThat(driver.ended(pi)).isTrue();
      assertThat(records.guardPlanByProcessInstance(pi.getId()).orElseThrow().tniStandby()).isNull();
    } finally {
      tiers.replace(PALOPO, original, "test", Instant.now());
    }
  }

  @Test
  void badStartsAndFiguresAreRefusedWithAClearMessageAndChangeNothing() {
    assertThatThrownBy(() -> driver.startGuardPlan("35.99", electionId))
        .hasMessageContaining("Kode 35.99 bukan kabupaten/kota penyelenggara Pilkada");
    // Makassar has no tiers (and no KPU figures) yet
    assertThatThrownBy(() -> driver.startGuardPlan("73.71", electionId))
        .hasMessageContaining("Tingkat kerawanan TPS belum diimpor Polres untuk")
        .hasMessageContaining("PUT /api/security/tiers/73.71");
    // tiers that no longer add up to KPU's count
    String kecamatan = tiers.findByRegion(PALOPO).get(0).districtCode();
    jdbc.update("update siaga_tps_tiers set tps_vulnerable = tps_vulnerable + 1 where district_code = ?", kecamatan);
    try {
      assertThatThrownBy(() -> driver.startGuardPlan(PALOPO, electionId))
          .hasMessageContaining("Jumlah TPS per tingkat kerawanan tidak sama dengan jumlah TPS KPU untuk 1 kecamatan");
    } finally {
      jdbc.update("update siaga_tps_tiers set tps_vulnerable = tps_vulnerable - 1 where district_code = ?", kecamatan);
    }
    // on H-3 or later it is too late
    PatrolDriver.at(ZonedDateTime.of(VOTING_DAY.minusDays(3), LocalTime.of(0, 0), WITA).toInstant());
    assertThatThrownBy(() -> driver.startGuardPlan(PALOPO, electionId))
        .hasMessageContaining("Rencana pengamanan TPS harus disusun sebelum H-3");
    assertThat(jdbc.queryForObject("select count(*) from siaga_guard_plan", Integer.class)).isZero();

    PatrolDriver.at(ZonedDateTime.of(VOTING_DAY.minusDays(10), LocalTime.of(8, 0), WITA).toInstant());
    ProcessInstance pi = driver.startGuardPlan(PALOPO, electionId);
    assertThatThrownBy(() -> driver.startGuardPlan(PALOPO, electionId))
        .hasMessageContaining("sudah dimulai").hasMessageContaining("satu kali per pemilihan");
    Task approve = driver.task(pi, "ApproveGuardPlanTask");
    assertThatThrownBy(() -> driver.submit(approve, Map.of("policeAvailable", -1)))
        .hasMessageContaining("harus antara 0 dan 20000");
    assertThatThrownBy(() -> driver.submit(approve, Map.of("policeAvailable", 20_001)))
        .hasMessageContaining("harus antara 0 dan 20000");
    assertThatThrownBy(() -> driver.submit(approve, Map.of("policeAvailable", 5000,
        "approvalNotes", "javascript:alert(1)"))).hasMessageContaining("Catatan tidak boleh berisi kode");
    assertThatThrownBy(() -> driver.submit(driver.task(pi, "ConfirmLinmasTask"), Map.of("linmasAvailable", 100_001)))
        .hasMessageContaining("harus antara 0 dan 100000");
    assertThatThrownBy(() -> driver.submit(driver.task(pi, "ConfirmTniStandbyTask"), Map.of("tniStandby", 0)))
        .hasMessageContaining("Personel TNI siaga harus antara 1 dan 5000");
    TpsGuardPlan untouched = records.guardPlanByProcessInstance(pi.getId()).orElseThrow();
    assertThat(untouched.approvedAt()).isNull();
    assertThat(untouched.linmasAt()).isNull();
    assertThat(untouched.tniAt()).isNull();
    assertThat(records.reinforcementOf(untouched.guardPlanId())).isEmpty();
  }

  static int ceil(int n, int d) {
    return (n + d - 1) / d;
  }

  /** The shipped demo tiers of a region: code → {kurang rawan, rawan, sangat rawan}. */
  static Map<String, int[]> demoTiers(String regionCode) throws IOException {
    Map<String, int[]> rows = new LinkedHashMap<>();
    try (InputStream in = TpsSecurityPlanProcessTest.class.getResourceAsStream("/patrol/demo-tiers.csv")) {
      List<String> lines = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
      for (String line : lines) {
        if (line.startsWith(regionCode + ".")) {
          String[] f = line.trim().split(",");
          rows.put(f[0], new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3])});
        }
      }
    }
    return rows;
  }
}

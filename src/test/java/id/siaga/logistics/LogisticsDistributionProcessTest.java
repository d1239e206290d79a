package id.siaga.logistics;

import static id.siaga.logistics.LogisticsDriver.escort;
import static id.siaga.logistics.LogisticsDriver.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.calendar.Elections;
import id.siaga.escalation.EscalationRecords;
import id.siaga.notification.DevMailServer;
import id.siaga.notification.MailBatches;
import id.siaga.region.RegionRepository;
import id.siaga.SiagaSpringBootTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code logistics-distribution} on the whole application: Kota Palopo (WITA) with
 * figures imported for its kecamatan, Mahakam Ulu's river kecamatan, Kabupaten Malang's 33
 * kecamatan (WIB) and Kota Jayapura (WIT); real mails to the embedded SMTP server; the engine
 * clock driven, nothing sleeps.
 */
@SiagaSpringBootTest
class LogisticsDistributionProcessTest {

  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final ZoneId WIT = ZoneId.of("Asia/Jayapura");
  static final LocalDate VOTING_DAY = LocalDate.of(2027, 3, 17);
  static final String PALOPO = "73.73";
  /** The diagram as drawn before 2026-11-25, under a key of its own (src/test/resources/bpmn/test). */
  static final String LEGACY_PROBE = "legacy-logistics-probe";
  /** A Palopo kecamatan by land, not remote, in Palopo's band: its materials arrive by H-4 18:00 WITA. */
  static final Instant PALOPO_ARRIVAL_H4 = ZonedDateTime.of(VOTING_DAY.minusDays(4), java.time.LocalTime.of(18, 0), WITA).toInstant();

  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired FormService forms;
  @Autowired org.camunda.bpm.engine.HistoryService history;
  @Autowired id.siaga.calendar.LocalDeadlines deadlines;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired LogisticsRepository legs;
  @Autowired KecamatanFiguresRepository figures;
  @Autowired RegionRepository regions;
  @Autowired Elections elections;
  @Autowired EscalationRecords escalations;
  @Autowired MailBatches batches;
  @Autowired DevMailServer mailServer;

  LogisticsDriver driver;
  String electionId;

  @BeforeEach
  void setUp() {
    at(ZonedDateTime.of(VOTING_DAY.minusDays(28), java.time.LocalTime.of(8, 0), WITA).toInstant());
    driver = new LogisticsDriver(runtime, taskService, forms, legs);
    electionId = elections.createSimulation("pilkada-2024", VOTING_DAY).id();
    mailServer.start();
    mailServer.purge();
    LogisticsDriver.importFigures(figures, regions, PALOPO, Map.of(), List.of());
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    ClockUtil.reset();
    for (String key : List.of(LogisticsDriver.PROCESS, LEGACY_PROBE)) {
      runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
    }
    // each test starts its legs afresh: one leg per region, election and direction
    new org.springframework.jdbc.core.JdbcTemplate(dataSource).update("delete from siaga_logistics_leg");
  }

  @Autowired javax.sql.DataSource dataSource;

  // ------------------------------------------------------------------ paths

  @Test
  void onTimeEveryKecamatanGetsItsMaterialsTheSurplusIsDestroyedBeforeWitnessesAndTheLegCloses() {
    ProcessInstance pi = driver.start(PALOPO, LegDirection.OUTBOUND, electionId);
    Leg leg = driver.leg(pi);
    assertThat(pi.getBusinessKey()).isEqualTo(leg.legId()).matches("logistik-[0-9a-f]{20}");
    List<DistrictLeg> districts = legs.districts(leg.legId());
    assertThat(districts).hasSize(regions.findChildren(PALOPO).size()).hasSizeGreaterThan(5);
    // allocation: voters + 2.5 % per TPS for each of Palopo's two races
    DistrictLeg first = districts.get(0);
    Map<LogisticsItem, QuantityRow> plan = legs.quantities(leg.legId(), first.districtCode());
    assertThat(plan.keySet()).contains(LogisticsItem.BALLOT_PROVINCE, LogisticsItem.BALLOT_LOCAL);
    assertThat(plan.get(LogisticsItem.BALLOT_LOCAL).planned()).isEqualTo(Allocation.ballots(first.tpsCount(), first.voters()))
        .isGreaterThan(first.voters());
    assertThat(driver.task(pi, "ConfirmAllocationTask").getDueDate().toInstant())
        .isEqualTo(ZonedDateTime.of(VOTING_DAY.minusDays(14), java.time.LocalTime.of(17, 0), WITA).toInstant());

    driver.completeOutboundOnTime(pi);
    // by land, not remote, Palopo's band: H-4 18:00 WITA at the kecamatan
    assertThat(legs.district(leg.legId(), first.districtCode()).orElseThrow().arriveBy()).isEqualTo(PALOPO_ARRIVAL_H4);
    driver.destroyAndWitness(pi);

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    Leg closed = legs.findByProcessInstance(pi.getId()).orElseThrow();
    assertThat(closed.open()).isFalse();
    assertThat(legs.witnesses(leg.legId())).containsExactly("bawaslu7373", "polri7373");
    for (DistrictLeg d : legs.districts(leg.legId())) {
      assertThat(d.dispatchedAt()).isNotNull();
      assertThat(d.receivedAt()).isNotNull();
      assertThat(d.tpsServed()).isEqualTo(d.tpsCount());
      legs.quantities(leg.legId(), d.districtCode()).values()
          .forEach(q -> assertThat(q.received()).isEqualTo(q.dispatched()).isEqualTo(q.planned()));
    }
    QuantityRow warehouse = legs.quantities(leg.legId(), PALOPO).get(LogisticsItem.BALLOT_LOCAL);
    assertThat(warehouse.destroyed()).isZero();
    assertThat(warehouse.surplusDestroyed()).isEqualTo(12);
  }

  @Test
  void damageFoundAtSortingIsReplacedByKpuProvinsiBeforeAnythingIsDispatched() {
    ProcessInstance pi = driver.start(PALOPO, LegDirection.OUTBOUND, electionId);
    Leg leg = driver.leg(pi);
    driver.submit(driver.task(pi, "ConfirmAllocationTask"), Map.of());
    driver.submit(driver.task(pi, "SortAndFoldTask"), Map.of("ballotProvinceDamaged", 7, "ballotLocalDamaged", 0));
    Task replacement = driver.task(pi, "DeliverBallotReplacementTask");
    assertThat(groups(replacement)).containsExactly("kpu73");
    assertThat(driver.tasks(pi, "AssignEscortTask")).isEmpty();

    // the request closes only when exactly the damaged ballots are replaced
    assertThatThrownBy(() -> driver.submit(replacement, Map.of("ballotProvinceReplaced", 5, "ballotLocalReplaced", 0)))
        .hasMessageContaining("Surat suara gubernur: pengganti 5 tidak sama dengan yang rusak (7)");
    assertThat(legs.quantities(leg.legId(), PALOPO).get(LogisticsItem.BALLOT_PROVINCE).replaced()).isZero();
    driver.submit(replacement, Map.of("ballotProvinceReplaced", 7, "ballotLocalReplaced", 0));
    assertThat(legs.quantities(leg.legId(), PALOPO).get(LogisticsItem.BALLOT_PROVINCE).replaced()).isEqualTo(7);
    assertThat(driver.tasks(pi, "AssignEscortTask")).hasSize(legs.districts(leg.legId()).size());

    driver.completeOutboundOnTime(pi);
    // the 7 damaged ballots must be destroyed, every one
    Map<String, Object> destruction = new HashMap<>(Map.of("ballotProvinceDestroyedDamaged", 6,
        "ballotProvinceDestroyedSurplus", 0, "ballotLocalDestroyedDamaged", 0, "ballotLocalDestroyedSurplus", 0,
        "destructionReport", "BA/01/2027"));
    assertThatThrownBy(() -> driver.submit(driver.task(pi, "RecordDestructionTask"), destruction))
        .hasMessageContaining("Surat suara gubernur: dimusnahkan 6 lembar rusak, tercatat rusak 7");
    destruction.put("ballotProvinceDestroyedDamaged", 7);
    driver.submit(driver.task(pi, "RecordDestructionTask"), destruction);
    assertThat(legs.quantities(leg.legId(), PALOPO).get(LogisticsItem.BALLOT_PROVINCE).destroyed()).isEqualTo(7);
  }

  @Test
  void aShortfallAtAKecamatanIsSentAndReceivedBeforeTheTpsGetTheirs() {
    ProcessInstance pi = driver.start(PALOPO, LegDirection.OUTBOUND, electionId);
    Leg leg = driver.leg(pi);
    driver.planWithoutChanges(pi);
    String kecamatan = legs.districts(leg.legId()).get(0).districtCode();
    driver.submit(driver.task(pi, "AssignEscortTask", kecamatan), escort());
    // what the dispatch form shows, worked out when it is read: the arrival deadline in WITA, the quantities
    Task dispatch = driver.task(pi, "RecordDispatchTask", kecamatan);
    Map<String, Object> opened = forms.getTaskFormVariables(dispatch.getId());
    assertThat(opened.get("arriveByText")).isEqualTo(deadlines.display(PALOPO,
        legs.district(leg.legId(), kecamatan).orElseThrow().arriveBy())).asString().endsWith("18.00 WITA");
    assertThat(opened.get("quantitiesText").toString()).contains("Surat suara bupati/wali kota");
    driver.submit(dispatch, Map.of());
    Map<String, Object> receipt = new HashMap<>(driver.fullReceipt(leg, kecamatan));
    int sent = (Integer) receipt.get("ballotLocalReceived");
    receipt.put("ballotLocalReceived", sent - 10);
    receipt.put("ballotLocalDamaged", 3);
    receipt.put("sealReceived", (Integer) receipt.get("sealReceived") - 2);
    driver.submit(driver.task(pi, "ConfirmReceiptTask", kecamatan), receipt);
    assertThat(driver.tasks(pi, "ConfirmTpsDeliveryTask")).isEmpty();

    Task shortfall = driver.task(pi, "SendShortfallTask", kecamatan);
    assertThat(groups(shortfall)).containsExactly("kpu7373");
    driver.submit(shortfall, Map.of("dispatchNotes", "Dikirim dengan mobil KPU"));
    QuantityRow ballots = legs.quantities(leg.legId(), kecamatan).get(LogisticsItem.BALLOT_LOCAL);
    assertThat(ballots.replaced()).isEqualTo(10);
    assertThat(ballots.damaged()).isEqualTo(3);
    Task second = driver.task(pi, "ConfirmShortfallReceiptTask", kecamatan);
    assertThat(forms.getTaskFormVariables(second.getId()).get("quantitiesText").toString())
        .contains("Surat suara bupati/wali kota: 10").contains("Segel: 2");
    // the replacement is checked against what was sent in this round
    assertThatThrownBy(() -> driver.submit(second, Map.of("ballotLocalReceived", 11, "ballotLocalDamaged", 0,
        "sealReceived", 2, "sealDamaged", 0))).hasMessageContaining("melebihi yang dikirim (10)");
    // the replacement itself arrives two short: a second round sends just those two
    driver.submit(second, Map.of("ballotLocalReceived", 8, "ballotLocalDamaged", 0, "sealReceived", 2, "sealDamaged", 0));
    assertThat(driver.tasks(pi, "ConfirmTpsDeliveryTask")).isEmpty();
    driver.submit(driver.task(pi, "SendShortfallTask", kecamatan), Map.of());
    assertThat(legs.quantities(leg.legId(), kecamatan).get(LogisticsItem.BALLOT_LOCAL).replaced()).isEqualTo(12);
    Task third = driver.task(pi, "ConfirmShortfallReceiptTask", kecamatan);
    assertThat(forms.getTaskFormVariables(third.getId()).get("quantitiesText").toString())
        .isEqualTo("- Surat suara bupati/wali kota: 2");
    driver.submit(third, Map.of("ballotLocalReceived", 2, "ballotLocalDamaged", 0));
    assertThat(legs.quantities(leg.legId(), kecamatan).get(LogisticsItem.BALLOT_LOCAL).received()).isEqualTo(sent);
    assertThat(driver.task(pi, "ConfirmTpsDeliveryTask", kecamatan)).isNotNull();
    // the form texts and the gateway's shortfall answer are stored nowhere
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameIn("arriveByText", "quantitiesText", "shortfall", "findingCount").count()).isZero();
  }

  @Test
  void aLateDispatchIsRemindedHoursBeforeThenEscalatedUpKpusChainInOneMailPerAgency() throws Exception {
    ProcessInstance pi = driver.start(PALOPO, LegDirection.OUTBOUND, electionId);
    Leg leg = driver.leg(pi);
    driver.planWithoutChanges(pi);
    driver.tasks(pi, "AssignEscortTask").forEach(t -> driver.submit(t, escort()));
    int kecamatan = legs.districts(leg.legId()).size();
    List<Task> dispatches = driver.tasks(pi, "RecordDispatchTask");
    assertThat(dispatches).hasSize(kecamatan);
    Instant due = ZonedDateTime.of(VOTING_DAY.minusDays(5), java.time.LocalTime.of(18, 0), WITA).toInstant();
    assertThat(dispatches).allSatisfy(t -> assertThat(t.getDueDate().toInstant()).isEqualTo(due));

    runJobsAt(pi, due.minus(Duration.ofHours(6)));
    MimeMessage reminder = mail("[Siaga Pilkada] Pengingat");
    assertThat(reminder.getAllRecipients()).extracting(Object::toString).containsExactly("kpupalopo@siaga.demo");
    runJobsAt(pi, due);
    mail("[Siaga Pilkada] Terlambat");
    runJobsAt(pi, due.plus(Duration.ofHours(6)));
    Task late = driver.tasks(pi, "RecordDispatchTask").get(0);
    assertThat(groups(late)).containsExactlyInAnyOrder("kpu7373", "kpu73");
    runJobsAt(pi, due.plus(Duration.ofHours(12)));
    assertThat(groups(late)).contains("kpu7373", "kpu73", "kpuri");
    assertThat(escalations.levelsOf(driver.tasks(pi, "RecordDispatchTask").stream().map(Task::getId).toList()).values())
        .hasSize(kecamatan).containsOnly(2);
    // one escalation mail per level for all kecamatan, not one per task
    assertThat(mailServer.received()).extracting(LogisticsDistributionProcessTest::subject)
        .filteredOn(s -> s.startsWith("[Siaga Pilkada] Eskalasi tingkat 1")).hasSize(1);
    assertThat(legs.escalatedDistricts(leg.legId())).hasSize(kecamatan);
  }

  @Test
  void aLateEscortClimbsPolresToPoldaAndALateReceiptClimbsThePpkToKpuOfTheCity() {
    ProcessInstance pi = driver.start(PALOPO, LegDirection.OUTBOUND, electionId);
    Leg leg = driver.leg(pi);
    driver.planWithoutChanges(pi);
    String kecamatan = legs.districts(leg.legId()).get(0).districtCode();
    String ppk = "ppk" + kecamatan.replace(".", "");
    Instant dispatchDue = ZonedDateTime.of(VOTING_DAY.minusDays(5), java.time.LocalTime.of(18, 0), WITA).toInstant();
    runJobsAt(pi, dispatchDue.plus(Duration.ofHours(6)));
    assertThat(groups(driver.task(pi, "AssignEscortTask", kecamatan))).containsExactlyInAnyOrder("polri7373", "polri73");
    driver.submit(driver.task(pi, "AssignEscortTask", kecamatan), escort());
    driver.submit(driver.task(pi, "RecordDispatchTask", kecamatan), Map.of());
    Instant arrivalDue = dispatchDue.plus(Duration.ofDays(1));
    runJobsAt(pi, arrivalDue.plus(Duration.ofHours(6)));
    Task receipt = driver.task(pi, "ConfirmReceiptTask", kecamatan);
    assertThat(receipt.getDueDate().toInstant()).isEqualTo(arrivalDue);
    assertThat(groups(receipt)).containsExactlyInAnyOrder(ppk, "kpu7373");
    assertThat(legs.escalatedDistricts(leg.legId())).contains(kecamatan);
  }

  @Test
  void aRemoteRiverKecamatanOfMahakamUluMustReceiveEarlierAndGetsTniTransport() {
    String mahulu = "64.11";
    List<String> codes = regions.findChildren(mahulu).stream().map(r -> r.code()).toList();
    String river = codes.get(0);
    String land = codes.get(1);
    LogisticsDriver.importFigures(figures, regions, mahulu, Map.of(river, TransportMode.SUNGAI), List.of(river));
    ProcessInstance pi = driver.start(mahulu, LegDirection.OUTBOUND, electionId);
    Leg leg = driver.leg(pi);
    // transport support only for a remote kecamatan
    assertThatThrownBy(() -> driver.submit(driver.task(pi, "ConfirmAllocationTask"), Map.of("tniTransport",
        json("[\"" + land + "\"]")))).hasMessageContaining("untuk kecamatan terpencil (3T) saja");
    assertThatThrownBy(() -> driver.submit(driver.task(pi, "ConfirmAllocationTask"), Map.of("tniTransport",
        json("[\"" + river + "\"]"), "pemdaTransport", json("[\"" + river + "\"]"))))
        .hasMessageContaining("untuk angkutan TNI dan pemerintah daerah sekaligus");
    // the form offers only the remote kecamatan
    // worked out when the form is read (system.ComputedFormValues), not stored with the task
    Task allocation = driver.task(pi, "ConfirmAllocationTask");
    assertThat(taskService.getVariable(allocation.getId(), "remoteOptions")).isNull();
    assertThat(forms.getTaskFormVariables(allocation.getId()).get("remoteOptions").toString())
        .contains("\"value\":\"" + river + "\"").doesNotContain("\"value\":\"" + land + "\"");
    driver.submit(driver.task(pi, "ConfirmAllocationTask"), Map.of("tniTransport", json("[\"" + river + "\"]")));
    driver.submit(driver.task(pi, "SortAndFoldTask"), driver.ballots(leg, "Damaged", 0));
    Task transport = driver.task(pi, "ProvideTransportTask");
    assertThat(driver.district(transport)).isEqualTo(river);
    assertThat(groups(transport)).containsExactly("tni6411");
    assertThat(legs.district(leg.legId(), river).orElseThrow().arriveBy())
        .isEqualTo(ZonedDateTime.of(VOTING_DAY.minusDays(7), java.time.LocalTime.of(18, 0), WITA).toInstant());
    assertThat(driver.task(pi, "AssignEscortTask", river).getDueDate().toInstant())
        .isEqualTo(ZonedDateTime.of(VOTING_DAY.minusDays(8), java.time.LocalTime.of(18, 0), WITA).toInstant());
    // Mahakam Ulu's band is "tinggi": by land one day earlier than the default
    assertThat(regions.find(mahulu).orElseThrow().vulnerability()).hasToString("tinggi");
    assertThat(legs.district(leg.legId(), land).orElseThrow().arriveBy())
        .isEqualTo(ZonedDateTime.of(VOTING_DAY.minusDays(5), java.time.LocalTime.of(18, 0), WITA).toInstant());
    // the river kecamatan waits for its transport as well as its escort
    driver.submit(driver.task(pi, "AssignEscortTask", river), escort());
    assertThat(driver.tasks(pi, "RecordDispatchTask")).isEmpty();
    driver.submit(transport, Map.of("transportVehicle", "Longboat Kodim 0912, 3 awak"));
    assertThat(driver.district(driver.task(pi, "RecordDispatchTask"))).isEqualTo(river);
    driver.completeOutboundOnTime(pi);
    driver.destroyAndWitness(pi);
    assertThat(driver.leg(pi).open()).isFalse();
  }

  @Test
  void aPanwascamFindingBecomesACorrectiveTaskForKpu() {
    ProcessInstance pi = driver.start(PALOPO, LegDirection.OUTBOUND, electionId);
    Leg leg = driver.leg(pi);
    driver.planWithoutChanges(pi);
    String kecamatan = legs.districts(leg.legId()).get(1).districtCode();
    Task supervision = driver.task(pi, "SuperviseDeliveryTask", kecamatan);
    assertThat(groups(supervision)).containsExactly("panwascam" + kecamatan.replace(".", ""));
    assertThatThrownBy(() -> driver.submit(supervision, Map.of("findingCategories", json("[\"KOTAK_BASAH\"]"),
        "findingDescription", "<script>alert(1)</script>"))).hasMessageContaining("tidak boleh berisi kode");
    assertThatThrownBy(() -> driver.submit(supervision, Map.of("findingCategories", json("[\"KOTAK_BASAH\"]"))))
        .hasMessageContaining("Uraian temuan wajib diisi");
    assertThatThrownBy(() -> driver.submit(supervision, Map.of("findingCategories", json("[\"BANJIR\"]"),
        "findingDescription", "x"))).hasMessageContaining("Jenis temuan");
    assertThatThrownBy(() -> driver.submit(supervision, Map.of("findingDescription", "Dua kotak basah")))
        .hasMessageContaining("tidak ada jenis temuan yang dicentang");
    driver.submit(supervision, Map.of("findingCategories", json("[\"KOTAK_BASAH\",\"SEGEL_RUSAK\"]"),
        "findingDescription", "Dua kotak suara basah dan segel kotak 4 terbuka di gudang PPK"));
    List<Task> corrections = driver.tasks(pi, "CorrectFindingTask");
    assertThat(corrections).hasSize(2).allSatisfy(t -> assertThat(groups(t)).containsExactly("kpu7373"));
    assertThat(corrections).extracting(t -> taskService.getVariable(t.getId(), "findingText"))
        .containsExactlyInAnyOrder("Kotak atau surat suara basah: Dua kotak suara basah dan segel kotak 4 terbuka di gudang PPK",
            "Segel rusak atau terbuka: Dua kotak suara basah dan segel kotak 4 terbuka di gudang PPK");
    for (Task t : corrections) {
      driver.submit(t, Map.of("correctionNotes", "Kotak diganti dan disegel ulang disaksikan Panwascam"));
    }
    assertThat(legs.findings(leg.legId())).hasSize(2).allSatisfy(f -> {
      assertThat(f.status()).isEqualTo("CORRECTED");
      assertThat(f.districtCode()).isEqualTo(kecamatan);
    });
    // no finding elsewhere: no corrective task
    driver.submit(driver.task(pi, "SuperviseDeliveryTask", legs.districts(leg.legId()).get(0).districtCode()), Map.of());
    assertThat(driver.tasks(pi, "CorrectFindingTask")).isEmpty();
  }

  @Test
  void aReturnLegWhoseReconciliationFailsGoesToBawasluForReview() {
    ProcessInstance outbound = driver.start(PALOPO, LegDirection.OUTBOUND, electionId);
    driver.completeOutboundOnTime(outbound);
    driver.destroyAndWitness(outbound);
    Leg out = driver.leg(outbound);
    // not before voting day
    assertThatThrownBy(() -> driver.start(PALOPO, LegDirection.RETURN, electionId))
        .hasMessageContaining("baru dapat dimulai pada hari pemungutan suara");
    at(ZonedDateTime.of(VOTING_DAY, java.time.LocalTime.of(15, 0), WITA).toInstant());
    ProcessInstance back = driver.start(PALOPO, LegDirection.RETURN, electionId);
    Leg leg = driver.leg(back);
    List<DistrictLeg> districts = legs.districts(leg.legId());
    String differing = districts.get(0).districtCode();
    driver.tasks(back, "AssignReturnEscortTask").forEach(t -> driver.submit(t, escort()));
    // the Panwascam supervises the way back too: one finding, one corrective task for KPU
    String watched = districts.get(1).districtCode();
    for (Task t : driver.tasks(back, "SuperviseReturnTask")) {
      driver.submit(t, driver.district(t).equals(watched) ? Map.of("findingCategories", json("[\"SEGEL_RUSAK\"]"),
          "findingDescription", "Segel kotak TPS 2 putus di perahu") : Map.of());
    }
    Task correction = driver.task(back, "CorrectReturnFindingTask");
    assertThat(driver.district(correction)).isEqualTo(watched);
    assertThat(groups(correction)).containsExactly("kpu7373");
    driver.submit(correction, Map.of("correctionNotes", "Kotak dibuka dan disegel ulang di depan Panwascam"));
    for (Task t : driver.tasks(back, "RecordTpsReturnsTask")) {
      String code = driver.district(t);
      int tps = legs.district(leg.legId(), code).orElseThrow().tpsCount();
      int perTps = legs.quantities(out.legId(), code).get(LogisticsItem.BALLOT_LOCAL).received() / tps;
      assertThat(forms.getTaskFormVariables(t.getId()).get("tpsOptions").toString())
          .startsWith("[{\"label\":\"TPS 1\",\"value\":\"1\"},{\"label\":\"TPS 2\",\"value\":\"2\"}");
      // the kecamatan's totals from its TPS's result forms; three ballots unaccounted for at TPS 3 of one kecamatan
      int used = (perTps - 20) * tps;
      int unused = code.equals(differing) ? 19 * tps - 2 : 19 * tps;
      Map<String, Object> totals = new java.util.HashMap<>(Map.of("ballotProvinceReceived", perTps * tps,
          "ballotProvinceUsed", used, "ballotProvinceUnused", 19 * tps, "ballotProvinceDamaged", tps,
          "ballotLocalReceived", perTps * tps, "ballotLocalUsed", used, "ballotLocalUnused", unused,
          "ballotLocalDamaged", tps));
      if (code.equals(differing)) {
        totals.put("unreconciledTps", json("[\"3\"]"));
        totals.put("unreconciledNotes", "Dua surat suara bupati/wali kota tidak ditemukan di kotak TPS 3");
        Map<String, Object> wrongTps = new java.util.HashMap<>(totals);
        wrongTps.put("unreconciledTps", json("[\"" + (tps + 1) + "\"]"));
        assertThatThrownBy(() -> driver.submit(t, wrongTps)).hasMessageContaining("bukan TPS kecamatan ini (1–" + tps);
        Map<String, Object> noNotes = new java.util.HashMap<>(totals);
        noNotes.remove("unreconciledNotes");
        assertThatThrownBy(() -> driver.submit(t, noNotes)).hasMessageContaining("Uraian selisih per TPS wajib diisi");
      }
      driver.submit(t, totals);
    }
    // the boxes are due back at the warehouse H+5 18:00 WITA: the kecamatan's recorded deadline
    Instant returnBy = ZonedDateTime.of(VOTING_DAY.plusDays(5), java.time.LocalTime.of(18, 0), WITA).toInstant();
    assertThat(driver.tasks(back, "ReceiveReturnTask")).isNotEmpty()
        .allSatisfy(t -> assertThat(t.getDueDate().toInstant()).isEqualTo(returnBy));
    assertThat(legs.districts(leg.legId())).allSatisfy(d -> assertThat(d.arriveBy()).isEqualTo(returnBy));
    for (Task t : driver.tasks(back, "ReceiveReturnTask")) {
      int boxes = 2 * legs.district(leg.legId(), driver.district(t)).orElseThrow().tpsCount();
      int forms = driver.district(t).equals(differing) ? boxes - 1 : boxes;  // one C.Hasil set missing there
      driver.submit(t, Map.of("boxesReceived", boxes, "boxesSealed", boxes, "resultFormsReceived", forms));
    }
    Task review = driver.task(back, "ReviewReconciliationTask");
    assertThat(driver.district(review)).isEqualTo(differing);
    assertThat(groups(review)).containsExactly("bawaslu7373");
    assertThat(forms.getTaskFormVariables(review.getId()).get("differencesText").toString())
        .contains("Jumlah kecamatan, surat suara bupati/wali kota").contains("(selisih -2)")
        .contains("TPS 3: Dua surat suara bupati/wali kota tidak ditemukan")
        .contains("Formulir hasil (C.Hasil) kembali");
    driver.submit(review, Map.of("reviewDecision", "DUGAAN_PELANGGARAN", "reviewNotes", "Diteruskan ke Gakkumdu"));
    assertThat(legs.findings(leg.legId())).hasSize(4).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(LogisticsFinding.RECONCILIATION);
      assertThat(f.status()).isEqualTo("REVIEWED");
    }).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(LogisticsFinding.SUPERVISION);
      assertThat(f.status()).isEqualTo("CORRECTED");
    });
    assertThat(driver.leg(back).open()).isFalse();
    assertThat(legs.unusedByDistrict(leg.legId())).hasSize(districts.size());
  }

  @Test
  void kabupatenMalangRunsItsThirtyThreeKecamatanToCompletionInWib() {
    String malang = "35.07";
    LogisticsDriver.importFigures(figures, regions, malang, Map.of(), List.of());
    ProcessInstance pi = driver.start(malang, LegDirection.OUTBOUND, electionId);
    Leg leg = driver.leg(pi);
    assertThat(legs.districts(leg.legId())).hasSize(33);
    driver.completeOutboundOnTime(pi);
    // by land, not remote: H-4, or H-5 in a highly vulnerable region
    int days = "tinggi".equals(String.valueOf(regions.find(malang).orElseThrow().vulnerability())) ? 5 : 4;
    assertThat(legs.districts(leg.legId())).allSatisfy(d -> {
      assertThat(d.arriveBy()).isEqualTo(ZonedDateTime.of(VOTING_DAY.minusDays(days), java.time.LocalTime.of(18, 0), WIB)
          .toInstant());
      assertThat(d.tpsServed()).isEqualTo(d.tpsCount());
    });
    driver.destroyAndWitness(pi);
    assertThat(driver.leg(pi).open()).isFalse();
  }

  @Test
  void kotaJayapuraHasItsDeadlinesAtWitInstants() {
    String jayapura = "91.71";
    LogisticsDriver.importFigures(figures, regions, jayapura, Map.of(), List.of());
    ProcessInstance pi = driver.start(jayapura, LegDirection.OUTBOUND, electionId);
    Leg leg = driver.leg(pi);
    driver.completeOutboundOnTime(pi);
    assertThat(legs.districts(leg.legId())).allSatisfy(d -> assertThat(d.arriveBy())
        .isEqualTo(Instant.parse(VOTING_DAY.minusDays(4) + "T09:00:00Z")));  // 18:00 WIT
    assertThat(driver.task(pi, "RecordDestructionTask").getDueDate().toInstant())
        .isEqualTo(Instant.parse(VOTING_DAY.minusDays(1) + "T09:00:00Z"));  // H-1 18:00 WIT
  }

  @Test
  void everyTpsDeliveryIsDueTheDayBeforeVotingAt1800InPalopo() {
    ProcessInstance pi = driver.start(PALOPO, LegDirection.OUTBOUND, electionId);
    driver.planWithoutChanges(pi);
    driver.tasks(pi, "AssignEscortTask").forEach(t -> driver.submit(t, escort()));
    driver.tasks(pi, "RecordDispatchTask").forEach(t -> driver.submit(t, Map.of()));
    driver.tasks(pi, "ConfirmReceiptTask").forEach(t -> driver.submit(t, driver.fullReceipt(driver.leg(pi), driver.district(t))));
    assertThat(driver.tasks(pi, "ConfirmTpsDeliveryTask")).isNotEmpty().allSatisfy(t -> assertThat(t.getDueDate()
        .toInstant()).isEqualTo(Instant.parse(VOTING_DAY.minusDays(1) + "T10:00:00Z")));  // 18:00 WITA
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void badInputIsRefusedWithAClearMessageAndChangesNothing() {
    assertThatThrownBy(() -> driver.start("73", LegDirection.OUTBOUND, electionId))
        .hasMessageContaining("bukan kabupaten/kota penyelenggara Pilkada");
    assertThatThrownBy(() -> driver.start("99.99", LegDirection.OUTBOUND, electionId))
        .hasMessageContaining("bukan kabupaten/kota penyelenggara Pilkada");
    assertThatThrownBy(() -> driver.start("73.71", LegDirection.OUTBOUND, electionId))  // Makassar: no figures yet
        .hasMessageContaining("Data TPS dan DPT belum diimpor");
    assertThatThrownBy(() -> driver.start(PALOPO, LegDirection.RETURN, electionId))
        .hasMessageContaining("Pengembalian membutuhkan distribusi ke TPS");

    ProcessInstance pi = driver.start(PALOPO, LegDirection.OUTBOUND, electionId);
    Leg leg = driver.leg(pi);
    assertThatThrownBy(() -> driver.start(PALOPO, LegDirection.OUTBOUND, electionId))
        .hasMessageContaining("sudah dimulai").hasMessageContaining("satu kali per pemilihan");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(LogisticsDriver.PROCESS).count()).isEqualTo(1);

    String kecamatan = legs.districts(leg.legId()).get(0).districtCode();
    List<QuantityRow> before = legs.quantities(leg.legId());
    Task allocation = driver.task(pi, "ConfirmAllocationTask");
    assertThatThrownBy(() -> driver.submit(allocation, Map.of("change1District", kecamatan, "change1Item", "BALLOT_LOCAL",
        "change1Quantity", 5000))).hasMessageContaining("Perubahan 1: Alasan perubahan wajib diisi");
    assertThatThrownBy(() -> driver.submit(allocation, Map.of("change2District", "73.71.01", "change2Item",
        "BALLOT_LOCAL", "change2Quantity", 5000, "change2Reason", "tambahan")))
        .hasMessageContaining("Perubahan 2: kecamatan 73.71.01 bukan kecamatan Kota Palopo");
    assertThatThrownBy(() -> driver.submit(allocation, Map.of("change1District", kecamatan, "change1Item", "BALLOT_LOCAL",
        "change1Quantity", -5, "change1Reason", "koreksi"))).hasMessageContaining("Jumlah harus antara 0");
    assertThat(legs.quantities(leg.legId())).isEqualTo(before);
    // a changed number with its reason is recorded beside the computed one
    driver.submit(allocation, Map.of("change1District", kecamatan, "change1Item", "BALLOT_LOCAL", "change1Quantity", 5000,
        "change1Reason", "DPT tambahan hasil pemutakhiran"));
    QuantityRow changed = legs.quantities(leg.legId(), kecamatan).get(LogisticsItem.BALLOT_LOCAL);
    assertThat(changed.planned()).isEqualTo(5000);
    assertThat(changed.computed()).isNotEqualTo(5000);
    assertThat(changed.overrideReason()).isEqualTo("DPT tambahan hasil pemutakhiran");

    assertThatThrownBy(() -> driver.submit(driver.task(pi, "SortAndFoldTask"), Map.of("ballotProvinceDamaged", -1,
        "ballotLocalDamaged", 0))).hasMessageContaining("Surat suara gubernur rusak harus antara 0");
    driver.submit(driver.task(pi, "SortAndFoldTask"), driver.ballots(leg, "Damaged", 0));
    driver.submit(driver.task(pi, "AssignEscortTask", kecamatan), escort());
    driver.submit(driver.task(pi, "RecordDispatchTask", kecamatan), Map.of());
    Task receipt = driver.task(pi, "ConfirmReceiptTask", kecamatan);
    Map<String, Object> tooMany = new HashMap<>(driver.fullReceipt(leg, kecamatan));
    tooMany.put("inkDamaged", 1);
    assertThatThrownBy(() -> driver.submit(receipt, tooMany)).hasMessageContaining("Tinta (botol): diterima")
        .hasMessageContaining("melebihi yang dikirim");
    Map<String, Object> negative = new HashMap<>(driver.fullReceipt(leg, kecamatan));
    negative.put("ballotLocalDamaged", -3);
    assertThatThrownBy(() -> driver.submit(receipt, negative)).hasMessageContaining("rusak harus antara 0");
    assertThat(legs.quantities(leg.legId(), kecamatan).get(LogisticsItem.BALLOT_LOCAL).received()).isNull();
    driver.submit(receipt, driver.fullReceipt(leg, kecamatan));
    int tps = legs.district(leg.legId(), kecamatan).orElseThrow().tpsCount();
    assertThatThrownBy(() -> driver.submit(driver.task(pi, "ConfirmTpsDeliveryTask", kecamatan), Map.of("tpsServed", tps - 1)))
        .hasMessageContaining("Baru " + (tps - 1) + " dari " + tps + " TPS");
    assertThat(legs.district(leg.legId(), kecamatan).orElseThrow().deliveredAt()).isNull();
  }

  // ------------------------------------------------------------------ what a kecamatan stores

  /**
   * A kecamatan's sub-process instance stores its caption and its arrival instant (its kecamatan is
   * the multi-instance element); its groups are worked out from the kecamatan, the deadline table's
   * inputs and the transport answer live for the transaction only, and what a replacement round
   * brings is read from the quantities. The dispatch is due the day before the arrival at 18:00,
   * the receipt at the arrival, both in the region's time.
   */
  @Test
  void aKecamatanStoresItsCaptionAndItsArrivalInstantOnly() {
    FirstKecamatan first = firstKecamatanPlanned(LogisticsDriver.PROCESS);
    ProcessInstance pi = first.pi();
    String code = first.code();
    Instant arrival = PALOPO_ARRIVAL_H4;
    assertThat(runtime.getVariablesLocal(first.scope()).keySet())
        .containsExactlyInAnyOrder("title", "arriveBy");
    assertThat(((Date) runtime.getVariableLocal(first.scope(), "arriveBy")).toInstant()).isEqualTo(arrival);
    assertThat(first.escort().getDueDate().toInstant()).isEqualTo(arrival.minus(Duration.ofDays(1)));
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameIn("ppkGroup", "panwascamGroup", "transportGroup", "transportNeeded", "transport", "remote",
            "vulnerability", "districtName", "daysBeforeVoting", "dispatchDueRule", "arrivalDueRule").count()).isZero();

    driver.tasks(pi, "AssignEscortTask").forEach(t -> driver.submit(t, escort()));
    Task dispatch = driver.task(pi, "RecordDispatchTask", code);
    assertThat(dispatch.getDueDate().toInstant()).isEqualTo(arrival.minus(Duration.ofDays(1)));
    driver.tasks(pi, "RecordDispatchTask").forEach(t -> driver.submit(t, Map.of()));
    Task receipt = driver.task(pi, "ConfirmReceiptTask", code);
    assertThat(receipt.getDueDate().toInstant()).isEqualTo(arrival);
    assertThat(groups(receipt)).containsExactly("ppk" + code.replace(".", ""));
    assertThat(groups(driver.task(pi, "SuperviseDeliveryTask", code))).containsExactly("panwascam" + code.replace(".", ""));
  }

  /**
   * An instance started on the diagram as drawn before 2026-11-25 (its kecamatan facts stored, its
   * due rules in variables, the groups named by variable) runs to its end on it, with the same
   * deadlines and groups as the current diagram.
   */
  @Test
  void anInstanceOfTheDiagramDrawnBeforeRunsToItsEnd() {
    FirstKecamatan first = firstKecamatanPlanned(LEGACY_PROBE);
    ProcessInstance pi = first.pi();
    String code = first.code();
    Instant arrival = PALOPO_ARRIVAL_H4;
    assertThat(runtime.getVariablesLocal(first.scope())).containsEntry("ppkGroup", "ppk" + code.replace(".", ""))
        .containsEntry("panwascamGroup", "panwascam" + code.replace(".", ""))
        .containsEntry("districtName", regions.find(code).orElseThrow().name())
        .containsEntry("daysBeforeVoting", 4).containsEntry("dispatchDueRule", "H-5 18:00")
        .containsEntry("arrivalDueRule", "H-4 18:00").doesNotContainKey("arriveBy");
    assertThat(first.escort().getDueDate().toInstant()).isEqualTo(arrival.minus(Duration.ofDays(1)));

    driver.tasks(pi, "AssignEscortTask").forEach(t -> driver.submit(t, escort()));
    driver.tasks(pi, "RecordDispatchTask").forEach(t -> driver.submit(t, Map.of()));
    Task receipt = driver.task(pi, "ConfirmReceiptTask", code);
    assertThat(receipt.getDueDate().toInstant()).isEqualTo(arrival);
    assertThat(groups(receipt)).containsExactly("ppk" + code.replace(".", ""));
    driver.completeOutboundOnTime(pi);
    assertThat(legs.district(first.leg().legId(), code).orElseThrow().arriveBy()).isEqualTo(arrival);
    driver.destroyAndWitness(pi);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(legs.findByProcessInstance(pi.getId()).orElseThrow().open()).isFalse();
  }

  /** A leg's first kecamatan once the plan is confirmed: its escort task and its sub-process instance. */
  record FirstKecamatan(ProcessInstance pi, Leg leg, String code, Task escort, String scope) {}

  /** A Palopo outbound leg on the given diagram, planned without changes, and its first kecamatan. */
  FirstKecamatan firstKecamatanPlanned(String processKey) {
    ProcessInstance pi = driver.start(processKey, PALOPO, LegDirection.OUTBOUND, electionId);
    Leg leg = driver.leg(pi);
    driver.planWithoutChanges(pi);
    String code = legs.districts(leg.legId()).get(0).districtCode();
    Task escort = driver.task(pi, "AssignEscortTask", code);
    return new FirstKecamatan(pi, leg, code, escort, kecamatanScope(escort));
  }

  /** The kecamatan sub-process instance a task belongs to: the scope holding the kecamatan's caption. */
  private String kecamatanScope(Task task) {
    org.camunda.bpm.engine.runtime.Execution execution = runtime.createExecutionQuery().executionId(task.getExecutionId()).singleResult();
    String id = execution.getId();
    while (!runtime.getVariablesLocal(id).containsKey("title")) {
      id = ((org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) runtime.createExecutionQuery()
          .executionId(id).singleResult()).getParentId();
    }
    return id;
  }

  // ------------------------------------------------------------------ routing

  @Test
  void aPpkSeesOnlyTheTasksOfItsOwnKecamatan() {
    ProcessInstance pi = driver.start(PALOPO, LegDirection.OUTBOUND, electionId);
    Leg leg = driver.leg(pi);
    driver.completeOutboundOnTime(pi);  // leaves nothing; start a second look before receipts instead
    assertThat(driver.tasks(pi, "ConfirmReceiptTask")).isEmpty();
    runtime.deleteProcessInstance(pi.getId(), "restart");
    new org.springframework.jdbc.core.JdbcTemplate(dataSource).update("delete from siaga_logistics_leg where leg_id = ?", leg.legId());

    ProcessInstance again = driver.start(PALOPO, LegDirection.OUTBOUND, electionId);
    Leg second = driver.leg(again);
    driver.planWithoutChanges(again);
    driver.tasks(again, "AssignEscortTask").forEach(t -> driver.submit(t, escort()));
    driver.tasks(again, "RecordDispatchTask").forEach(t -> driver.submit(t, Map.of()));
    String own = legs.districts(second.legId()).get(0).districtCode();
    String userId = "ppk" + own.replace(".", "") + "ketua";
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName("Ketua");
      user.setLastName("PPK");
      user.setPassword("Kuat#Sandi2027x");
      identity.saveUser(user);
      identity.createMembership(userId, "ppk" + own.replace(".", ""));
    }
    List<Task> visible = taskService.createTaskQuery().processInstanceId(again.getId()).taskCandidateUser(userId).list();
    assertThat(visible).isNotEmpty().allSatisfy(t -> assertThat(driver.district(t)).isEqualTo(own));
    assertThat(visible).extracting(Task::getTaskDefinitionKey).containsExactly("ConfirmReceiptTask");
    // Tasklist's list tells the kecamatan apart ("Perihal"), from the task's own copy of the caption
    assertThat(taskService.getVariableLocal(visible.get(0).getId(), "title"))
        .isEqualTo("Kecamatan " + regions.find(own).orElseThrow().name());
    assertThat(driver.tasks(again, "ConfirmReceiptTask")).hasSize(legs.districts(second.legId()).size());
  }

  // ------------------------------------------------------------------ helpers

  List<String> groups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList();
  }

  void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  void runJobsAt(ProcessInstance pi, Instant instant) {
    at(instant.plusSeconds(1));
    for (int round = 0; round < 30; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (due.isEmpty()) {
        break;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    at(instant.plusSeconds(1).plus(Duration.ofMinutes(1)));
    batches.sendReady();
  }

  MimeMessage mail(String subjectStart) {
    List<MimeMessage> matching = new ArrayList<>();
    for (MimeMessage message : mailServer.received()) {
      if (subject(message).startsWith(subjectStart)) {
        matching.add(message);
      }
    }
    assertThat(matching).as("mails starting with '%s'", subjectStart).hasSize(1);
    return matching.get(0);
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}

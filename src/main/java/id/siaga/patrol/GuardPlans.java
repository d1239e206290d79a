package id.siaga.patrol;

import static id.siaga.patrol.EngineSteps.newId;
import static id.siaga.patrol.EngineSteps.now;
import static id.siaga.patrol.PatrolVariables.*;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyRepository;
import id.siaga.agency.AgencyType;
import id.siaga.calendar.Election;
import id.siaga.calendar.ElectionRepository;
import id.siaga.calendar.Elections;
import id.siaga.calendar.LocalDeadlines;
import id.siaga.calendar.Stage;
import id.siaga.escalation.TaskDeadlines;
import id.siaga.notification.TaskNotifications;
import id.siaga.patrol.SecurityTables.Tier;
import id.siaga.region.KecamatanTpsCounts;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import id.siaga.system.EngineAdapter;
import id.siaga.system.FormInput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The voting-day TPS guard plan as {@code tps-security-plan} walks it: the police and Linmas each
 * kecamatan needs from its TPS per tier ({@link GuardPlan}, patterns from
 * {@code tps-guard-patterns.dmn}), Polres's approval with the police available, Pemda's Linmas and
 * Kodim's TNI standby. The plan is found from the process instance; forms give only their fields.
 */
@EngineAdapter
@Component
class GuardPlans {

  /** The guard plan's tasks are due before H-3 begins, local time. */
  static final String DUE_RULE = "H-3 00:00";

  private final PatrolRepository records;
  private final TpsTiersRepository tiers;
  private final KecamatanTpsCounts tpsCounts;
  private final RegionRepository regions;
  private final AgencyRepository agencies;
  private final ElectionRepository elections;
  private final Elections calendars;
  private final LocalDeadlines deadlines;
  private final SecurityTables tables;
  private final IdentityService identity;

  GuardPlans(PatrolRepository records, TpsTiersRepository tiers, KecamatanTpsCounts tpsCounts, RegionRepository regions,
      AgencyRepository agencies, ElectionRepository elections, Elections calendars, LocalDeadlines deadlines,
      SecurityTables tables, IdentityService identity) {
    this.records = records;
    this.tiers = tiers;
    this.tpsCounts = tpsCounts;
    this.regions = regions;
    this.agencies = agencies;
    this.elections = elections;
    this.calendars = calendars;
    this.deadlines = deadlines;
    this.tables = tables;
    this.identity = identity;
  }

  /** Checks who plans which region for which election, and computes every kecamatan's guard. */
  void register(DelegateExecution execution) {
    Authentication user = identity.getCurrentAuthentication();
    FormInput input = new FormInput(execution::getVariable);
    String regionCode = input.text(Region.PROCESS_VARIABLE, "Kode kabupaten/kota", 16, true);
    input.refuseIfInvalid();
    Region region = EngineSteps.raceRegency(regions, agencies, regionCode, "35.07");
    if (user != null && !EngineSteps.mayStart(user, region.code())) {
      FormInput.refuse("Rencana pengamanan TPS " + region.name() + " disusun oleh Polres atau Badan Kesbangpol " + region.name());
    }
    Instant now = now();
    LocalDate today = LocalDate.ofInstant(now, deadlines.zoneOf(region.code()));
    String givenElection = user == null ? (String) execution.getVariable(TaskDeadlines.ELECTION_ID) : null;
    Optional<Election> election = givenElection != null ? elections.find(givenElection)
        : elections.findAll().stream().filter(e -> e.votingDay().isAfter(today))
            .min(Comparator.comparing(Election::votingDay));
    if (election.isEmpty()) {
      FormInput.refuse("Tidak ada pemilihan mendatang untuk rencana pengamanan TPS");
    }
    Election e = election.get();
    Instant due = deadlines.deadline(e.id(), region.code(), DUE_RULE);
    if (!now.isBefore(due)) {
      FormInput.refuse("Rencana pengamanan TPS harus disusun sebelum H-3 (" + deadlines.display(region.code(), due) + ")");
    }
    records.guardPlan(e.id(), region.code()).ifPresent(existing -> FormInput.refuse("Rencana pengamanan TPS " + region.name()
        + " untuk " + e.name() + " sudah dimulai (" + existing.guardPlanId() + "); satu kali per pemilihan"));
    Map<String, TpsTiers> byDistrict = tiers.findByRegion(region.code()).stream()
        .collect(Collectors.toMap(TpsTiers::districtCode, t -> t));
    Map<String, Integer> counts = tpsCounts.tpsCounts(region.code());
    List<Region> kecamatan = regions.findChildren(region.code());
    List<String> missing = kecamatan.stream().filter(k -> !byDistrict.containsKey(k.code())).map(Region::name).toList();
    if (!missing.isEmpty()) {
      input.problem("Tingkat kerawanan TPS belum diimpor Polres untuk " + missing.size() + " kecamatan: "
          + String.join(", ", missing.stream().limit(10).toList()) + (missing.size() > 10 ? ", …" : "")
          + " (PUT /api/security/tiers/" + region.code() + ")");
    }
    List<String> stale = kecamatan.stream().filter(k -> byDistrict.containsKey(k.code()))
        .filter(k -> !Integer.valueOf((int) byDistrict.get(k.code()).total()).equals(counts.get(k.code())))
        .map(k -> k.name() + " (" + byDistrict.get(k.code()).total() + " TPS menurut tingkat kerawanan, "
            + (counts.get(k.code()) == null ? "belum ada" : counts.get(k.code())) + " menurut KPU)").toList();
    if (!stale.isEmpty()) {
      input.problem("Jumlah TPS per tingkat kerawanan tidak sama dengan jumlah TPS KPU untuk " + stale.size()
          + " kecamatan: " + String.join(", ", stale.stream().limit(5).toList()) + (stale.size() > 5 ? ", …" : "")
          + "; impor ulang tingkat kerawanan");
    }
    input.refuseIfInvalid();

    Map<Tier, GuardPattern> patterns = tables.guardPatterns();
    List<GuardDistrict> districts = new ArrayList<>();
    for (Region k : kecamatan) {
      TpsTiers t = byDistrict.get(k.code());
      districts.add(new GuardDistrict(k.code(), GuardPlan.of(t.lowRisk(), t.vulnerable(), t.highlyVulnerable(),
          patterns.get(Tier.KURANG_RAWAN), patterns.get(Tier.RAWAN), patterns.get(Tier.SANGAT_RAWAN))));
    }
    int police = districts.stream().mapToInt(d -> d.plan().police()).sum();
    int linmas = districts.stream().mapToInt(d -> d.plan().linmas()).sum();
    String guardPlanId = newId("pengamanan");
    String startedBy = EngineSteps.userOf(user);
    try {
      records.insert(new TpsGuardPlan(guardPlanId, execution.getProcessInstanceId(), e.id(), region.code(),
          patterns.get(Tier.KURANG_RAWAN) + " / " + patterns.get(Tier.RAWAN) + " / " + patterns.get(Tier.SANGAT_RAWAN),
          police, linmas, null, null, null, null, null, null, null, null, null, false, startedBy, now, null), districts);
    } catch (DuplicateKeyException raced) {
      FormInput.refuse("Rencana pengamanan TPS " + region.name() + " untuk " + e.name() + " sudah dimulai");
    }
    Map<String, String> names = kecamatan.stream().collect(Collectors.toMap(Region::code, Region::name));
    List<String> sangatRawan = districts.stream().filter(d -> d.plan().sangatRawanTps() > 0)
        .map(d -> names.get(d.districtCode()) + " (" + d.plan().sangatRawanTps() + " TPS)").toList();

    execution.setProcessBusinessKey(guardPlanId);
    execution.setVariable(GUARD_PLAN_ID, guardPlanId);
    execution.setVariable(Region.PROCESS_VARIABLE, region.code());
    execution.setVariable(REGION_NAME, region.name());
    execution.setVariable(TaskDeadlines.ELECTION_ID, e.id());
    execution.setVariable(TaskNotifications.STAGE_NAME, calendars.calendarOf(e.id()).stage("pemungutan-suara")
        .map(Stage::name).orElse("Pemungutan suara"));
    execution.setVariable(STARTED_BY, startedBy);
    execution.setVariable(TITLE, "Pengamanan TPS hari pemungutan suara");
    execution.setVariable(POLRES_GROUP, Agency.groupId(AgencyType.POLRI, region.code()));
    execution.setVariable(KODIM_GROUP, Agency.groupId(AgencyType.TNI, region.code()));
    execution.setVariable(PEMDA_GROUP, Agency.groupId(AgencyType.PEMDA, region.code()));
    execution.setVariable(POLICE_NEEDED, police);
    execution.setVariable(LINMAS_NEEDED, linmas);
    execution.setVariable(PATTERNS_TEXT, SecurityTables.patternsText(patterns));
    execution.setVariable(PLAN_TEXT, SecurityTexts.guard(districts, names));
    execution.setVariable(TNI_STANDBY_NEEDED, !sangatRawan.isEmpty());
    execution.setVariable(SANGAT_RAWAN_TEXT, String.join(", ", sangatRawan));
    execution.setVariable(REINFORCEMENT_REQUESTED, 0);
    execution.setVariable(REINFORCEMENT_ID, null);
  }

  /** Polres approves and declares the police available: fewer than needed with a reason, and Polda is asked. */
  void approve(DelegateTask task) {
    TpsGuardPlan plan = openPlan(task.getProcessInstanceId());
    FormInput input = new FormInput(task::getVariable);
    Integer available = input.wholeNumber("policeAvailable", "Personel Polri yang tersedia", 0,
        PatrolPlanning.MAX_TPS_POLICE);
    String reason = input.text("shortfallReason", "Alasan kekurangan", 500, false);
    String notes = input.text("approvalNotes", "Catatan", 2000, false);
    if (available != null && available < plan.policeNeeded() && reason == null) {
      input.problem("Personel Polri " + available + " kurang dari kebutuhan " + plan.policeNeeded()
          + ": alasan wajib diisi (kekurangannya diminta sebagai BKO ke Polda)");
    }
    input.refuseIfInvalid();
    Instant now = now();
    records.approveGuardPlan(plan.guardPlanId(), available, reason, notes, userId(), now);
    int shortfall = Math.max(0, plan.policeNeeded() - available);
    if (shortfall > 0) {
      String reinforcementId = newId("bko");
      records.insert(new Reinforcement(reinforcementId, null, plan.electionId(), plan.regionCode(),
          Reinforcement.Purpose.TPS_GUARD, plan.guardPlanId(), shortfall, plan.policeNeeded(), available, null, null,
          null, null, now, null));
      task.getExecution().setVariable(REINFORCEMENT_ID, reinforcementId);
    }
    task.getExecution().setVariable(REINFORCEMENT_REQUESTED, shortfall);
  }

  /** Pemda declares the Linmas available: fewer than needed only with a reason. */
  void confirmLinmas(DelegateTask task) {
    TpsGuardPlan plan = openPlan(task.getProcessInstanceId());
    FormInput input = new FormInput(task::getVariable);
    Integer available = input.wholeNumber("linmasAvailable", "Personel Linmas yang tersedia", 0,
        PatrolPlanning.MAX_LINMAS);
    String reason = input.text("linmasReason", "Alasan kekurangan", 500, false);
    if (available != null && available < plan.linmasNeeded() && reason == null) {
      input.problem("Personel Linmas " + available + " kurang dari kebutuhan " + plan.linmasNeeded()
          + ": alasan wajib diisi");
    }
    input.refuseIfInvalid();
    records.confirmLinmas(plan.guardPlanId(), available, reason, userId(), now());
  }

  /** Kodim confirms the TNI on standby for the sangat rawan TPS. */
  void confirmTniStandby(DelegateTask task) {
    TpsGuardPlan plan = openPlan(task.getProcessInstanceId());
    FormInput input = new FormInput(task::getVariable);
    Integer standby = input.wholeNumber("tniStandby", "Personel TNI siaga", 1, PatrolPlanning.MAX_TNI_STANDBY);
    String notes = input.text("standbyNotes", "Catatan", 1000, false);
    input.refuseIfInvalid();
    records.confirmTniStandby(plan.guardPlanId(), standby, notes, userId(), now());
  }

  void close(DelegateExecution execution) {
    records.closeGuardPlan(planOf(execution.getProcessInstanceId()).guardPlanId(), now());
  }

  private TpsGuardPlan planOf(String processInstanceId) {
    return records.guardPlanByProcessInstance(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No guard plan for process instance " + processInstanceId));
  }

  private TpsGuardPlan openPlan(String processInstanceId) {
    TpsGuardPlan plan = planOf(processInstanceId);
    if (plan.ready()) {
      FormInput.refuse("Rencana pengamanan TPS ini sudah ditetapkan; tidak ada yang diubah");
    }
    return plan;
  }

  private String userId() {
    return EngineSteps.userOf(identity.getCurrentAuthentication());
  }
}

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
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import id.siaga.region.Vulnerability;
import id.siaga.system.EngineAdapter;
import id.siaga.system.FormInput;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The patrols of one stage as {@code patrol-assignment} walks them. Every step finds its stage
 * patrol from the process instance and its kecamatan from the sub-process instance the server
 * created for it; a form contributes only its own fields. The rules live in
 * {@link ReportSchedule}, {@link PlanRow} and {@link PatrolPlanning}; the diagram's collections
 * and timer dates come from the bean {@code patrolStage}.
 */
@EngineAdapter
@Component("patrolStage")
public class StagePatrols {

  private final PatrolRepository records;
  private final RegionRepository regions;
  private final AgencyRepository agencies;
  private final ElectionRepository elections;
  private final Elections calendars;
  private final LocalDeadlines deadlines;
  private final SecurityTables tables;
  private final IdentityService identity;

  StagePatrols(PatrolRepository records, RegionRepository regions, AgencyRepository agencies,
      ElectionRepository elections, Elections calendars, LocalDeadlines deadlines, SecurityTables tables,
      IdentityService identity) {
    this.records = records;
    this.regions = regions;
    this.agencies = agencies;
    this.elections = elections;
    this.calendars = calendars;
    this.deadlines = deadlines;
    this.tables = tables;
    this.identity = identity;
  }

  // ---- expressions of the diagram

  /** The kecamatan of this stage's patrols: one assignment sub-process each. */
  public List<String> districts(DelegateExecution execution) {
    return records.districts(stageOf(execution.getProcessInstanceId()).stagePlanId()).stream()
        .map(PatrolDistrict::districtCode).toList();
  }

  /** When the next report period opens: the timer of the report loop waits for it. */
  public Date nextPeriodStart(DelegateExecution execution) {
    StagePatrol stage = stageOf(execution.getProcessInstanceId());
    return Date.from(stage.schedule().periodStart(number(execution.getVariable(NEXT_REPORT))));
  }

  /** The kecamatan of the region as the situation report's checklists offer them: name and code. */
  public SpinJsonNode districtOptions(DelegateExecution execution) {
    StagePatrol stage = stageOf(execution.getProcessInstanceId());
    Map<String, String> names = kecamatanNames(stage.regionCode());
    List<Map<String, Object>> options = new ArrayList<>();
    for (PatrolDistrict d : records.districts(stage.stagePlanId())) {
      options.add(Map.of("label", names.getOrDefault(d.districtCode(), d.districtCode()) + " (" + d.districtCode() + ")",
          "value", d.districtCode()));
    }
    return Spin.JSON(options);
  }

  // ---- start

  /** Checks who starts the patrols of which stage of which region, and plans every kecamatan. */
  void register(DelegateExecution execution) {
    Authentication user = identity.getCurrentAuthentication();
    FormInput input = new FormInput(execution::getVariable);
    String regionCode = input.text(Region.PROCESS_VARIABLE, "Kode kabupaten/kota", 16, true);
    String stageCode = input.text(STAGE_CODE, "Tahapan", 40, true);
    input.refuseIfInvalid();
    Region region = EngineSteps.raceRegency(regions, agencies, regionCode, "73.73");
    if (user != null && !EngineSteps.mayStart(user, region.code())) {
      FormInput.refuse("Patroli tahapan " + region.name() + " dimulai oleh Polres atau Badan Kesbangpol " + region.name());
    }
    if (!tables.hasPatrols(stageCode)) {
      FormInput.refuse("Tahapan " + FormInput.echo(stageCode) + " tidak memerlukan patroli (tabel stage-workstreams)");
    }
    Instant now = now();
    String givenElection = user == null ? (String) execution.getVariable(TaskDeadlines.ELECTION_ID) : null;
    Optional<Window> window = givenElection != null
        ? elections.find(givenElection).flatMap(e -> window(e, stageCode, region.code()))
        : elections.findAll().stream().map(e -> window(e, stageCode, region.code())).flatMap(Optional::stream)
            .filter(w -> w.end().isAfter(now)).min(Comparator.comparing(Window::start));
    if (window.isEmpty()) {
      FormInput.refuse("Tidak ada pemilihan dengan tahapan " + stageCode + " yang belum berakhir");
    }
    Window w = window.get();
    if (!w.end().isAfter(now)) {
      FormInput.refuse("Tahapan " + w.stage().name() + " sudah berakhir pada " + deadlines.display(region.code(), w.end()));
    }
    records.findStage(w.election().id(), region.code(), stageCode).ifPresent(existing -> FormInput.refuse("Patroli tahapan "
        + w.stage().name() + " " + region.name() + " sudah dimulai (" + existing.stagePlanId() + "); satu kali per tahapan"));
    List<Region> kecamatan = regions.findChildren(region.code());
    if (kecamatan.isEmpty()) {
      FormInput.refuse(region.name() + " belum memiliki data kecamatan");
    }

    String stagePlanId = newId("patroli");
    SecurityTables.PlanTable table = tables.patrolPlans();
    List<PatrolDistrict> districts = new ArrayList<>();
    int interval = Integer.MAX_VALUE;
    for (Region k : kecamatan) {
      Vulnerability band = higher(k.vulnerability(), region.vulnerability());
      boolean remote = k.remote() || region.remote();
      SecurityTables.Planned planned = table.plan(stageCode, band, remote);
      interval = Math.min(interval, planned.row().reportIntervalHours());
      districts.add(new PatrolDistrict(stagePlanId, k.code(), band == null ? null : band.name(), remote,
          planned.tableVersion(), planned.row(), planned.row(), null, null, null, null, null, null, null, null, null,
          null, null, null));
    }
    ReportSchedule schedule = ReportSchedule.of(w.start(), w.end(), interval);
    int first = schedule.firstPeriodAfter(now);
    String startedBy = EngineSteps.userOf(user);
    try {
      records.insert(new StagePatrol(stagePlanId, execution.getProcessInstanceId(), w.election().id(), region.code(),
          stageCode, w.start(), w.end(), interval, schedule.periods() - first, null, null, null, null, true, startedBy,
          now, null));
    } catch (DuplicateKeyException raced) {
      FormInput.refuse("Patroli tahapan " + w.stage().name() + " " + region.name() + " sudah dimulai; satu kali per tahapan");
    }
    records.insertDistricts(districts);

    execution.setProcessBusinessKey(stagePlanId);
    execution.setVariable(STAGE_PLAN_ID, stagePlanId);
    execution.setVariable(Region.PROCESS_VARIABLE, region.code());
    execution.setVariable(REGION_NAME, region.name());
    execution.setVariable(TaskDeadlines.ELECTION_ID, w.election().id());
    execution.setVariable(STAGE_CODE, stageCode);
    execution.setVariable(TaskNotifications.STAGE_NAME, w.stage().name());
    execution.setVariable(STARTED_BY, startedBy);
    execution.setVariable(TITLE, "Tingkat kabupaten/kota");
    execution.setVariable(POLRES_GROUP, Agency.groupId(AgencyType.POLRI, region.code()));
    execution.setVariable(KODIM_GROUP, Agency.groupId(AgencyType.TNI, region.code()));
    execution.setVariable(PEMDA_GROUP, Agency.groupId(AgencyType.PEMDA, region.code()));
    execution.setVariable(COORDINATOR_GROUP, Agency.groupId(AgencyType.KESBANGPOL, region.code()));
    execution.setVariable(WINDOW_START, Date.from(w.start()));
    execution.setVariable(WINDOW_END, Date.from(w.end()));
    execution.setVariable(WINDOW_TEXT, deadlines.display(region.code(), w.start()) + " sampai "
        + deadlines.display(region.code(), w.end()) + ", laporan situasi setiap " + interval + " jam");
    execution.setVariable(FIRST_REPORT, first);
    execution.setVariable(REPORT_COUNT, schedule.periods());
    execution.setVariable(REVIEW_DUE_AT, Date.from(PatrolPlanning.reviewDue(w.start(), now)));
    execution.setVariable(ASSIGN_DUE_AT, null);
    execution.setVariable(REINFORCEMENT_REQUESTED, 0);
    execution.setVariable(REINFORCEMENT_ID, null);
    execution.setVariable(PLAN_TEXT, SecurityTexts.plan(records.districts(stagePlanId), kecamatanNames(region.code())));
  }

  /**
   * The band a kecamatan is planned with: the higher of its own (every region is imported as
   * {@code sedang}; an administrator may rate a kecamatan) and its regency's (Bawaslu's IKP rates
   * regencies and provinces). A regency rated tinggi lifts all its kecamatan; a kecamatan rated
   * higher than its regency keeps its own band.
   */
  static Vulnerability higher(Vulnerability kecamatan, Vulnerability regency) {
    if (kecamatan == null) {
      return regency;
    }
    return regency == null || kecamatan.compareTo(regency) >= 0 ? kecamatan : regency;
  }

  record Window(Election election, Stage stage, Instant start, Instant end) {}

  /** The stage of an election read in the region's zone: from 00:00 of its first day to 24:00 of its last. */
  private Optional<Window> window(Election election, String stageCode, String regionCode) {
    return calendars.calendarOf(election.id()).stage(stageCode).map(s -> new Window(election, s,
        deadlines.at(regionCode, s.start(), LocalTime.MIDNIGHT), deadlines.at(regionCode, s.end().plusDays(1),
            LocalTime.MIDNIGHT)));
  }

  // ---- plan review

  /**
   * Polres confirms the plan or overrides it for the kecamatan it ticks (one replacement plan and
   * one reason for all of them), and declares its personnel; a shortfall asks Polda for BKO.
   */
  void reviewPlan(DelegateTask task) {
    StagePatrol stage = openStage(task.getProcessInstanceId());
    FormInput input = new FormInput(task::getVariable);
    List<PatrolDistrict> districts = records.districts(stage.stagePlanId());
    Set<String> kecamatan = districts.stream().map(PatrolDistrict::districtCode)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    Set<String> overridden = districts(input, "overrideDistricts", "Kecamatan yang rencananya diubah", kecamatan,
        (String) task.getVariable(REGION_NAME));
    boolean anyValue = task.getVariable("overridePatrolsPerDay") != null
        || task.getVariable("overridePersonnelPerPatrol") != null || task.getVariable("overrideJointWithTni") != null;
    PlanRow replacement = null;
    String reason = null;
    if (!overridden.isEmpty()) {
      Integer patrols = input.wholeNumber("overridePatrolsPerDay", "Patroli per hari", 1,
          PatrolPlanning.MAX_PATROLS_PER_DAY);
      Integer personnel = input.wholeNumber("overridePersonnelPerPatrol", "Personel Polri per patroli", 1,
          PatrolPlanning.MAX_PERSONNEL_PER_PATROL);
      Boolean joint = yesNo(task.getVariable("overrideJointWithTni"), input);
      reason = input.text("overrideReason", "Alasan perubahan", 500, true);
      if (patrols != null && personnel != null && joint != null) {
        replacement = new PlanRow(patrols, joint, stage.reportIntervalHours(), personnel);
      }
    } else if (anyValue || task.getVariable("overrideReason") != null) {
      input.problem("Rencana pengganti diisi, tetapi tidak ada kecamatan yang dicentang");
    }
    Integer available = input.wholeNumber("personnelAvailable", "Personel yang tersedia", 0,
        PatrolPlanning.MAX_POLRES_PERSONNEL);
    String notes = input.text("reviewNotes", "Catatan", 2000, false);
    input.refuseIfInvalid();

    Instant now = now();
    int needed = 0;
    for (PatrolDistrict d : districts) {
      if (overridden.contains(d.districtCode())) {
        records.override(stage.stagePlanId(), d.districtCode(), replacement, reason);
        needed += replacement.personnelNeeded();
      } else {
        needed += d.plan().personnelNeeded();
      }
    }
    records.recordReview(stage.stagePlanId(), available, needed, notes, userId(), now);
    int shortfall = Math.max(0, needed - available);
    if (shortfall > 0) {
      String reinforcementId = newId("bko");
      records.insert(new Reinforcement(reinforcementId, null, stage.electionId(), stage.regionCode(),
          Reinforcement.Purpose.PATROL, stage.stagePlanId(), shortfall, needed, available, null, null, null, null, now,
          null));
      task.getExecution().setVariable(REINFORCEMENT_ID, reinforcementId);
    }
    task.getExecution().setVariable(REINFORCEMENT_REQUESTED, shortfall);
    task.getExecution().setVariable(ASSIGN_DUE_AT, Date.from(PatrolPlanning.assignDue(stage.windowStart(), now)));
  }

  private static Boolean yesNo(Object raw, FormInput problems) {
    if (raw instanceof Boolean b) {
      return b;
    }
    if (raw != null && ("true".equals(raw.toString()) || "false".equals(raw.toString()))) {
      return Boolean.valueOf(raw.toString());
    }
    problems.problem(raw == null || raw.toString().isBlank() ? "Gabungan dengan TNI wajib dipilih"
        : "Gabungan dengan TNI harus ya atau tidak");
    return null;
  }

  // ---- one kecamatan

  /** Names the kecamatan of this sub-process and what its plan asks, for the captions and forms. */
  void prepareAssignment(DelegateExecution execution) {
    StagePatrol stage = stageOf(execution.getProcessInstanceId());
    PatrolDistrict district = districtOf(execution, stage);
    String name = kecamatanNames(stage.regionCode()).getOrDefault(district.districtCode(), district.districtCode());
    execution.setVariableLocal(DISTRICT_NAME, name);
    execution.setVariableLocal(TITLE, "Kecamatan " + name);
    execution.setVariableLocal(JOINT_WITH_TNI, district.plan().jointWithTni());
    execution.setVariableLocal(ASSIGNMENT_TEXT, SecurityTexts.assignment(district));
  }

  /** Polres names the team: fewer personnel than the plan needs only with a reason. */
  void recordTeam(DelegateTask task) {
    StagePatrol stage = openStage(task.getProcessInstanceId());
    PatrolDistrict district = districtOf(task.getExecution(), stage);
    FormInput input = new FormInput(task::getVariable);
    String leader = input.text("teamLeader", "Ketua tim", 120, true);
    Integer personnel = input.wholeNumber("teamPersonnel", "Jumlah personel Polri", 1, PatrolPlanning.MAX_TEAM);
    String reason = input.text("teamReason", "Alasan", 500, false);
    int planned = district.plan().personnelNeeded();
    if (personnel != null && personnel < planned && reason == null) {
      input.problem("Personel " + personnel + " kurang dari rencana " + planned + " (" + district.plan().text()
          + "): alasan wajib diisi");
    }
    input.refuseIfInvalid();
    records.recordTeam(stage.stagePlanId(), district.districtCode(), leader, personnel, reason, now());
  }

  /** Kodim names the TNI element of the joint patrols. */
  void recordTniElement(DelegateTask task) {
    StagePatrol stage = openStage(task.getProcessInstanceId());
    PatrolDistrict district = districtOf(task.getExecution(), stage);
    FormInput input = new FormInput(task::getVariable);
    String element = input.text("tniElement", "Unsur TNI", 120, true);
    Integer personnel = input.wholeNumber("tniPersonnel", "Jumlah personel TNI", 1, PatrolPlanning.MAX_TEAM);
    input.refuseIfInvalid();
    records.recordTniElement(stage.stagePlanId(), district.districtCode(), element, personnel, now());
  }

  /** Pemda confirms the Linmas and Satpol PP support. */
  void recordPemdaSupport(DelegateTask task) {
    StagePatrol stage = openStage(task.getProcessInstanceId());
    PatrolDistrict district = districtOf(task.getExecution(), stage);
    FormInput input = new FormInput(task::getVariable);
    Integer linmas = input.wholeNumber("linmasPersonnel", "Personel Linmas", 0, PatrolPlanning.MAX_KECAMATAN_SUPPORT);
    Integer satpolPp = input.wholeNumber("satpolPpPersonnel", "Personel Satpol PP", 0,
        PatrolPlanning.MAX_KECAMATAN_SUPPORT);
    String notes = input.text("supportNotes", "Catatan", 1000, false);
    input.refuseIfInvalid();
    records.recordSupport(stage.stagePlanId(), district.districtCode(), linmas, satpolPp, notes, now());
  }

  // ---- situation reports

  /** Opens the next report period: its record, and what its sub-process and task will show. */
  void openReportPeriod(DelegateExecution execution) {
    StagePatrol stage = stageOf(execution.getProcessInstanceId());
    ReportSchedule schedule = stage.schedule();
    int period = number(execution.getVariable(NEXT_REPORT));
    Instant due = schedule.dueAt(period);
    records.openReport(stage.stagePlanId(), period, schedule.periodStart(period), due);
    execution.setVariable(OPENED_REPORT, period);
    execution.setVariable(OPENED_REPORT_DUE, Date.from(due));
    execution.setVariable(OPENED_REPORT_TITLE, "Laporan situasi ke-" + (period + 1) + " dari " + schedule.periods()
        + ", periode " + deadlines.display(stage.regionCode(), schedule.periodStart(period)) + " sampai "
        + deadlines.display(stage.regionCode(), due));
    execution.setVariable(NEXT_REPORT, period + 1);
  }

  /**
   * Polres files the report of its period: the kecamatan it names waspada or rawan (every other
   * kecamatan of the region is aman), the incidents and where they happened; only kecamatan of
   * the region, and not after the stage window. A rawan kecamatan or an incident alerts the
   * coordinator.
   */
  void recordSituationReport(DelegateTask task) {
    StagePatrol stage = openStage(task.getProcessInstanceId());
    int reportNumber = number(task.getVariable(REPORT_NUMBER));
    FormInput input = new FormInput(task::getVariable);
    Instant now = now();
    if (!now.isBefore(stage.windowEnd())) {
      input.problem("Tahapan berakhir pada " + deadlines.display(stage.regionCode(), stage.windowEnd())
          + "; laporan situasi tidak diterima lagi");
    }
    Set<String> kecamatan = records.districts(stage.stagePlanId()).stream().map(PatrolDistrict::districtCode)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    String regionName = (String) task.getVariable(REGION_NAME);
    Set<String> waspada = districts(input, "waspadaDistricts", "Kecamatan waspada", kecamatan, regionName);
    Set<String> rawan = districts(input, "rawanDistricts", "Kecamatan rawan", kecamatan, regionName);
    Set<String> both = new java.util.TreeSet<>(waspada);
    both.retainAll(rawan);
    if (!both.isEmpty()) {
      input.problem("Kecamatan " + String.join(", ", both) + " dicentang waspada dan rawan sekaligus; pilih salah satu");
    }
    Integer incidents = input.wholeNumber("incidents", "Jumlah insiden", 0, PatrolPlanning.MAX_INCIDENTS);
    Set<String> places = districts(input, "incidentDistricts", "Kecamatan tempat insiden", kecamatan, regionName);
    String incidentNotes = input.text("incidentNotes", "Uraian insiden", 2000, incidents != null && incidents > 0);
    if (incidents != null && incidents > 0 && places.isEmpty()) {
      input.problem("Kecamatan tempat insiden wajib dipilih bila ada insiden");
    }
    if (incidents != null && incidents == 0 && !places.isEmpty()) {
      input.problem("Kecamatan tempat insiden dipilih, tetapi jumlah insiden 0");
    }
    if (incidents != null && incidents > 0 && places.size() > incidents) {
      input.problem(places.size() + " kecamatan tempat insiden untuk " + incidents + " insiden");
    }
    String notes = input.text("reportNotes", "Catatan", 2000, false);
    input.refuseIfInvalid();
    List<PatrolRepository.SituationRow> rows = kecamatan.stream().map(k -> new PatrolRepository.SituationRow(k,
        rawan.contains(k) ? Situation.RAWAN : waspada.contains(k) ? Situation.WASPADA : Situation.AMAN,
        places.contains(k))).toList();
    if (!records.fileReport(stage.stagePlanId(), reportNumber, rows, incidents, incidentNotes, notes, userId(), now)) {
      FormInput.refuse("Laporan situasi ke-" + (reportNumber + 1) + " sudah tidak terbuka");
    }
    task.getExecution().setVariable(ALERT, incidents > 0 || !rawan.isEmpty());
  }

  /** The kecamatan codes a checklist names: each a kecamatan of the region. */
  private static Set<String> districts(FormInput input, String key, String label, Set<String> kecamatan,
      String regionName) {
    Set<String> chosen = new java.util.TreeSet<>();
    for (Object value : input.list(key, label)) {
      String code = value == null ? "" : value.toString();
      if (!kecamatan.contains(code)) {
        input.problem(label + ": " + FormInput.echo(code) + " bukan kecamatan " + regionName);
      } else {
        chosen.add(code);
      }
    }
    return chosen;
  }

  // ---- close

  /** Closes the stage at the end of its window: reports still open are recorded as missed. */
  void close(DelegateExecution execution) {
    records.closeStage(stageOf(execution.getProcessInstanceId()).stagePlanId(), now());
  }

  // ---- lookups

  StagePatrol stageOf(String processInstanceId) {
    return records.findStageByProcessInstance(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No stage patrol for process instance " + processInstanceId));
  }

  private StagePatrol openStage(String processInstanceId) {
    StagePatrol stage = stageOf(processInstanceId);
    if (!stage.open()) {
      FormInput.refuse("Patroli tahapan ini sudah ditutup; tidak ada yang diubah");
    }
    return stage;
  }

  private PatrolDistrict districtOf(org.camunda.bpm.engine.delegate.VariableScope scope, StagePatrol stage) {
    String code = (String) scope.getVariable(DISTRICT_CODE);
    return records.district(stage.stagePlanId(), code)
        .orElseThrow(() -> new IllegalStateException("No kecamatan " + code + " in " + stage.stagePlanId()));
  }

  Map<String, String> kecamatanNames(String regionCode) {
    return regions.findChildren(regionCode).stream().collect(Collectors.toMap(Region::code, Region::name));
  }

  private String userId() {
    Authentication user = identity.getCurrentAuthentication();
    return EngineSteps.userOf(user);
  }

  private static int number(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    throw new IllegalStateException("Expected a number, found " + value);
  }
}

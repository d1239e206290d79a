package id.siaga.readiness;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyRepository;
import id.siaga.agency.AgencyType;
import id.siaga.calendar.ElectionCalendar;
import id.siaga.calendar.Elections;
import id.siaga.calendar.LocalDeadlines;
import id.siaga.calendar.Stage;
import id.siaga.calendar.StageMeetings;
import id.siaga.calendar.StageWorkstreamStatus;
import id.siaga.escalation.TaskDeadlines;
import id.siaga.notification.TaskNotifications;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import id.siaga.system.EngineAdapter;
import id.siaga.system.FormInput;
import id.siaga.system.KeptFacts;
import id.siaga.system.TransientValues;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * One race region's readiness for one stage, as {@code stage-readiness} walks it: which workstreams
 * the stage needs (the stage table), which of them to start (not those already started for the
 * region and stage), what the coordinator sees when declaring (each feature's
 * {@link StageWorkstreamStatus}), and the declaration. Everything comes from the server; the form
 * gives only the declaration and its notes.
 */
@EngineAdapter
@Component("stageReadiness")
public class StageReadiness {

  static final String PROCESS_KEY = "stage-readiness";
  /** The declaration task opens this long before the stage starts, so that it shows the workstreams as they then stand. */
  static final java.time.Duration DECLARATION_OPENS_BEFORE = java.time.Duration.ofDays(3);
  static final String PATROLS = "patrol-assignment";
  static final String LOGISTICS = "logistics-distribution";
  static final String GUARD_PLAN = "tps-security-plan";
  static final String RAKOR = "coordination-meeting";

  private final ReadinessRepository records;
  private final RegionRepository regions;
  private final Elections calendars;
  private final LocalDeadlines deadlines;
  private final StageTable table;
  private final HistoryService history;
  private final IdentityService identity;
  private final List<StageWorkstreamStatus> workstreams;
  private final StageMeetings rakor;
  private final AgencyRepository agencies;
  /** {@link #factsOf}: the readinesses of one national stage, and then some. */
  private final KeptFacts<StageFacts> facts = new KeptFacts<>(4096);

  StageReadiness(ReadinessRepository records, RegionRepository regions,
      Elections calendars, LocalDeadlines deadlines, StageTable table, HistoryService history,
      IdentityService identity, List<StageWorkstreamStatus> workstreams, StageMeetings rakor,
      AgencyRepository agencies) {
    this.records = records;
    this.regions = regions;
    this.calendars = calendars;
    this.deadlines = deadlines;
    this.table = table;
    this.history = history;
    this.identity = identity;
    this.workstreams = workstreams;
    this.rakor = rakor;
    this.agencies = agencies;
  }

  /** Checks the region, election and stage, and decides which workstreams this instance starts. */
  void register(DelegateExecution execution) {
    Authentication user = identity.getCurrentAuthentication();
    ReadinessStarters.requireSystemAdminOrDesk(user, "Kesiapan tahapan dimulai oleh sistem, administrator atau desk nasional");
    FormInput input = new FormInput(execution::getVariable);
    String regionCode = input.text(Region.PROCESS_VARIABLE, "Kode wilayah", 16, true);
    String electionId = input.text(TaskDeadlines.ELECTION_ID, "Pemilihan", 64, true);
    String stageCode = input.text("stageCode", "Tahapan", 40, true);
    input.refuseIfInvalid();
    Region region = ReadinessStarters.raceRegion(regions, regionCode);
    ElectionCalendar calendar = calendars.recordedCalendarOf(electionId).orElse(null);
    if (calendar == null) {
      FormInput.refuse("Pemilihan " + FormInput.echo(electionId) + " tidak dikenal");
    }
    Stage stage = calendar.stage(stageCode).orElse(null);
    if (stage == null) {
      FormInput.refuse("Tahapan " + FormInput.echo(stageCode) + " tidak ada dalam kalender pemilihan ini");
    }
    // a second start is refused by the record's key when it is inserted below, with the same words
    String readinessId = StageMeetings.stageKey(electionId, region.code(), stageCode);

    String level = region.level().name();
    List<Map<String, Object>> rows = table.workstreams(execution.getProcessDefinitionId(), stageCode, level);
    boolean patrols = false;
    boolean logistics = false;
    boolean guardPlan = false;
    boolean needsRakor = false;
    String direction = null;
    List<String> started = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      String workstream = (String) row.get("workstream");
      switch (workstream) {
        case PATROLS -> patrols = notStarted(PATROLS, Map.of(Region.PROCESS_VARIABLE, region.code(),
            TaskDeadlines.ELECTION_ID, electionId, "stageCode", stageCode));
        case LOGISTICS -> {
          direction = (String) row.get("direction");
          logistics = notStarted(LOGISTICS, Map.of(Region.PROCESS_VARIABLE, region.code(),
              TaskDeadlines.ELECTION_ID, electionId, "direction", direction));
        }
        case GUARD_PLAN -> guardPlan = notStarted(GUARD_PLAN, Map.of(Region.PROCESS_VARIABLE, region.code(),
            TaskDeadlines.ELECTION_ID, electionId));
        case RAKOR -> needsRakor = true;
        default -> { }
      }
    }
    if (patrols) {
      started.add(PATROLS);
    }
    if (logistics) {
      started.add(LOGISTICS);
    }
    if (guardPlan) {
      started.add(GUARD_PLAN);
    }
    if (needsRakor) {
      started.add(RAKOR);
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant startsAt = deadlines.at(region.zone(), stage.start(), LocalTime.MIDNIGHT);
    try {
      records.insert(new StageReadinessRecord(readinessId, execution.getProcessInstanceId(), electionId, region.code(),
          stageCode, level, startsAt, started, null, null, null, null, null, now));
    } catch (DuplicateKeyException raced) {
      FormInput.refuse("Kesiapan tahapan " + stage.name() + " " + region.name() + " sudah dimulai (" + readinessId + ")");
    }
    execution.setProcessBusinessKey(readinessId);
    // set again only if the check changed it: setting a variable to its own value writes a history detail
    if (!region.code().equals(regionCode)) {
      execution.setVariable(Region.PROCESS_VARIABLE, region.code());
    }
    execution.setVariable("regionName", region.name());
    execution.setVariable(TaskNotifications.STAGE_NAME, stage.name());
    execution.setVariable("title", "Kesiapan tahapan " + stage.name());
    // Read in this transaction only (the declaration timer's due date, the four gateways right after the
    // fork): transient, so they take no variable, history and detail rows. The stage start and the
    // workstreams started are in the record (siaga_stage_readiness), the table's answer in the decision history.
    Instant opens = startsAt.minus(DECLARATION_OPENS_BEFORE);
    TransientValues.forThisTransaction(execution, "declarationOpensAt", Variables.dateValue(Date.from(opens.isAfter(now) ? opens : now), true));
    TransientValues.forThisTransaction(execution, "startPatrols", Variables.booleanValue(patrols, true));
    TransientValues.forThisTransaction(execution, "startLogistics", Variables.booleanValue(logistics, true));
    TransientValues.forThisTransaction(execution, "startGuardPlan", Variables.booleanValue(guardPlan, true));
    TransientValues.forThisTransaction(execution, "needsRakor", Variables.booleanValue(needsRakor, true));
    if (logistics) {
      execution.setVariable("logisticsDirection", direction);   // read by the asynchronous call, a later transaction
    }
    // the due instants of the declaration and of the Rakor's schedule are worked out from the record
    // when a task asks (declarationDue, rakorScheduleDue), not kept in variables
    facts.keep(execution.getProcessInstanceId(), new StageFacts(electionId, region.code(), stageCode, startsAt, now));
  }

  // ---- due instants, from the record

  /** The declaration is due the day before the stage, 18:00 local; a readiness started later than that gets a day. */
  public Date declarationDue(DelegateExecution execution) {
    return factsOf(execution.getProcessInstanceId()).dueBefore(1, LocalTime.of(18, 0), deadlines);
  }

  /**
   * The Rakor is scheduled by noon five days before the stage (a meeting before the stage still
   * fits); a readiness started later than that gets a day.
   */
  public Date rakorScheduleDue(DelegateExecution execution) {
    return factsOf(execution.getProcessInstanceId()).dueBefore(5, LocalTime.NOON, deadlines);
  }

  /** What never changes in a readiness's record: its election, region and stage, when the stage starts and when the readiness started. */
  record StageFacts(String electionId, String regionCode, String stageCode, Instant stageStartsAt, Instant startedAt) {

    static StageFacts of(StageReadinessRecord record) {
      return new StageFacts(record.electionId(), record.regionCode(), record.stageCode(), record.stageStartsAt(),
          record.startedAt());
    }

    /** {@code daysBefore} days before the stage's first day at {@code time} local, and no sooner than a day after the start. */
    Date dueBefore(int daysBefore, LocalTime time, LocalDeadlines deadlines) {
      ZoneId zone = deadlines.zoneOf(regionCode);
      Instant due = stageStartsAt.atZone(zone).toLocalDate().minusDays(daysBefore).atTime(time).atZone(zone).toInstant();
      Instant aDayAfterStart = startedAt.plus(java.time.Duration.ofDays(1));
      return Date.from(due.isAfter(aDayAfterStart) ? due : aDayAfterStart);
    }
  }

  /**
   * The fixed facts of a readiness, by its process instance: from the record the first time, then
   * from memory (they never change, so no node can hold a stale copy). A task's due date and its
   * deadline timer both ask, in the same transaction as the Rakor check.
   */
  StageFacts factsOf(String processInstanceId) {
    return facts.get(processInstanceId, id -> StageFacts.of(recordOf(id)));
  }

  // ---- the stage's Rakor

  /** Where the stage's Rakor stands now, for the gateway that asks for one, waits for it or goes on. */
  void checkRakor(DelegateExecution execution) {
    StageFacts record = factsOf(execution.getProcessInstanceId());
    // read by the gateway right after this task, in this transaction
    TransientValues.forThisTransaction(execution, "rakorState", Variables.stringValue(
        rakor.state(record.electionId(), record.regionCode(), record.stageCode()).name(), true));
  }

  /**
   * What the coordinator sees when asked to schedule the Rakor: the stage's Rakor as it stands when
   * the form is opened (a form value of the task, worked out on reading).
   */
  public String rakorNote(DelegateTask task) {
    StageReadinessRecord record = recordOf(task.getProcessInstanceId());
    return workstreams.stream().filter(w -> w.workstream().equals(RAKOR)).findFirst()
        .flatMap(w -> w.summary(record.electionId(), record.regionCode(), record.stageCode()))
        .orElse("Belum ada Rakor untuk tahapan ini.");
  }

  /**
   * The coordinator's schedule: a Rakor of this readiness's election, region and stage, from the
   * form's fields only (the task's own values; a refusal keeps the task open and names the problems).
   */
  void scheduleRakor(DelegateTask task) {
    StageReadinessRecord record = recordOf(task.getProcessInstanceId());
    Map<String, Object> form = new LinkedHashMap<>();
    // the submitted fields are transient variables local to the task's execution (formFields = recorded);
    // local only: a field not submitted is missing, not the process's variable of the same name ("title")
    StageMeetings.FORM_FIELDS.forEach(field -> form.put(field, task.getExecution().getVariableLocal(field)));
    String meetingId = rakor.schedule(record.electionId(), record.regionCode(), record.stageCode(), form);
    task.getExecution().setVariable("rakorMeetingId", meetingId);
  }

  /** The group of the region's coordinator (Badan Kesbangpol), who schedules the Rakor and declares the stage. */
  public String coordinatorGroup(DelegateExecution execution) {
    return Agency.groupId(AgencyType.KESBANGPOL, (String) execution.getVariable(Region.PROCESS_VARIABLE));
  }

  /** The agencies of the region, all invited unless the coordinator unticks them (the schedule form's default). */
  public Object rakorInvitations(DelegateExecution execution) {
    String regionCode = (String) execution.getVariable(Region.PROCESS_VARIABLE);
    java.util.Set<AgencyType> present = agencies.findByRegion(regionCode).stream().map(Agency::type)
        .collect(java.util.stream.Collectors.toSet());
    return org.camunda.spin.Spin.JSON(java.util.Arrays.stream(AgencyType.values()).filter(present::contains)
        .map(type -> "\"" + type.name() + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]")));
  }

  /**
   * A province's Rakor may invite agencies of every regency and city of the province: none are ticked
   * until the coordinator chooses (an empty list, so that Tasklist submits the checklist as a list).
   */
  public Object regencyInvitations() {
    return org.camunda.spin.Spin.JSON("[]");
  }

  /** Whether no instance of the workstream was ever started for these values (running or ended). */
  private boolean notStarted(String processKey, Map<String, Object> values) {
    // One variable condition (the region: a handful of instances per key), the others compared here.
    // A query with a condition per variable made H2 join the whole variable history once per
    // condition: 45 s per start once a province Rakor's history was in the table.
    String[] candidates = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .variableValueEquals(Region.PROCESS_VARIABLE, values.get(Region.PROCESS_VARIABLE)).list().stream()
        .map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).toArray(String[]::new);
    if (candidates.length == 0) {
      return true;
    }
    Map<String, java.util.Set<String>> found = new java.util.HashMap<>();   // instance -> "name=value"
    history.createHistoricVariableInstanceQuery().processInstanceIdIn(candidates)
        .variableNameIn(values.keySet().toArray(String[]::new)).disableCustomObjectDeserialization().list()
        .forEach(v -> found.computeIfAbsent(v.getProcessInstanceId(), id -> new java.util.HashSet<>())
            .add(v.getName() + "=" + v.getValue()));
    return found.values().stream().noneMatch(variables -> values.entrySet().stream()
        .allMatch(e -> variables.contains(e.getKey() + "=" + e.getValue())));
  }

  /** What the coordinator sees when the declaration task opens: each workstream of the stage as it stands. */
  void describe(DelegateTask task) {
    StageReadinessRecord record = recordOf(task.getProcessInstanceId());
    task.setVariableLocal("readinessSummary", summary(task.getProcessDefinitionId(), record));
  }

  String summary(String processDefinitionId, StageReadinessRecord record) {
    List<Map<String, Object>> rows = table.workstreams(processDefinitionId, record.stageCode(), record.raceLevel());
    Map<String, String> lines = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      String workstream = (String) row.get("workstream");
      String line = workstreams.stream().filter(w -> w.workstream().equals(workstream)).findFirst()
          .flatMap(w -> w.summary(record.electionId(), record.regionCode(), record.stageCode()))
          .orElse(ReadinessTexts.notStarted(workstream));
      lines.putIfAbsent(workstream, line);
    }
    return ReadinessTexts.summary(lines, deadlines.display(record.regionCode(), ClockUtil.getCurrentTime().toInstant()));
  }

  /** The declaration: anything short of siap needs notes; recorded with what the coordinator saw. */
  void declare(DelegateTask task) {
    StageReadinessRecord record = recordOf(task.getProcessInstanceId());
    FormInput input = new FormInput(task::getVariable);
    Declaration declaration = input.choice("declaration", "Pernyataan", Declaration.class);
    String notes = input.text("declarationNotes", "Catatan", 2000,
        declaration != null && declaration != Declaration.SIAP);
    input.refuseIfInvalid();
    Authentication user = identity.getCurrentAuthentication();
    records.declare(record.readinessId(), declaration, notes, (String) task.getVariable("readinessSummary"),
        user == null ? "sistem" : user.getUserId(), ClockUtil.getCurrentTime().toInstant());
    // read by the gateway right after the task, in this transaction; the declaration itself is in the record
    TransientValues.forThisTransaction(task.getExecution(), "declared", Variables.stringValue(declaration.name(), true));
  }

  StageReadinessRecord recordOf(String processInstanceId) {
    return records.findByProcessInstance(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No stage readiness for " + processInstanceId));
  }

}

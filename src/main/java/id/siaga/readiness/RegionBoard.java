package id.siaga.readiness;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyRepository;
import id.siaga.calendar.Elections;
import id.siaga.calendar.LocalDeadlines;
import id.siaga.calendar.Stage;
import id.siaga.calendar.StageWorkstreamStatus;
import id.siaga.region.Region;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * One race region on the readiness board: per stage its cell, the workstreams the stage table gives
 * it with each feature's line on where it stands, and the declaration; the open tasks of the region
 * (agency, due time in the region's zone, escalation level, late ones first); the declarations made.
 * Access is the caller's business ({@link ReadinessBoard#visible}).
 */
@Service
class RegionBoard {

  /** A stage of the region: its dates, its cell, a line per workstream, the declaration if made. */
  record StageView(String stageCode, String stageName, LocalDate start, LocalDate end, CellState state,
      String stateLabel, int openTasks, int overdueTasks, int escalatedTasks, List<String> workstreams,
      DeclarationEntry declaration) {}

  /** A declaration of readiness for one stage. */
  record DeclarationEntry(String stageCode, String stageName, Declaration declaration, String label, String notes,
      String summary, String declaredBy, Instant declaredAt, String declaredAtLocal) {}

  /** An open task of the region. */
  record OpenTask(String taskId, String name, String workstream, String workstreamLabel, String stageCode,
      List<String> groups, List<String> agencies, String assignee, Instant due, String dueLocal, boolean overdue,
      int escalationLevel, Instant created, String processInstanceId) {}

  /** The region's page. */
  record RegionView(String electionId, String electionName, String regionCode, String regionName, String level,
      String zone, String asOfLocal, String earlyWarning, List<StageView> stages, List<OpenTask> openTasks,
      List<DeclarationEntry> declarations) {}

  private final JdbcTemplate jdbc;
  private final ReadinessBoard board;
  private final Elections elections;
  private final id.siaga.calendar.ElectionRepository electionRecords;
  private final StageTable table;
  private final List<StageWorkstreamStatus> workstreams;
  private final LocalDeadlines deadlines;
  private final AgencyRepository agencies;

  RegionBoard(JdbcTemplate jdbc, ReadinessBoard board, Elections elections,
      id.siaga.calendar.ElectionRepository electionRecords, StageTable table, List<StageWorkstreamStatus> workstreams,
      LocalDeadlines deadlines, AgencyRepository agencies) {
    this.jdbc = jdbc;
    this.board = board;
    this.elections = elections;
    this.electionRecords = electionRecords;
    this.table = table;
    this.workstreams = workstreams;
    this.deadlines = deadlines;
    this.agencies = agencies;
  }

  RegionView view(String electionId, Region region, Instant now) {
    ReadinessBoard.Row row = board.row(electionId, region, now);
    Map<String, DeclarationEntry> declared = new LinkedHashMap<>();
    declarations(electionId, region).forEach(d -> declared.put(d.stageCode(), d));
    List<StageView> stages = new ArrayList<>();
    for (Stage stage : elections.calendarOf(electionId).stages()) {
      ReadinessBoard.Cell cell = row.cells().get(stage.code());
      List<String> lines = new ArrayList<>();
      for (Map<String, Object> w : table.workstreams(stage.code(), region.level().name())) {
        String workstream = (String) w.get("workstream");
        if (EARLY_WARNING.equals(workstream)) {
          continue; // the reports belong to no stage: one line for the region
        }
        String line = status(workstream).map(s -> s.summary(electionId, region.code(), stage.code()))
            .flatMap(o -> o).orElse(ReadinessTexts.notStarted(workstream));
        if (!lines.contains(line)) {
          lines.add(line);
        }
      }
      stages.add(new StageView(stage.code(), stage.name(), stage.start(), stage.end(), cell.state(),
          cell.state().label(), cell.openTasks(), cell.overdueTasks(), cell.escalatedTasks(), lines,
          declared.get(stage.code())));
    }
    String earlyWarning = status(EARLY_WARNING).flatMap(s -> s.summary(electionId, region.code(), null))
        .orElse(ReadinessTexts.notStarted(EARLY_WARNING));
    String electionName = electionRecords.find(electionId).map(id.siaga.calendar.Election::name).orElse(electionId);
    return new RegionView(electionId, electionName, region.code(), region.name(), region.level().name(),
        region.zone().name(), deadlines.display(region.zone(), now), earlyWarning, stages,
        openTasks(electionId, region, now), List.copyOf(declared.values()));
  }

  static final String EARLY_WARNING = "early-warning-report";

  /**
   * The tasks (alias t) of the instances serving a region (first parameter) in an election (second):
   * {@link #REGION_JOINS}, then any further joins, then {@link #REGION_WHERE}. An early-warning
   * report serves no election.
   */
  private static final String REGION_JOINS = " join ACT_RE_PROCDEF p on p.ID_ = t.PROC_DEF_ID_"
      + " join ACT_RU_VARIABLE r on r.EXECUTION_ID_ = t.PROC_INST_ID_ and r.NAME_ = 'regionCode' and r.TEXT_ = ?"
      + " left join ACT_RU_VARIABLE e on e.EXECUTION_ID_ = t.PROC_INST_ID_ and e.NAME_ = 'electionId'";
  private static final String REGION_WHERE = " where (e.TEXT_ = ? or (e.ID_ is null and p.KEY_ = '"
      + EARLY_WARNING + "'))";

  private java.util.Optional<StageWorkstreamStatus> status(String workstream) {
    return workstreams.stream().filter(w -> w.workstream().equals(workstream)).findFirst();
  }

  /** The declarations made for the region in this election, in the order of the stages' starts. */
  List<DeclarationEntry> declarations(String electionId, Region region) {
    Map<String, Stage> stages = new HashMap<>();
    elections.calendarOf(electionId).stages().forEach(s -> stages.put(s.code(), s));
    return jdbc.query("select stage_code, declaration, declaration_notes, summary, declared_by, declared_at"
            + " from siaga_stage_readiness where election_id = ? and region_code = ? and declaration is not null"
            + " order by stage_starts_at, declared_at", (rs, i) -> {
          Declaration d = Declaration.valueOf(rs.getString(2));
          Instant at = rs.getTimestamp(6).toInstant();
          String code = rs.getString(1);
          Stage stage = stages.get(code);
          return new DeclarationEntry(code, stage == null ? code : stage.name(), d, CellState.of(true, d, 0, 0).label(),
              rs.getString(3), rs.getString(4), rs.getString(5), at, deadlines.display(region.zone(), at));
        }, electionId, region.code());
  }

  /**
   * The open tasks of the region's processes in this election (and of its early-warning reports,
   * which belong to no election): overdue first, then by escalation level, then by due time. Two
   * queries: the tasks, and their candidate groups.
   */
  List<OpenTask> openTasks(String electionId, Region region, Instant now) {
    Map<String, List<String>> groups = new HashMap<>();
    jdbc.query("select i.TASK_ID_, i.GROUP_ID_ from ACT_RU_IDENTITYLINK i join ACT_RU_TASK t on t.ID_ = i.TASK_ID_"
        + REGION_JOINS + REGION_WHERE + " and i.TYPE_ = 'candidate' and i.GROUP_ID_ is not null order by i.GROUP_ID_", rs -> {
          groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }, region.code(), electionId);
    Map<String, String> agencyNames = new HashMap<>();
    List<OpenTask> open = jdbc.query("select t.ID_, t.NAME_, p.KEY_, s.TEXT_, d.TEXT_, t.ASSIGNEE_, t.DUE_DATE_,"
            + " t.CREATE_TIME_, t.PROC_INST_ID_,"
            + " (select max(x.level) from siaga_task_escalation x where x.task_id = t.ID_),"
            + " (select min(x.origin_group_id) from siaga_task_escalation x where x.task_id = t.ID_)"
            + " from ACT_RU_TASK t" + REGION_JOINS
            + " left join ACT_RU_VARIABLE s on s.EXECUTION_ID_ = t.PROC_INST_ID_ and s.NAME_ = 'stageCode'"
            + " left join ACT_RU_VARIABLE d on d.EXECUTION_ID_ = t.PROC_INST_ID_ and d.NAME_ = 'direction'"
            + REGION_WHERE, (rs, i) -> {
          String id = rs.getString(1);
          String key = rs.getString(3);
          Timestamp dueAt = rs.getTimestamp(7);
          Instant due = dueAt == null ? null : dueAt.toInstant();
          String origin = rs.getString(11);
          List<String> taskGroups = new ArrayList<>(groups.getOrDefault(id, List.of()));
          if (origin != null && taskGroups.remove(origin)) {
            taskGroups.add(0, origin); // the agency the task was for, before those it climbed to
          }
          List<String> names = taskGroups.stream().map(g -> agencyNames.computeIfAbsent(g, this::agencyName)).toList();
          return new OpenTask(id, rs.getString(2), key, Workstreams.label(key), stageOf(key, rs.getString(4),
              rs.getString(5)), List.copyOf(taskGroups), names, rs.getString(6), due,
              due == null ? null : deadlines.display(region.zone(), due), due != null && due.isBefore(now),
              rs.getInt(10), rs.getTimestamp(8).toInstant(), rs.getString(9));
        }, region.code(), electionId);
    List<OpenTask> sorted = new ArrayList<>(open);
    sorted.sort(Comparator.comparing((OpenTask t) -> !t.overdue())
        .thenComparing(Comparator.comparingInt(OpenTask::escalationLevel).reversed())
        .thenComparing(OpenTask::due, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(OpenTask::created));
    return sorted;
  }

  /** The stage a task serves, as the matrix counts it (a logistics leg's from its direction). */
  static String stageOf(String processKey, String stageCode, String direction) {
    if (stageCode != null) {
      return stageCode;
    }
    if ("OUTBOUND".equals(direction) || "tps-security-plan".equals(processKey)) {
      return "pemungutan-suara";
    }
    return "RETURN".equals(direction) ? "penghitungan-rekapitulasi" : null;
  }

  private String agencyName(String groupId) {
    if (Agency.NATIONAL_DESK.equals(groupId)) {
      return Agency.NATIONAL_DESK_NAME;
    }
    return agencies.find(groupId).map(Agency::name).orElse(groupId);
  }
}

package id.siaga.readiness;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyLevel;
import id.siaga.agency.AgencyRepository;
import id.siaga.agency.AgencyType;
import id.siaga.calendar.Elections;
import id.siaga.calendar.Stage;
import id.siaga.region.Region;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The readiness board's matrix: every race region × every stage of an election, each cell one
 * {@link CellState}, from two queries whatever the number of regions: the stage readiness records
 * (started, declared) and the open tasks of the election counted per region, stage and workstream
 * (overdue, escalated). Who sees which rows: {@link #visible}.
 */
@Service
class ReadinessBoard {

  /** One cell: its state and the open tasks behind it. */
  record Cell(CellState state, int openTasks, int overdueTasks, int escalatedTasks) {}

  /** One region's row. */
  record Row(String regionCode, String regionName, String level, Map<String, Cell> cells) {}

  /** The matrix as a reader may see it. */
  record Matrix(String electionId, List<String> stages, Map<CellState, Integer> counts, List<Row> rows) {}

  /** Every workstream whose tasks count; the stage of a logistics leg and of the TPS guard plan is fixed. */
  static final List<String> WORKSTREAMS = List.of("stage-readiness", "coordination-meeting", "patrol-assignment",
      "logistics-distribution", "tps-security-plan", "reinforcement-request");

  private final JdbcTemplate jdbc;
  private final NationalStart scope;
  private final Elections elections;
  private final AgencyRepository agencies;

  ReadinessBoard(JdbcTemplate jdbc, NationalStart scope, Elections elections, AgencyRepository agencies) {
    this.jdbc = jdbc;
    this.scope = scope;
    this.elections = elections;
    this.agencies = agencies;
  }

  /**
   * The matrix for the reader's groups, optionally one province, one state and one workstream (the
   * workstream's tasks only decide terlambat and dieskalasi).
   */
  Matrix matrix(String electionId, Collection<String> readerGroups, String province, CellState state,
      String workstream, Instant now) {
    List<String> stages = stages(electionId);
    Predicate<Region> visible = visible(readerGroups);
    List<Region> regions = scope.scope(province).stream().filter(visible).toList();
    Map<CellState, Integer> counts = new EnumMap<>(CellState.class);
    List<Row> rows = new java.util.ArrayList<>();
    for (Row row : rows(electionId, stages, regions, null, workstream, now)) {
      if (state != null && row.cells().values().stream().noneMatch(c -> c.state() == state)) {
        continue;
      }
      row.cells().values().forEach(c -> counts.merge(c.state(), 1, Integer::sum));
      rows.add(row);
    }
    return new Matrix(electionId, stages, counts, rows);
  }

  /** One region's row (every workstream), for its page. */
  Row row(String electionId, Region region, Instant now) {
    return rows(electionId, stages(electionId), List.of(region), region.code(), null, now).get(0);
  }

  private List<String> stages(String electionId) {
    return elections.calendarOf(electionId).stages().stream().map(Stage::code).toList();
  }

  /** The rows of these regions; {@code regionCode} narrows both queries to one region. */
  private List<Row> rows(String electionId, List<String> stages, List<Region> regions, String regionCode,
      String workstream, Instant now) {
    Map<String, Declaration> declared = new HashMap<>();
    java.util.Set<String> started = new java.util.HashSet<>();
    String sql = "select region_code, stage_code, declaration from siaga_stage_readiness where election_id = ?"
        + (regionCode == null ? "" : " and region_code = ?");
    Object[] args = regionCode == null ? new Object[] {electionId} : new Object[] {electionId, regionCode};
    jdbc.query(sql, rs -> {
      String key = rs.getString(1) + "|" + rs.getString(2);
      started.add(key);
      String d = rs.getString(3);
      if (d != null) {
        declared.put(key, Declaration.valueOf(d));
      }
    }, args);
    Map<String, int[]> tasks = openTasks(electionId, regionCode, workstream, now);
    List<Row> rows = new java.util.ArrayList<>();
    for (Region region : regions) {
      Map<String, Cell> cells = new LinkedHashMap<>();
      for (String stage : stages) {
        String key = region.code() + "|" + stage;
        int[] t = tasks.getOrDefault(key, new int[3]);
        cells.put(stage, new Cell(CellState.of(started.contains(key), declared.get(key), t[1], t[2]), t[0], t[1], t[2]));
      }
      rows.add(new Row(region.code(), region.name(), region.level().name(), cells));
    }
    return rows;
  }

  /**
   * The open tasks of the election's processes per region and stage: {open, overdue, escalated}.
   * One query over the engine's tasks and their instances' variables; the stage of a logistics leg
   * comes from its direction, the TPS guard plan's is the voting stage.
   */
  private Map<String, int[]> openTasks(String electionId, String regionCode, String workstream, Instant now) {
    String stage = "coalesce(s.TEXT_, case when d.TEXT_ = 'OUTBOUND' then 'pemungutan-suara'"
        + " when d.TEXT_ = 'RETURN' then 'penghitungan-rekapitulasi'"
        + " when p.KEY_ = 'tps-security-plan' then 'pemungutan-suara' end)";
    StringBuilder sql = new StringBuilder("select r.TEXT_, " + stage + ", count(*),"
        + " sum(case when t.DUE_DATE_ < ? then 1 else 0 end),"
        + " sum(case when exists (select 1 from siaga_task_escalation x where x.task_id = t.ID_) then 1 else 0 end)"
        + " from ACT_RU_TASK t join ACT_RE_PROCDEF p on p.ID_ = t.PROC_DEF_ID_"
        + " join ACT_RU_VARIABLE e on e.EXECUTION_ID_ = t.PROC_INST_ID_ and e.NAME_ = 'electionId' and e.TEXT_ = ?"
        + " join ACT_RU_VARIABLE r on r.EXECUTION_ID_ = t.PROC_INST_ID_ and r.NAME_ = 'regionCode'"
        + (regionCode == null ? "" : " and r.TEXT_ = ?")
        + " left join ACT_RU_VARIABLE s on s.EXECUTION_ID_ = t.PROC_INST_ID_ and s.NAME_ = 'stageCode'"
        + " left join ACT_RU_VARIABLE d on d.EXECUTION_ID_ = t.PROC_INST_ID_ and d.NAME_ = 'direction'"
        + " where p.KEY_ in (" + WORKSTREAMS.stream().map(w -> "?").collect(Collectors.joining(",")) + ")");
    List<Object> args = new java.util.ArrayList<>(List.of(Timestamp.from(now), electionId));
    if (regionCode != null) {
      args.add(regionCode);
    }
    args.addAll(WORKSTREAMS);
    if (workstream != null) {
      sql.append(" and p.KEY_ = ?");
      args.add(workstream);
    }
    sql.append(" group by r.TEXT_, ").append(stage);
    Map<String, int[]> counts = new HashMap<>();
    jdbc.query(sql.toString(), rs -> {
      counts.put(rs.getString(1) + "|" + rs.getString(2), new int[] {rs.getInt(3), rs.getInt(4), rs.getInt(5)});
    }, args.toArray());
    return counts;
  }

  /**
   * Which rows a reader sees: administrators, the national desk and Kemendagri every region; a
   * province's coordinator (Badan Kesbangpol Provinsi) the province and its regencies and cities;
   * anyone else the rows of the regions of their agencies.
   */
  Predicate<Region> visible(Collection<String> groups) {
    if (groups.contains("camunda-admin") || groups.contains(Agency.NATIONAL_DESK) || groups.contains("kemendagri")) {
      return r -> true;
    }
    List<Agency> mine = groups.stream().map(agencies::find).flatMap(Optional::stream).toList();
    Set<String> provinces = mine.stream().filter(a -> a.type() == AgencyType.KESBANGPOL)
        .filter(a -> a.level() == AgencyLevel.PROVINCE).map(Agency::regionCode).collect(Collectors.toSet());
    Set<String> own = mine.stream().map(Agency::regionCode).collect(Collectors.toSet());
    return r -> own.contains(r.code()) || provinces.contains(r.provinceCode());
  }
}

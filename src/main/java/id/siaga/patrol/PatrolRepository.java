package id.siaga.patrol;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The records of the security feature (V13): stage patrols with their kecamatan, report periods
 * and situations; BKO requests; TPS guard plans with their kecamatan.
 */
@Repository
class PatrolRepository {

  private final JdbcTemplate jdbc;

  PatrolRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // ---- stage patrols

  void insert(StagePatrol s) {
    jdbc.update("insert into siaga_patrol_stage (stage_plan_id, process_instance_id, election_id, region_code,"
            + " stage_code, window_start, window_end, report_interval_hours, report_count, status, started_by,"
            + " started_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)",
        s.stagePlanId(), s.processInstanceId(), s.electionId(), s.regionCode(), s.stageCode(), ts(s.windowStart()),
        ts(s.windowEnd()), s.reportIntervalHours(), s.reportCount(), s.startedBy(), ts(s.startedAt()));
  }

  Optional<StagePatrol> findStage(String electionId, String regionCode, String stageCode) {
    return jdbc.query("select * from siaga_patrol_stage where election_id = ? and region_code = ? and stage_code = ?",
        PatrolRepository::stage, electionId, regionCode, stageCode).stream().findFirst();
  }

  Optional<StagePatrol> findStageByProcessInstance(String processInstanceId) {
    return jdbc.query("select * from siaga_patrol_stage where process_instance_id = ?", PatrolRepository::stage,
        processInstanceId).stream().findFirst();
  }

  Optional<StagePatrol> findStage(String stagePlanId) {
    return jdbc.query("select * from siaga_patrol_stage where stage_plan_id = ?", PatrolRepository::stage,
        stagePlanId).stream().findFirst();
  }

  List<StagePatrol> stagesOfRegion(String regionCode) {
    return jdbc.query("select * from siaga_patrol_stage where region_code = ? order by window_start, started_at",
        PatrolRepository::stage, regionCode);
  }

  void recordReview(String stagePlanId, int available, int needed, String notes, String by, Instant at) {
    jdbc.update("update siaga_patrol_stage set personnel_available = ?, personnel_needed = ?, review_notes = ?,"
        + " reviewed_by = ?, reviewed_at = ? where stage_plan_id = ?", available, needed, notes, by, ts(at), stagePlanId);
  }

  void closeStage(String stagePlanId, Instant at) {
    jdbc.update("update siaga_patrol_stage set status = 'CLOSED', closed_at = ? where stage_plan_id = ?", ts(at),
        stagePlanId);
    jdbc.update("update siaga_patrol_report set status = 'MISSED' where stage_plan_id = ? and status = 'OPEN'",
        stagePlanId);
  }

  // ---- kecamatan of a stage

  void insertDistricts(List<PatrolDistrict> districts) {
    jdbc.batchUpdate("insert into siaga_patrol_district (stage_plan_id, district_code, vulnerability, remote, table_version,"
            + " table_patrols_per_day, table_joint_with_tni, table_personnel, patrols_per_day, joint_with_tni,"
            + " personnel_per_patrol) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", districts, 500, (ps, d) -> {
              ps.setString(1, d.stagePlanId());
              ps.setString(2, d.districtCode());
              ps.setString(3, d.vulnerability());
              ps.setBoolean(4, d.remote());
              ps.setString(5, d.tableVersion());
              ps.setInt(6, d.table().patrolsPerDay());
              ps.setBoolean(7, d.table().jointWithTni());
              ps.setInt(8, d.table().personnelPerPatrol());
              ps.setInt(9, d.plan().patrolsPerDay());
              ps.setBoolean(10, d.plan().jointWithTni());
              ps.setInt(11, d.plan().personnelPerPatrol());
            });
  }

  List<PatrolDistrict> districts(String stagePlanId) {
    return jdbc.query("select d.*, s.report_interval_hours from siaga_patrol_district d join siaga_patrol_stage s"
        + " on s.stage_plan_id = d.stage_plan_id where d.stage_plan_id = ? order by d.district_code",
        PatrolRepository::district, stagePlanId);
  }

  Optional<PatrolDistrict> district(String stagePlanId, String districtCode) {
    return jdbc.query("select d.*, s.report_interval_hours from siaga_patrol_district d join siaga_patrol_stage s"
        + " on s.stage_plan_id = d.stage_plan_id where d.stage_plan_id = ? and d.district_code = ?",
        PatrolRepository::district, stagePlanId, districtCode).stream().findFirst();
  }

  void override(String stagePlanId, String districtCode, PlanRow plan, String reason) {
    jdbc.update("update siaga_patrol_district set patrols_per_day = ?, joint_with_tni = ?, personnel_per_patrol = ?,"
            + " override_reason = ? where stage_plan_id = ? and district_code = ?", plan.patrolsPerDay(),
        plan.jointWithTni(), plan.personnelPerPatrol(), reason, stagePlanId, districtCode);
  }

  void recordTeam(String stagePlanId, String districtCode, String leader, int personnel, String reason, Instant at) {
    jdbc.update("update siaga_patrol_district set team_leader = ?, team_personnel = ?, team_reason = ?, team_at = ?"
        + " where stage_plan_id = ? and district_code = ?", leader, personnel, reason, ts(at), stagePlanId, districtCode);
  }

  void recordTniElement(String stagePlanId, String districtCode, String element, int personnel, Instant at) {
    jdbc.update("update siaga_patrol_district set tni_element = ?, tni_personnel = ?, tni_at = ?"
        + " where stage_plan_id = ? and district_code = ?", element, personnel, ts(at), stagePlanId, districtCode);
  }

  void recordSupport(String stagePlanId, String districtCode, int linmas, int satpolPp, String notes, Instant at) {
    jdbc.update("update siaga_patrol_district set linmas_personnel = ?, satpol_pp_personnel = ?, support_notes = ?,"
            + " support_at = ? where stage_plan_id = ? and district_code = ?", linmas, satpolPp, notes, ts(at),
        stagePlanId, districtCode);
  }

  // ---- situation reports

  void openReport(String stagePlanId, int reportNumber, Instant periodStart, Instant dueAt) {
    jdbc.update("insert into siaga_patrol_report (stage_plan_id, report_number, period_start, due_at, status)"
        + " values (?, ?, ?, ?, 'OPEN')", stagePlanId, reportNumber, ts(periodStart), ts(dueAt));
  }

  Optional<PatrolReport> report(String stagePlanId, int reportNumber) {
    return jdbc.query("select * from siaga_patrol_report where stage_plan_id = ? and report_number = ?",
        PatrolRepository::report, stagePlanId, reportNumber).stream().findFirst();
  }

  List<PatrolReport> reports(String stagePlanId) {
    return jdbc.query("select * from siaga_patrol_report where stage_plan_id = ? order by report_number",
        PatrolRepository::report, stagePlanId);
  }

  record SituationRow(String districtCode, Situation situation, boolean hadIncident) {}

  /** Files a report with its situation per kecamatan; false when it was no longer open. */
  boolean fileReport(String stagePlanId, int reportNumber, List<SituationRow> rows, int incidents,
      String incidentNotes, String notes, String by, Instant at) {
    int updated = jdbc.update("update siaga_patrol_report set status = 'FILED', filed_by = ?, filed_at = ?,"
            + " incidents = ?, incident_notes = ?, notes = ? where stage_plan_id = ? and report_number = ?"
            + " and status = 'OPEN'", by, ts(at), incidents, incidentNotes, notes, stagePlanId, reportNumber);
    if (updated == 0) {
      return false;
    }
    jdbc.batchUpdate("insert into siaga_patrol_situation (stage_plan_id, report_number, district_code, situation,"
        + " had_incident) values (?, ?, ?, ?, ?)", rows, 500, (ps, r) -> {
          ps.setString(1, stagePlanId);
          ps.setInt(2, reportNumber);
          ps.setString(3, r.districtCode());
          ps.setString(4, r.situation().name());
          ps.setBoolean(5, r.hadIncident());
        });
    return true;
  }

  List<SituationRow> situations(String stagePlanId, int reportNumber) {
    return jdbc.query("select * from siaga_patrol_situation where stage_plan_id = ? and report_number = ?"
        + " order by district_code", (rs, i) -> situation(rs), stagePlanId, reportNumber);
  }

  /** The situation per kecamatan in the latest filed report that covered it. */
  Map<String, Situation> lastSituations(String stagePlanId) {
    return jdbc.query("select s.district_code, s.situation from siaga_patrol_situation s where s.stage_plan_id = ?"
            + " and s.report_number = (select max(t.report_number) from siaga_patrol_situation t"
            + " where t.stage_plan_id = s.stage_plan_id and t.district_code = s.district_code)",
        (rs, i) -> Map.entry(rs.getString(1), Situation.valueOf(rs.getString(2))), stagePlanId).stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Per kecamatan, how many filed reports gave it each situation. */
  Map<String, Map<Situation, Integer>> situationCounts(String stagePlanId) {
    Map<String, Map<Situation, Integer>> counts = new java.util.TreeMap<>();
    jdbc.query("select district_code, situation, count(*) from siaga_patrol_situation where stage_plan_id = ?"
        + " group by district_code, situation", rs -> {
          counts.computeIfAbsent(rs.getString(1), d -> new java.util.EnumMap<>(Situation.class))
              .put(Situation.valueOf(rs.getString(2)), rs.getInt(3));
        }, stagePlanId);
    return counts;
  }

  /** Per kecamatan, in how many filed reports it had an incident. */
  Map<String, Integer> incidentCounts(String stagePlanId) {
    return jdbc.query("select district_code, sum(case when had_incident then 1 else 0 end) from siaga_patrol_situation"
            + " where stage_plan_id = ? group by district_code", (rs, i) -> Map.entry(rs.getString(1), rs.getInt(2)),
        stagePlanId).stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  // ---- reinforcement (BKO)

  void insert(Reinforcement r) {
    jdbc.update("insert into siaga_reinforcement (reinforcement_id, election_id, region_code, purpose, source_id,"
            + " requested, needed, available, requested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", r.reinforcementId(),
        r.electionId(), r.regionCode(), r.purpose().name(), r.sourceId(), r.requested(), r.needed(), r.available(),
        ts(r.requestedAt()));
  }

  Optional<Reinforcement> reinforcement(String reinforcementId) {
    return jdbc.query("select * from siaga_reinforcement where reinforcement_id = ?", PatrolRepository::reinforcement,
        reinforcementId).stream().findFirst();
  }

  Optional<Reinforcement> reinforcementOf(String sourceId) {
    return jdbc.query("select * from siaga_reinforcement where source_id = ?", PatrolRepository::reinforcement,
        sourceId).stream().findFirst();
  }

  Optional<Reinforcement> reinforcementByProcessInstance(String processInstanceId) {
    return jdbc.query("select * from siaga_reinforcement where process_instance_id = ?",
        PatrolRepository::reinforcement, processInstanceId).stream().findFirst();
  }

  /** Ties a request to the instance deciding it; false when another instance has it already. */
  boolean claimReinforcement(String reinforcementId, String processInstanceId) {
    return jdbc.update("update siaga_reinforcement set process_instance_id = ? where reinforcement_id = ?"
        + " and process_instance_id is null", processInstanceId, reinforcementId) == 1;
  }

  void decide(String reinforcementId, Reinforcement.Decision decision, int granted, String reason, String by,
      Instant at) {
    jdbc.update("update siaga_reinforcement set decision = ?, granted = ?, reason = ?, decided_by = ?, decided_at = ?"
        + " where reinforcement_id = ?", decision.name(), granted, reason, by, ts(at), reinforcementId);
  }

  // ---- TPS guard plans

  void insert(TpsGuardPlan g, List<GuardDistrict> districts) {
    jdbc.update("insert into siaga_guard_plan (guard_plan_id, process_instance_id, election_id, region_code, patterns,"
            + " police_needed, linmas_needed, status, started_by, started_at) values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)",
        g.guardPlanId(), g.processInstanceId(), g.electionId(), g.regionCode(), g.patterns(), g.policeNeeded(),
        g.linmasNeeded(), g.startedBy(), ts(g.startedAt()));
    jdbc.batchUpdate("insert into siaga_guard_district (guard_plan_id, district_code, tps_low_risk, tps_vulnerable,"
        + " tps_highly_vulnerable, police, linmas) values (?, ?, ?, ?, ?, ?, ?)", districts, 500, (ps, d) -> {
          ps.setString(1, g.guardPlanId());
          ps.setString(2, d.districtCode());
          ps.setInt(3, d.plan().kurangRawanTps());
          ps.setInt(4, d.plan().rawanTps());
          ps.setInt(5, d.plan().sangatRawanTps());
          ps.setInt(6, d.plan().police());
          ps.setInt(7, d.plan().linmas());
        });
  }

  Optional<TpsGuardPlan> guardPlan(String electionId, String regionCode) {
    return jdbc.query("select * from siaga_guard_plan where election_id = ? and region_code = ?",
        PatrolRepository::guardPlan, electionId, regionCode).stream().findFirst();
  }

  Optional<TpsGuardPlan> guardPlanByProcessInstance(String processInstanceId) {
    return jdbc.query("select * from siaga_guard_plan where process_instance_id = ?", PatrolRepository::guardPlan,
        processInstanceId).stream().findFirst();
  }

  List<TpsGuardPlan> guardPlansOfRegion(String regionCode) {
    return jdbc.query("select * from siaga_guard_plan where region_code = ? order by started_at",
        PatrolRepository::guardPlan, regionCode);
  }

  record GuardDistrictRow(String districtCode, int tpsLowRisk, int tpsVulnerable, int tpsHighlyVulnerable, int police,
      int linmas) {}

  List<GuardDistrictRow> guardDistrictRows(String guardPlanId) {
    return jdbc.query("select * from siaga_guard_district where guard_plan_id = ? order by district_code",
        (rs, i) -> new GuardDistrictRow(rs.getString("district_code"), rs.getInt("tps_low_risk"),
            rs.getInt("tps_vulnerable"), rs.getInt("tps_highly_vulnerable"), rs.getInt("police"), rs.getInt("linmas")),
        guardPlanId);
  }

  void approveGuardPlan(String guardPlanId, int available, String reason, String notes, String by, Instant at) {
    jdbc.update("update siaga_guard_plan set police_available = ?, police_reason = ?, approval_notes = ?,"
        + " approved_by = ?, approved_at = ? where guard_plan_id = ?", available, reason, notes, by, ts(at), guardPlanId);
  }

  void confirmLinmas(String guardPlanId, int available, String reason, String by, Instant at) {
    jdbc.update("update siaga_guard_plan set linmas_available = ?, linmas_reason = ?, linmas_by = ?, linmas_at = ?"
        + " where guard_plan_id = ?", available, reason, by, ts(at), guardPlanId);
  }

  void confirmTniStandby(String guardPlanId, int standby, String notes, String by, Instant at) {
    jdbc.update("update siaga_guard_plan set tni_standby = ?, tni_notes = ?, tni_by = ?, tni_at = ?"
        + " where guard_plan_id = ?", standby, notes, by, ts(at), guardPlanId);
  }

  void closeGuardPlan(String guardPlanId, Instant at) {
    jdbc.update("update siaga_guard_plan set status = 'READY', closed_at = ? where guard_plan_id = ?", ts(at),
        guardPlanId);
  }

  // ---- mapping

  private static StagePatrol stage(ResultSet rs, int row) throws SQLException {
    return new StagePatrol(rs.getString("stage_plan_id"), rs.getString("process_instance_id"),
        rs.getString("election_id"), rs.getString("region_code"), rs.getString("stage_code"),
        instant(rs, "window_start"), instant(rs, "window_end"), rs.getInt("report_interval_hours"),
        rs.getInt("report_count"), integer(rs, "personnel_available"), integer(rs, "personnel_needed"),
        rs.getString("reviewed_by"), instant(rs, "reviewed_at"), "OPEN".equals(rs.getString("status")),
        rs.getString("started_by"), instant(rs, "started_at"), instant(rs, "closed_at"));
  }

  private static PatrolDistrict district(ResultSet rs, int row) throws SQLException {
    int interval = rs.getInt("report_interval_hours");
    return new PatrolDistrict(rs.getString("stage_plan_id"), rs.getString("district_code"),
        rs.getString("vulnerability"), rs.getBoolean("remote"), rs.getString("table_version"),
        new PlanRow(rs.getInt("table_patrols_per_day"), rs.getBoolean("table_joint_with_tni"), interval,
            rs.getInt("table_personnel")),
        new PlanRow(rs.getInt("patrols_per_day"), rs.getBoolean("joint_with_tni"), interval,
            rs.getInt("personnel_per_patrol")),
        rs.getString("override_reason"), rs.getString("team_leader"), integer(rs, "team_personnel"),
        rs.getString("team_reason"), instant(rs, "team_at"), rs.getString("tni_element"), integer(rs, "tni_personnel"),
        instant(rs, "tni_at"), integer(rs, "linmas_personnel"), integer(rs, "satpol_pp_personnel"),
        rs.getString("support_notes"), instant(rs, "support_at"));
  }

  private static PatrolReport report(ResultSet rs, int row) throws SQLException {
    return new PatrolReport(rs.getString("stage_plan_id"), rs.getInt("report_number"), instant(rs, "period_start"),
        instant(rs, "due_at"), PatrolReport.Status.valueOf(rs.getString("status")), rs.getString("filed_by"),
        instant(rs, "filed_at"), integer(rs, "incidents"), rs.getString("incident_notes"), rs.getString("notes"));
  }

  private static SituationRow situation(ResultSet rs) throws SQLException {
    return new SituationRow(rs.getString("district_code"), Situation.valueOf(rs.getString("situation")),
        rs.getBoolean("had_incident"));
  }

  private static Reinforcement reinforcement(ResultSet rs, int row) throws SQLException {
    String decision = rs.getString("decision");
    return new Reinforcement(rs.getString("reinforcement_id"), rs.getString("process_instance_id"),
        rs.getString("election_id"), rs.getString("region_code"),
        Reinforcement.Purpose.valueOf(rs.getString("purpose")), rs.getString("source_id"), rs.getInt("requested"),
        rs.getInt("needed"), rs.getInt("available"), decision == null ? null : Reinforcement.Decision.valueOf(decision),
        integer(rs, "granted"), rs.getString("reason"), rs.getString("decided_by"), instant(rs, "requested_at"),
        instant(rs, "decided_at"));
  }

  private static TpsGuardPlan guardPlan(ResultSet rs, int row) throws SQLException {
    return new TpsGuardPlan(rs.getString("guard_plan_id"), rs.getString("process_instance_id"),
        rs.getString("election_id"), rs.getString("region_code"), rs.getString("patterns"), rs.getInt("police_needed"),
        rs.getInt("linmas_needed"), integer(rs, "police_available"), rs.getString("police_reason"),
        rs.getString("approved_by"), instant(rs, "approved_at"), integer(rs, "linmas_available"),
        rs.getString("linmas_reason"), instant(rs, "linmas_at"), integer(rs, "tni_standby"), instant(rs, "tni_at"),
        "READY".equals(rs.getString("status")), rs.getString("started_by"), instant(rs, "started_at"),
        instant(rs, "closed_at"));
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}

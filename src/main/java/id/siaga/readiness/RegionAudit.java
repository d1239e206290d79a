package id.siaga.readiness;

import id.siaga.calendar.LocalDeadlines;
import id.siaga.region.Region;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The audit trail of one race region in one election, from the engine's history and the product's
 * own records: every process started and ended for the region, every task created and completed
 * (and by whom), every operation a user made on them (claims, assignments, due dates, ...), every
 * escalation step and every readiness declaration, in the order they happened, so that an
 * after-action review can replay the stage. Five queries whatever the size of the region.
 */
@Service
class RegionAudit {

  /** One line of the trail. {@code actor} is a user id, or "sistem" for the engine's own steps. */
  record Entry(Instant at, String atLocal, String actor, String action, String workstream, String subject,
      String stageCode, String processInstanceId, String taskId) {}

  static final String SYSTEM = "sistem";

  /** The instances serving the region (first parameter) in the election (second); reports serve no election. */
  private static final String INSTANCES = "select pi.ID_ from ACT_HI_PROCINST pi where exists (select 1 from"
      + " ACT_HI_VARINST r where r.PROC_INST_ID_ = pi.ID_ and r.EXECUTION_ID_ = pi.ID_ and r.NAME_ = 'regionCode'"
      + " and r.TEXT_ = ?) and (exists (select 1 from ACT_HI_VARINST e where e.PROC_INST_ID_ = pi.ID_"
      + " and e.NAME_ = 'electionId' and e.TEXT_ = ?) or (pi.PROC_DEF_KEY_ = '" + RegionBoard.EARLY_WARNING + "'"
      + " and not exists (select 1 from ACT_HI_VARINST e2 where e2.PROC_INST_ID_ = pi.ID_ and e2.NAME_ = 'electionId')))";

  private final JdbcTemplate jdbc;
  private final LocalDeadlines deadlines;

  RegionAudit(JdbcTemplate jdbc, LocalDeadlines deadlines) {
    this.jdbc = jdbc;
    this.deadlines = deadlines;
  }

  /** The trail, oldest first. */
  List<Entry> trail(String electionId, Region region) {
    String regionCode = region.code();
    List<Raw> raw = new ArrayList<>();
    Map<String, String> stageOfInstance = new HashMap<>();
    jdbc.query("select v.PROC_INST_ID_, v.TEXT_ from ACT_HI_VARINST v where v.NAME_ = 'stageCode'"
        + " and v.EXECUTION_ID_ = v.PROC_INST_ID_ and v.PROC_INST_ID_ in (" + INSTANCES + ")",
        rs -> { stageOfInstance.put(rs.getString(1), rs.getString(2)); }, regionCode, electionId);

    jdbc.query("select pi.ID_, pi.PROC_DEF_KEY_, pi.BUSINESS_KEY_, pi.START_TIME_, pi.START_USER_ID_, pi.END_TIME_,"
        + " pi.DELETE_REASON_ from ACT_HI_PROCINST pi where pi.ID_ in (" + INSTANCES + ")", rs -> {
          String id = rs.getString(1);
          String key = rs.getString(2);
          String subject = rs.getString(3);
          raw.add(new Raw(rs.getTimestamp(4), rs.getString(5), "Proses dimulai", key, subject, id, null));
          Timestamp end = rs.getTimestamp(6);
          if (end != null) {
            String reason = rs.getString(7);
            raw.add(new Raw(end, null, reason == null ? "Proses selesai" : "Proses dihentikan: " + reason, key, subject,
                id, null));
          }
        }, regionCode, electionId);

    // the users' operations, one line per operation; who completed a task comes from its Complete line
    List<Operation> operations = new ArrayList<>();
    Map<String, String> completedBy = new HashMap<>();
    jdbc.query("select o.TASK_ID_, o.OPERATION_ID_, o.OPERATION_TYPE_, o.TIMESTAMP_, o.USER_ID_, o.PROPERTY_,"
        + " o.NEW_VALUE_, o.PROC_DEF_KEY_, o.PROC_INST_ID_ from ACT_HI_OP_LOG o where o.PROC_INST_ID_ in ("
        + INSTANCES + ") and o.USER_ID_ is not null order by o.TIMESTAMP_, o.OPERATION_ID_", rs -> {
          String taskId = rs.getString(1);
          String type = rs.getString(3);
          if ("Complete".equals(type) && taskId != null) {
            completedBy.put(taskId, rs.getString(5));
          } else if (operations.isEmpty() || !operations.get(operations.size() - 1).id().equals(rs.getString(2))) {
            operations.add(new Operation(rs.getString(2), rs.getTimestamp(4), rs.getString(5),
                AuditTexts.operation(type, rs.getString(6), rs.getString(7)), rs.getString(8), rs.getString(9), taskId));
          }
        }, regionCode, electionId);

    Map<String, String> taskNames = new HashMap<>();
    jdbc.query("select t.ID_, t.NAME_, t.PROC_DEF_KEY_, t.PROC_INST_ID_, t.START_TIME_, t.END_TIME_, t.ASSIGNEE_,"
        + " t.DELETE_REASON_ from ACT_HI_TASKINST t where t.PROC_INST_ID_ in (" + INSTANCES + ")", rs -> {
          String taskId = rs.getString(1);
          String name = rs.getString(2);
          taskNames.put(taskId, name);
          raw.add(new Raw(rs.getTimestamp(5), null, "Tugas dibuat", rs.getString(3), name, rs.getString(4), taskId));
          Timestamp end = rs.getTimestamp(6);
          if (end != null) {
            String reason = rs.getString(8);
            boolean completed = "completed".equals(reason);
            String by = completed ? completedBy.getOrDefault(taskId, rs.getString(7)) : null;
            raw.add(new Raw(end, by, completed ? "Tugas diselesaikan" : "Tugas ditutup tanpa diselesaikan ("
                + (reason == null ? "-" : reason) + ")", rs.getString(3), name, rs.getString(4), taskId));
          }
        }, regionCode, electionId);
    for (Operation o : operations) {
      raw.add(new Raw(o.at(), o.user(), o.action(), o.processKey(), o.taskId() == null ? null : taskNames.get(o.taskId()),
          o.processInstanceId(), o.taskId()));
    }

    jdbc.query("select x.task_id, x.level, x.group_id, x.origin_group_id, x.process_instance_id, x.task_name,"
        + " x.escalated_at, pi.PROC_DEF_KEY_ from siaga_task_escalation x join ACT_HI_PROCINST pi"
        + " on pi.ID_ = x.process_instance_id where x.process_instance_id in (" + INSTANCES + ")", rs -> {
          raw.add(new Raw(rs.getTimestamp(7), null, "Dieskalasi tingkat " + rs.getInt(2) + " ke " + rs.getString(3)
              + " (semula " + rs.getString(4) + ")", rs.getString(8), rs.getString(6), rs.getString(5), rs.getString(1)));
        }, regionCode, electionId);

    jdbc.query("select stage_code, declaration, declared_by, declared_at, process_instance_id from"
        + " siaga_stage_readiness where election_id = ? and region_code = ? and declared_at is not null", rs -> {
          Declaration d = Declaration.valueOf(rs.getString(2));
          raw.add(new Raw(rs.getTimestamp(4), rs.getString(3), "Kesiapan dinyatakan: "
              + CellState.of(true, d, 0, 0).label(), StageReadiness.PROCESS_KEY, rs.getString(1), rs.getString(5), null));
        }, electionId, regionCode);

    raw.sort(Comparator.comparing(Raw::at)); // stable: lines of one instant keep the order they were read in
    List<Entry> entries = new ArrayList<>(raw.size());
    for (Raw r : raw) {
      Instant at = r.at().toInstant();
      entries.add(new Entry(at, deadlines.display(region.zone(), at), r.actor() == null ? SYSTEM : r.actor(),
          r.action(), Workstreams.label(r.processKey()), r.subject(), stageOfInstance.get(r.processInstanceId()),
          r.processInstanceId(), r.taskId()));
    }
    return entries;
  }

  /** A line before it is made readable. */
  private record Raw(Timestamp at, String actor, String action, String processKey, String subject,
      String processInstanceId, String taskId) {}

  /** One operation of a user, as the engine logged it. */
  private record Operation(String id, Timestamp at, String user, String action, String processKey,
      String processInstanceId, String taskId) {}
}

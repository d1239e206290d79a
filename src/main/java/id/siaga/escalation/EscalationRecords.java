package id.siaga.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The escalation steps of user tasks ({@code siaga_task_escalation}): which level a task has
 * reached and which agencies were added, for mails and for the readiness board.
 */
@Repository
public class EscalationRecords {

  /** One agency added to a task at one level. */
  public record Step(String taskId, int level, String groupId, String originGroupId, String processInstanceId,
      String taskName, Instant escalatedAt) {}

  private final JdbcTemplate jdbc;

  EscalationRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The level a task has reached: 0 when never escalated. */
  public int currentLevel(String taskId) {
    Integer level = jdbc.queryForObject("select max(level) from siaga_task_escalation where task_id = ?",
        Integer.class, taskId);
    return level == null ? 0 : level;
  }

  /**
   * The level each of these tasks has reached, in one query (one per 1,000 tasks); a task never
   * escalated is not in the map.
   */
  public Map<String, Integer> levelsOf(Collection<String> taskIds) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(taskIds));
    Map<String, Integer> levels = new HashMap<>();
    for (int from = 0; from < ids.size(); from += 1000) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
      jdbc.query("select task_id, max(level) from siaga_task_escalation where task_id in ("
              + String.join(",", Collections.nCopies(chunk.size(), "?")) + ") group by task_id",
          (RowCallbackHandler) rs -> levels.put(rs.getString(1), rs.getInt(2)), chunk.toArray());
    }
    return levels;
  }

  /** Every step of a task, lowest level first. */
  public List<Step> steps(String taskId) {
    return jdbc.query("select * from siaga_task_escalation where task_id = ? order by level, group_id",
        (rs, row) -> new Step(rs.getString("task_id"), rs.getInt("level"), rs.getString("group_id"),
            rs.getString("origin_group_id"), rs.getString("process_instance_id"), rs.getString("task_name"),
            rs.getTimestamp("escalated_at").toInstant()), taskId);
  }

  void insert(Step step) {
    jdbc.update("insert into siaga_task_escalation (task_id, level, group_id, origin_group_id,"
            + " process_instance_id, task_name, escalated_at) values (?, ?, ?, ?, ?, ?, ?)",
        step.taskId(), step.level(), step.groupId(), step.originGroupId(), step.processInstanceId(),
        step.taskName(), Timestamp.from(step.escalatedAt()));
  }
}

package id.siaga.escalation;

import id.siaga.agency.Agency;
import id.siaga.agency.EscalationChain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Climbs the escalation chain for one task: each origin agency's next link up its line (e.g.
 * Polres → Polda → Mabes Polri, Kodim → Korem → Kodam) becomes a candidate group too; the origin
 * agency keeps the task. At the last level (the top of the line, or the task type's maximum
 * level) the national desk is added as well, so that it is informed. The level is recorded in {@link EscalationRecords} and as the task-local variable
 * {@code escalationLevel}, which Tasklist can show and filter on.
 */
@Service
public class TaskEscalation {

  public static final String LEVEL_VARIABLE = "escalationLevel";

  private final EscalationChain chain;
  private final EscalationRecords records;
  private final TaskService tasks;

  TaskEscalation(EscalationChain chain, EscalationRecords records, TaskService tasks) {
    this.chain = chain;
    this.records = records;
    this.tasks = tasks;
  }

  /** One escalation of a task: its new level, the agencies added and the agencies it came from. */
  public record Escalated(String taskId, int level, List<String> addedGroups, List<String> originGroups) {}

  /**
   * Escalates the task one level, unless {@code maxLevel} is reached or the chain has no further
   * link for any of its origin agencies.
   */
  public Optional<Escalated> escalate(Task task, List<String> currentCandidateGroups, int maxLevel) {
    int level = records.currentLevel(task.getId());
    if (level >= maxLevel) {
      return Optional.empty();
    }
    List<String> origins = level == 0 ? currentCandidateGroups : originsOf(task.getId());
    Map<String, List<Agency>> chains = new LinkedHashMap<>();
    origins.forEach(origin -> chains.put(origin, chain.chainFrom(origin)));
    Map<String, String> added = new LinkedHashMap<>();
    chains.forEach((origin, links) -> {
      if (links.size() > level + 1) {
        added.putIfAbsent(links.get(level + 1).groupId(), origin);
      }
    });
    if (added.isEmpty()) {
      return Optional.empty();
    }
    int newLevel = level + 1;
    boolean lastLevel = newLevel >= maxLevel || chains.values().stream().noneMatch(links -> links.size() > newLevel + 1);
    if (lastLevel) {
      added.putIfAbsent(Agency.NATIONAL_DESK, origins.get(0));
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    added.forEach((group, origin) -> {
      if (!currentCandidateGroups.contains(group)) {
        tasks.addCandidateGroup(task.getId(), group);
      }
      records.insert(new EscalationRecords.Step(task.getId(), newLevel, group, origin, task.getProcessInstanceId(),
          task.getName(), now));
    });
    tasks.setVariableLocal(task.getId(), LEVEL_VARIABLE, newLevel);
    return Optional.of(new Escalated(task.getId(), newLevel, List.copyOf(added.keySet()), origins));
  }

  /** The level a task has reached: 0 when never escalated. */
  public int currentLevel(String taskId) {
    return records.currentLevel(taskId);
  }

  /** The agencies the task was for before its first escalation. */
  public List<String> originsOf(String taskId) {
    List<String> origins = new ArrayList<>();
    records.steps(taskId).stream().map(EscalationRecords.Step::originGroupId)
        .filter(o -> !origins.contains(o)).forEach(origins::add);
    return origins;
  }

  /** The agencies added at one level. */
  public List<String> addedAt(String taskId, int level) {
    return records.steps(taskId).stream().filter(s -> s.level() == level).map(EscalationRecords.Step::groupId)
        .toList();
  }
}

package id.siaga.escalation;

import java.util.StringJoiner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "Eskalasi ke tingkat berikutnya": runs in the escalation timer's transaction and escalates the
 * open task(s) of the user task the timer is attached to. Leaves {@code escalatedTasks}
 * ("taskId:level,…") on its path for the mail step that follows.
 */
@Component("escalateTask")
class EscalateTaskDelegate implements JavaDelegate {

  static final String ESCALATED_TASKS = "escalatedTasks";

  private final TaskEscalation escalation;
  private final DeadlineSettings settings;

  EscalateTaskDelegate(TaskEscalation escalation, DeadlineSettings settings) {
    this.escalation = escalation;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String taskKey = DeadlineScope.attachedTaskKey(execution);
    int maxLevel = settings.forTask(taskKey).maxLevel();
    StringJoiner escalated = new StringJoiner(",");
    for (Task task : DeadlineScope.openTasks(execution, taskKey)) {
      escalation.escalate(task, DeadlineScope.candidateGroups(execution, task.getId()), maxLevel)
          .ifPresent(step -> escalated.add(step.taskId() + ":" + step.level()));
    }
    execution.setVariableLocal(ESCALATED_TASKS, escalated.toString());
  }
}

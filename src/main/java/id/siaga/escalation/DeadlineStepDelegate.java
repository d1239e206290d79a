package id.siaga.escalation;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "Tindak lanjut tenggat", the service task after a user task's deadline timer: finds the user
 * task the timer is attached to (by walking the diagram back to the boundary event, no id in the
 * expression) and does the steps now due for each of its open tasks.
 */
@Component("deadlineStep")
class DeadlineStepDelegate implements JavaDelegate {

  private final DeadlineSteps steps;
  private final DeadlineSettings settings;

  DeadlineStepDelegate(DeadlineSteps steps, DeadlineSettings settings) {
    this.steps = steps;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String taskKey = DeadlineScope.attachedTaskKey(execution);
    int maxLevel = settings.forTask(taskKey).maxLevel();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    for (Task task : DeadlineScope.openTasks(execution, taskKey)) {
      steps.runDue(task, taskKey, DeadlineScope.candidateGroups(execution, task.getId()), maxLevel, now);
    }
  }
}

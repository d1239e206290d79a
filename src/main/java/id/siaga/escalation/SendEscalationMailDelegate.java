package id.siaga.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "Kirim email eskalasi" (asynchronous, retried): one mail per escalated task and level, to the
 * agencies added at that level, with a copy to the original agency.
 */
@Component("sendEscalationMail")
class SendEscalationMailDelegate implements JavaDelegate {

  private final TaskEscalation escalation;
  private final TaskNotifications notifications;

  SendEscalationMailDelegate(TaskEscalation escalation, TaskNotifications notifications) {
    this.escalation = escalation;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object escalated = execution.getVariableLocal(EscalateTaskDelegate.ESCALATED_TASKS);
    if (escalated == null || escalated.toString().isBlank()) {
      return;
    }
    for (String entry : escalated.toString().split(",")) {
      String taskId = entry.substring(0, entry.indexOf(':'));
      int level = Integer.parseInt(entry.substring(entry.indexOf(':') + 1));
      Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery().taskId(taskId).singleResult();
      if (task != null) {
        notifications.sendEscalationMail(task, level, escalation.addedAt(taskId, level), escalation.originsOf(taskId));
      }
    }
  }
}

package id.siaga.escalation;

import id.siaga.notification.MailKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;

/**
 * "Kirim pengingat" and "Kirim pemberitahuan terlambat" (asynchronous, retried): one mail per
 * open task of the user task the timer is attached to, to its agencies and assignee. A task
 * completed meanwhile gets no mail.
 */
class SendDeadlineMailDelegate implements JavaDelegate {

  private final TaskNotifications notifications;
  private final MailKind kind;

  SendDeadlineMailDelegate(TaskNotifications notifications, MailKind kind) {
    this.notifications = notifications;
    this.kind = kind;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String taskKey = DeadlineScope.attachedTaskKey(execution);
    for (Task task : DeadlineScope.openTasks(execution, taskKey)) {
      notifications.sendDeadlineMail(task, kind, DeadlineScope.candidateGroups(execution, task.getId()));
    }
  }
}

package id.siaga.escalation;

import id.siaga.notification.MailKind;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of the deadline pattern drawn before the one-timer pattern (three boundary timers
 * per user task). No current diagram uses them; they stay so that instances started on an earlier
 * version of a diagram run to their end on it (docs/escalation.md, "Instances started before").
 * They do what the new step does, through the same queue: remove them once no instance of such a
 * version is left (the start-up log counts them).
 */
@Configuration(proxyBeanMethods = false)
class LegacyDeadlineDelegates {

  @Bean
  JavaDelegate sendReminderMail(DeadlineSteps steps) {
    return execution -> queue(steps, execution, DeadlineMailKinds.REMINDER);
  }

  @Bean
  JavaDelegate sendOverdueMail(DeadlineSteps steps) {
    return execution -> queue(steps, execution, DeadlineMailKinds.OVERDUE);
  }

  /** Escalates one level and queues its mail, in the timer's transaction, as it always did. */
  @Bean
  JavaDelegate escalateTask(DeadlineSteps steps, TaskEscalation escalation, DeadlineSettings settings) {
    return execution -> {
      String taskKey = DeadlineScope.attachedTaskKey(execution);
      int maxLevel = settings.forTask(taskKey).maxLevel();
      for (Task task : DeadlineScope.openTasks(execution, taskKey)) {
        steps.escalate(task, DeadlineScope.candidateGroups(execution, task.getId()),
            escalation.currentLevel(task.getId()) + 1, maxLevel, now());
      }
    };
  }

  /** The escalation mail was queued with the escalation: nothing left to do on this path. */
  @Bean
  JavaDelegate sendEscalationMail() {
    return execution -> { };
  }

  private static void queue(DeadlineSteps steps, DelegateExecution execution, MailKind kind) {
    String taskKey = DeadlineScope.attachedTaskKey(execution);
    for (Task task : DeadlineScope.openTasks(execution, taskKey)) {
      steps.queue(task, kind, 0, DeadlineScope.candidateGroups(execution, task.getId()), now());
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}

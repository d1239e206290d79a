package id.siaga.escalation;

import id.siaga.notification.MailKey;
import id.siaga.notification.MailKind;
import id.siaga.notification.MailOutbox;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Does what a task's deadline timer found due: queues the reminder or the overdue notice, or
 * escalates the task one level and queues the escalation mail. Runs in the timer's transaction, so
 * the escalation and its queued mail commit together, and a failing SMTP server never holds up an
 * escalation. Each step is done once: a queued key is not queued again, a level reached is not
 * escalated again. {@link DeadlineMails} sends what was queued, batched per agency.
 */
@Service
public class DeadlineSteps {

  /** Separates the parts of a batch key: kind, level, the agencies the mail goes to. */
  static final String SEPARATOR = "|";

  private final TaskDeadlines deadlines;
  private final TaskEscalation escalation;
  private final MailOutbox outbox;

  DeadlineSteps(TaskDeadlines deadlines, TaskEscalation escalation, MailOutbox outbox) {
    this.deadlines = deadlines;
    this.escalation = escalation;
    this.outbox = outbox;
  }

  /** Does every step of this open task that is due at {@code now} and not yet done. */
  void runDue(Task task, String taskKey, List<String> candidateGroups, int maxLevel, Instant now) {
    if (task.getDueDate() == null) {
      return;
    }
    for (DeadlineSchedule.Step step : DeadlineSchedule.dueAt(deadlines.steps(taskKey, task.getDueDate().toInstant()), now)) {
      switch (step.kind()) {
        case REMINDER -> queue(task, DeadlineMailKinds.REMINDER, 0, candidateGroups, now);
        case OVERDUE -> queue(task, DeadlineMailKinds.OVERDUE, 0, candidateGroups, now);
        case ESCALATION -> escalate(task, candidateGroups, step.level(), maxLevel, now);
      }
    }
  }

  /**
   * Queues the reminder or overdue notice of a task now (also for the diagrams drawn before), about
   * the task's execution: while the mail cannot be sent, its incident shows on the task in Cockpit.
   */
  void queue(Task task, MailKind kind, int level, List<String> groups, Instant now) {
    outbox.enqueue(new MailKey(task.getId(), kind, String.valueOf(level)), batchKey(kind, level, groups), now,
        task.getExecutionId());
  }

  /** Escalates the task up to {@code level} (one level at a time) and queues a mail per level reached. */
  void escalate(Task task, List<String> candidateGroups, int level, int maxLevel, Instant now) {
    while (escalation.currentLevel(task.getId()) < Math.min(level, maxLevel)) {
      var escalated = escalation.escalate(task, candidateGroups, maxLevel);
      if (escalated.isEmpty()) {
        return;
      }
      queue(task, DeadlineMailKinds.ESCALATION, escalated.get().level(), escalated.get().addedGroups(), now);
    }
  }

  /** {@code REMINDER|0|polri3507}: one mail per kind, level and set of agencies. */
  static String batchKey(MailKind kind, int level, List<String> groups) {
    return kind.name() + SEPARATOR + level + SEPARATOR + String.join(",", new TreeSet<>(groups));
  }
}

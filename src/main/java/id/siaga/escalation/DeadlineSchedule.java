package id.siaga.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps of one task's deadline, as plain rules: the reminder {@code reminderBefore} before the
 * due time, the overdue notice at it, then escalation level 1..maxLevel every
 * {@code escalationEvery} after it. One timer walks them: it fires at the first step, and each
 * time it fires it is set to the next step after the moment it fired.
 */
public final class DeadlineSchedule {

  /** What happens at a step. */
  public enum Kind { REMINDER, OVERDUE, ESCALATION }

  /** One step: its kind, its escalation level (0 for reminder and overdue) and its instant. */
  public record Step(Kind kind, int level, Instant at) {}

  private DeadlineSchedule() {}

  /** Every step of a task due at {@code due}, in time order. */
  public static List<Step> steps(Instant due, DeadlineSettings.Effective settings) {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(Kind.REMINDER, 0, due.minus(settings.reminderBefore())));
    steps.add(new Step(Kind.OVERDUE, 0, due));
    for (int level = 1; level <= settings.maxLevel(); level++) {
      steps.add(new Step(Kind.ESCALATION, level, due.plus(settings.escalationEvery().multipliedBy(level))));
    }
    return steps;
  }

  /** The first step strictly after {@code now}: where the timer goes next. */
  public static Optional<Step> nextAfter(List<Step> steps, Instant now) {
    return steps.stream().filter(step -> step.at().isAfter(now)).findFirst();
  }

  /**
   * The steps that are due at {@code now}, in order. A reminder is left out once the task is
   * overdue: a task created (or a server back) after its due time gets the overdue notice, not a
   * reminder as well.
   */
  public static List<Step> dueAt(List<Step> steps, Instant now) {
    List<Step> due = steps.stream().filter(step -> !step.at().isAfter(now)).toList();
    boolean overdue = due.stream().anyMatch(step -> step.kind() == Kind.OVERDUE);
    return due.stream().filter(step -> !(overdue && step.kind() == Kind.REMINDER)).toList();
  }
}

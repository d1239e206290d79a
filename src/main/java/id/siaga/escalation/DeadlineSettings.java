package id.siaga.escalation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When reminders and escalations fire, per task type (the user task's id), as data in
 * {@code siaga.deadlines} (application.yaml). A task type without its own entry takes the defaults.
 *
 * @param reminderBefore how long before the due date the reminder goes out
 * @param escalationEvery how long after the due date, and between levels, the task escalates
 * @param maxLevel how many levels it may climb (1 = province counterpart, 2 = top of the line; the
 *     national desk is informed at the last level)
 */
@Validated
@ConfigurationProperties("siaga.deadlines")
public record DeadlineSettings(
    @NotNull @DefaultValue("PT24H") Duration reminderBefore,
    @NotNull @DefaultValue("PT24H") Duration escalationEvery,
    @Min(1) @Max(5) @DefaultValue("2") int maxLevel,
    @Valid @DefaultValue Map<String, TaskType> tasks) {

  /** Overrides for one task type; an empty field keeps the default. */
  public record TaskType(Duration reminderBefore, Duration escalationEvery, @Min(1) @Max(5) Integer maxLevel) {}

  /** The settings in force for a task type. */
  public Effective forTask(String taskKey) {
    TaskType own = tasks.get(taskKey);
    if (own == null) {
      return new Effective(reminderBefore, escalationEvery, maxLevel);
    }
    return new Effective(own.reminderBefore() != null ? own.reminderBefore() : reminderBefore,
        own.escalationEvery() != null ? own.escalationEvery() : escalationEvery,
        own.maxLevel() != null ? own.maxLevel() : maxLevel);
  }

  /** Resolved settings of one task type. */
  public record Effective(Duration reminderBefore, Duration escalationEvery, int maxLevel) {}
}

package id.siaga.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** An election's calendar of stages around its voting day (H). */
public record ElectionCalendar(String id, String name, LocalDate votingDay, List<Stage> stages) {

  public ElectionCalendar {
    stages = List.copyOf(stages);
  }

  public Optional<Stage> stage(String code) {
    return stages.stream().filter(s -> s.code().equals(code)).findFirst();
  }

  /**
   * The same calendar with every stage moved so that voting day falls on {@code newVotingDay}:
   * a simulation (simulasi) that keeps the real distances between stages.
   */
  public ElectionCalendar movedTo(String newId, String newName, LocalDate newVotingDay) {
    long shift = ChronoUnit.DAYS.between(votingDay, newVotingDay);
    return new ElectionCalendar(newId, newName, newVotingDay,
        stages.stream().map(s -> s.shiftedBy(shift)).toList());
  }
}

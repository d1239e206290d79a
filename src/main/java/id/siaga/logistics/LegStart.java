package id.siaga.logistics;

import id.siaga.calendar.Election;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Which election a leg belongs to, and whether it may start now. Plain rules: the outbound leg
 * runs before voting day, the return leg from voting day on and only after its outbound leg.
 */
public final class LegStart {

  private LegStart() {}

  /**
   * The election a leg started today (the region's local date) belongs to: for an outbound leg the
   * next voting day not yet reached, for a return leg the latest voting day already reached.
   */
  public static Optional<Election> electionFor(LegDirection direction, List<Election> elections, LocalDate today) {
    return direction == LegDirection.OUTBOUND
        ? elections.stream().filter(e -> e.votingDay().isAfter(today)).min(Comparator.comparing(Election::votingDay))
        : elections.stream().filter(e -> !e.votingDay().isAfter(today)).max(Comparator.comparing(Election::votingDay));
  }

  /** Whether the leg may start on {@code today} for an election voting on {@code votingDay}. */
  public static void checkTiming(LegDirection direction, LocalDate votingDay, LocalDate today,
      Consumer<String> problems) {
    if (direction == LegDirection.OUTBOUND && !today.isBefore(votingDay)) {
      problems.accept("Distribusi ke TPS harus dimulai sebelum hari pemungutan suara (" + votingDay + ")");
    }
    if (direction == LegDirection.RETURN && today.isBefore(votingDay)) {
      problems.accept("Pengembalian logistik baru dapat dimulai pada hari pemungutan suara (" + votingDay
          + ") atau sesudahnya");
    }
  }
}

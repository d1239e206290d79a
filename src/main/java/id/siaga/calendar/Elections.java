package id.siaga.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Service;

/** Elections and their calendars: a real calendar as shipped, or a simulation moved in time. */
@Service
public class Elections {

  private final CalendarCatalog catalog;
  private final ElectionRepository elections;

  Elections(CalendarCatalog catalog, ElectionRepository elections) {
    this.catalog = catalog;
    this.elections = elections;
  }

  /** The calendar of an election: its base calendar with voting day where the election puts it. */
  public ElectionCalendar calendarOf(String electionId) {
    Election election = elections.find(electionId).orElse(null);
    if (election == null) {
      return catalog.find(electionId).orElseThrow(
          () -> new IllegalArgumentException("pemilihan tidak dikenal: " + electionId));
    }
    return calendarOf(election);
  }

  /**
   * The calendar of an election recorded in {@code siaga_election} (not one only in the catalog), or
   * empty: the existence check and the calendar in one read.
   */
  public java.util.Optional<ElectionCalendar> recordedCalendarOf(String electionId) {
    return elections.find(electionId).map(this::calendarOf);
  }

  private ElectionCalendar calendarOf(Election election) {
    return catalog.get(election.baseCalendar()).movedTo(election.id(), election.name(), election.votingDay());
  }

  /** Creates a simulation of {@code baseCalendar} whose voting day is {@code votingDay}. */
  public Election createSimulation(String baseCalendar, LocalDate votingDay) {
    ElectionCalendar base = catalog.get(baseCalendar);
    String id = "simulasi-" + votingDay.format(DateTimeFormatter.BASIC_ISO_DATE);
    Election election = new Election(id, "Simulasi " + base.name() + " (hari H "
        + votingDay.format(DateTimeFormatter.ISO_LOCAL_DATE) + ")", baseCalendar, votingDay, true);
    if (!elections.exists(id)) {
      elections.insert(election);
    }
    return election;
  }
}

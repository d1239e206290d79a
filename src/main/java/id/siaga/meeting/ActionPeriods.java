package id.siaga.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods of a recurring action item: from the meeting's day to the item's end date, a day or
 * a week each, the last one cut at the end date. Each period is confirmed by its owner by the end
 * of its last day (local time). Plain: no engine, no database.
 */
final class ActionPeriods {

  /** At most this many periods per item: a daily item over a whole campaign (about 60 days) fits. */
  static final int MAX_PERIODS = 90;

  /** One period, numbered from 1, with its first and last day (both included). */
  record Period(int number, LocalDate firstDay, LocalDate lastDay) {

    String text() {
      return firstDay.equals(lastDay) ? LetterTexts.date(firstDay)
          : LetterTexts.date(firstDay) + " s.d. " + LetterTexts.date(lastDay);
    }
  }

  private ActionPeriods() {}

  /** The periods from {@code from} to {@code until}, both included; none for an item done once. */
  static List<Period> of(Recurrence recurrence, LocalDate from, LocalDate until) {
    List<Period> periods = new ArrayList<>();
    if (!recurrence.recurring()) {
      return periods;
    }
    LocalDate first = from;
    while (!first.isAfter(until)) {
      LocalDate last = first.plusDays(recurrence.periodDays() - 1L);
      periods.add(new Period(periods.size() + 1, first, last.isAfter(until) ? until : last));
      first = first.plusDays(recurrence.periodDays());
    }
    return periods;
  }

  /** The periods of a recurring item of this meeting: from the meeting's local day to the item's end date. */
  static List<Period> of(Meeting meeting, ActionItem item) {
    return of(item.recurrence(), meeting.meetingLocal().toLocalDate(), item.dueLocal());
  }

  /** The period numbered {@code number} (from 1) of a recurring item of this meeting. */
  static Period period(Meeting meeting, ActionItem item, int number) {
    return period(item.recurrence(), meeting.meetingLocal().toLocalDate(), item.dueLocal(), number);
  }

  /** The period numbered {@code number} (from 1). */
  static Period period(Recurrence recurrence, LocalDate from, LocalDate until, int number) {
    List<Period> periods = of(recurrence, from, until);
    if (number < 1 || number > periods.size()) {
      throw new IllegalArgumentException("no period " + number + " of " + periods.size());
    }
    return periods.get(number - 1);
  }
}

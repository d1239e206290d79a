package id.siaga.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deadline as the field says it, in the region's local time:
 * <ul>
 *   <li>{@code H-1 18:00 local}: the day before voting day, 18:00; {@code H 07:00}; {@code H+3 12:00}</li>
 *   <li>{@code kampanye.start-7 08:00}, {@code masa-tenang.end 23:59}: relative to a stage</li>
 *   <li>{@code var:meetingAt-1 12:00}: relative to a date or instant held in a process variable
 *       (a form value), e.g. the day before the meeting at noon</li>
 *   <li>{@code var:reportedAt+3hk}: three working days (hari kerja, Monday to Friday) later, at
 *       the same local time</li>
 * </ul>
 * Without a time, an instant anchor keeps its local time of day and a date anchor means 23:59.
 */
public record DeadlineExpression(String anchor, int offset, boolean workingDays, LocalTime time) {

  /** The anchor of voting day. */
  public static final String VOTING_DAY = "H";
  /** The prefix of an anchor held in a process variable. */
  public static final String VARIABLE = "var:";
  /** The time of a deadline given as a date only. */
  public static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

  private static final Pattern SYNTAX = Pattern.compile("^\\s*(H|[a-z0-9-]+\\.(?:start|end)|var:[A-Za-z_][A-Za-z0-9_]*)"
      + "\\s*([+-]\\s*\\d{1,4})?\\s*(hk)?(?:\\s+(\\d{1,2}):(\\d{2}))?(?:\\s+local)?\\s*$");

  public static DeadlineExpression parse(String text) {
    Matcher m = text == null ? null : SYNTAX.matcher(text);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("tenggat tidak dapat dibaca: '" + text
          + "' (contoh: 'H-1 18:00 local', 'kampanye.start-7 08:00', 'var:tanggalRapat-1 12:00')");
    }
    int offset = m.group(2) == null ? 0 : Integer.parseInt(m.group(2).replace(" ", "").replace("+", ""));
    LocalTime time = null;
    if (m.group(4) != null) {
      int hour = Integer.parseInt(m.group(4));
      int minute = Integer.parseInt(m.group(5));
      if (hour > 23 || minute > 59) {
        throw new IllegalArgumentException("jam tidak sah dalam tenggat: '" + text + "'");
      }
      time = LocalTime.of(hour, minute);
    }
    String anchor = m.group(1);
    if (time == null && !anchor.startsWith(VARIABLE)) {
      throw new IllegalArgumentException("tenggat '" + text + "' perlu jam, contoh 'H-1 18:00'");
    }
    return new DeadlineExpression(anchor, offset, m.group(3) != null, time);
  }

  public boolean isVariable() {
    return anchor.startsWith(VARIABLE);
  }

  public String variableName() {
    return anchor.substring(VARIABLE.length());
  }

  /** The local date this expression names in the given calendar (calendar anchors only). */
  public LocalDate dateIn(ElectionCalendar calendar) {
    LocalDate base;
    if (VOTING_DAY.equals(anchor)) {
      base = calendar.votingDay();
    } else if (isVariable()) {
      throw new IllegalStateException("anchor " + anchor + " is a variable, not a calendar date");
    } else {
      String stageCode = anchor.substring(0, anchor.lastIndexOf('.'));
      Stage stage = calendar.stage(stageCode).orElseThrow(() -> new IllegalArgumentException(
          "tahapan '" + stageCode + "' tidak ada di kalender " + calendar.id()));
      base = anchor.endsWith(".start") ? stage.start() : stage.end();
    }
    return shift(base);
  }

  /** The base date moved by the offset: calendar days, or working days (Monday to Friday). */
  public LocalDate shift(LocalDate base) {
    if (!workingDays) {
      return base.plusDays(offset);
    }
    LocalDate date = base;
    int step = offset < 0 ? -1 : 1;
    for (int left = Math.abs(offset); left > 0; ) {
      date = date.plusDays(step);
      if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return date;
  }
}

package id.siaga.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deadline as the field says it, in the region's local time (the grammar is in
 * docs/escalation.md, "Due rules"):
 * <ul>
 *   <li>{@code H-1 18:00 local}: the day before voting day, 18:00; {@code H 07:00}; {@code H+3 12:00}</li>
 *   <li>{@code kampanye.start-7 08:00}, {@code masa-tenang.end 23:59}: relative to a stage</li>
 *   <li>{@code var:meetingAt-1 12:00}: relative to a date or instant held in a process variable
 *       (a form value, a DMN result), e.g. the day before the meeting at noon</li>
 *   <li>{@code var:reportedAt+3hk}: three working days (hari kerja: Monday to Friday without
 *       national holidays and cuti bersama, {@link WorkingDays}) later, at the same local time</li>
 *   <li>{@code var:reportedAt+2j}, {@code +2j}: two hours (jam) after the instant in the variable,
 *       or after the moment the deadline is computed (the task's creation) when no anchor is given</li>
 * </ul>
 * Without a time, an instant anchor keeps its local time of day and a date anchor means 23:59.
 * A rule in a variable ({@code rule:dueRule}) is resolved by {@link LocalDeadlines}.
 */
public record DeadlineExpression(String anchor, int offset, Unit unit, LocalTime time) {

  /** What the offset counts. */
  public enum Unit {
    /** Calendar days (no suffix). */
    DAYS,
    /** Working days: suffix {@code hk} (hari kerja). */
    WORKING_DAYS,
    /** Hours: suffix {@code j} (jam). */
    HOURS
  }

  /** The anchor of voting day. */
  public static final String VOTING_DAY = "H";
  /** The prefix of an anchor held in a process variable. */
  public static final String VARIABLE = "var:";
  /** The anchor of a rule without one: the moment the deadline is computed. */
  public static final String NOW = "now";
  /** The time of a deadline given as a date only. */
  public static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

  private static final String EXAMPLES = " (contoh: 'H-1 18:00 local', 'kampanye.start-7 08:00', "
      + "'var:tanggalRapat-1 12:00', 'var:dilaporkanPada+3hk', '+2j')";

  private static final Pattern SYNTAX = Pattern.compile("^\\s*(H|now|[a-z0-9-]+\\.(?:start|end)|var:[A-Za-z_][A-Za-z0-9_]*)?"
      + "\\s*([+-]\\s*\\d{1,4})?\\s*(hk|j)?(?:\\s+(\\d{1,2}):(\\d{2}))?(?:\\s+local)?\\s*$");

  public static DeadlineExpression parse(String text) {
    Matcher m = text == null ? null : SYNTAX.matcher(text);
    if (m == null || !m.matches() || (m.group(1) == null && m.group(2) == null)) {
      throw new IllegalArgumentException("tenggat tidak dapat dibaca: '" + text + "'" + EXAMPLES);
    }
    int offset = m.group(2) == null ? 0 : Integer.parseInt(m.group(2).replace(" ", "").replace("+", ""));
    Unit unit = m.group(3) == null ? Unit.DAYS : "hk".equals(m.group(3)) ? Unit.WORKING_DAYS : Unit.HOURS;
    LocalTime time = null;
    if (m.group(4) != null) {
      int hour = Integer.parseInt(m.group(4));
      int minute = Integer.parseInt(m.group(5));
      if (hour > 23 || minute > 59) {
        throw new IllegalArgumentException("jam tidak sah dalam tenggat: '" + text + "'");
      }
      time = LocalTime.of(hour, minute);
    }
    String anchor = m.group(1) == null ? NOW : m.group(1);
    boolean instantAnchor = anchor.startsWith(VARIABLE) || NOW.equals(anchor);
    if (m.group(3) != null && m.group(2) == null) {
      throw new IllegalArgumentException("tenggat '" + text + "' perlu jumlah sebelum satuan, contoh '+2j' atau '+3hk'");
    }
    if (unit == Unit.HOURS && time != null) {
      throw new IllegalArgumentException("tenggat dalam jam ('" + text + "') tidak memakai jam dinding; tulis '+2j' saja");
    }
    if (unit == Unit.HOURS && !instantAnchor) {
      throw new IllegalArgumentException("tenggat dalam jam ('" + text
          + "') perlu saat yang pasti: variabel ('var:dilaporkanPada+2j') atau saat tugas dibuat ('+2j')");
    }
    if (time == null && !instantAnchor) {
      throw new IllegalArgumentException("tenggat '" + text + "' perlu jam, contoh 'H-1 18:00'");
    }
    return new DeadlineExpression(anchor, offset, unit, time);
  }

  public boolean isVariable() {
    return anchor.startsWith(VARIABLE);
  }

  /** Anchored at the moment the deadline is computed ({@code +2j}, {@code now+1 18:00}). */
  public boolean isNow() {
    return NOW.equals(anchor);
  }

  public String variableName() {
    return anchor.substring(VARIABLE.length());
  }

  public boolean inHours() {
    return unit == Unit.HOURS;
  }

  /** The local date this expression names in the given calendar (calendar anchors only). */
  public LocalDate dateIn(ElectionCalendar calendar, WorkingDays workingDays) {
    LocalDate base;
    if (VOTING_DAY.equals(anchor)) {
      base = calendar.votingDay();
    } else if (isVariable() || isNow()) {
      throw new IllegalStateException("anchor " + anchor + " is not a calendar date");
    } else {
      String stageCode = anchor.substring(0, anchor.lastIndexOf('.'));
      Stage stage = calendar.stage(stageCode).orElseThrow(() -> new IllegalArgumentException(
          "tahapan '" + stageCode + "' tidak ada di kalender " + calendar.id()));
      base = anchor.endsWith(".start") ? stage.start() : stage.end();
    }
    return shift(base, workingDays);
  }

  /** The base date moved by the offset: calendar days or working days (not for hours). */
  public LocalDate shift(LocalDate base, WorkingDays workingDays) {
    return switch (unit) {
      case DAYS -> base.plusDays(offset);
      case WORKING_DAYS -> workingDays.plus(base, offset);
      case HOURS -> throw new IllegalStateException("an offset in hours moves an instant, not a date");
    };
  }
}

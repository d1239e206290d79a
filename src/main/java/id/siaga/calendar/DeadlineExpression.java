package id.siaga.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deadline as the field says it: {@code H-1 18:00 local} (the day before voting day, 18:00
 * local time), {@code H 07:00}, {@code H+3 12:00}, or relative to a stage:
 * {@code kampanye.start-7 08:00}, {@code masa-tenang.end 23:59}.
 */
public record DeadlineExpression(String anchor, int dayOffset, LocalTime time) {

  /** The anchor of voting day. */
  public static final String VOTING_DAY = "H";

  private static final Pattern SYNTAX = Pattern.compile(
      "^\\s*(H|[a-z0-9-]+\\.(?:start|end))\\s*([+-]\\s*\\d{1,4})?\\s+(\\d{1,2}):(\\d{2})(?:\\s+local)?\\s*$");

  public static DeadlineExpression parse(String text) {
    Matcher m = text == null ? null : SYNTAX.matcher(text);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("tenggat tidak dapat dibaca: '" + text
          + "' (contoh: 'H-1 18:00 local', 'kampanye.start-7 08:00')");
    }
    int offset = m.group(2) == null ? 0 : Integer.parseInt(m.group(2).replace(" ", "").replace("+", ""));
    int hour = Integer.parseInt(m.group(3));
    int minute = Integer.parseInt(m.group(4));
    if (hour > 23 || minute > 59) {
      throw new IllegalArgumentException("jam tidak sah dalam tenggat: '" + text + "'");
    }
    return new DeadlineExpression(m.group(1), offset, LocalTime.of(hour, minute));
  }

  /** The local date this expression names in the given calendar. */
  public LocalDate dateIn(ElectionCalendar calendar) {
    LocalDate base;
    if (VOTING_DAY.equals(anchor)) {
      base = calendar.votingDay();
    } else {
      String stageCode = anchor.substring(0, anchor.lastIndexOf('.'));
      Stage stage = calendar.stage(stageCode).orElseThrow(() -> new IllegalArgumentException(
          "tahapan '" + stageCode + "' tidak ada di kalender " + calendar.id()));
      base = anchor.endsWith(".start") ? stage.start() : stage.end();
    }
    return base.plusDays(dayOffset);
  }
}

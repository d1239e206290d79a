package id.siaga.patrol;

import java.time.Duration;
import java.time.Instant;

/**
 * The situation-report periods of a stage window: period {@code k} starts at the window's start
 * plus {@code k} intervals and ends an interval later, the last one at the window's end. Polres
 * files one report per period, due at its end. Plain rules: no engine, no clock of its own.
 */
public record ReportSchedule(Instant windowStart, Instant windowEnd, Duration interval) {

  public ReportSchedule {
    if (!windowEnd.isAfter(windowStart)) {
      throw new IllegalArgumentException("A stage window ends after it starts: " + windowStart + " – " + windowEnd);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("A report interval is positive: " + interval);
    }
  }

  public static ReportSchedule of(Instant windowStart, Instant windowEnd, int intervalHours) {
    return new ReportSchedule(windowStart, windowEnd, Duration.ofHours(intervalHours));
  }

  /** How many periods the whole window has (the last may be shorter). */
  public int periods() {
    long window = Duration.between(windowStart, windowEnd).toMillis();
    long step = interval.toMillis();
    return Math.toIntExact((window + step - 1) / step);
  }

  public Instant periodStart(int period) {
    requirePeriod(period);
    return windowStart.plus(interval.multipliedBy(period));
  }

  /** When the report of {@code period} is due: the end of the period. */
  public Instant dueAt(int period) {
    requirePeriod(period);
    Instant end = windowStart.plus(interval.multipliedBy(period + 1L));
    return end.isAfter(windowEnd) ? windowEnd : end;
  }

  /**
   * The first period still to be reported when the patrols start at {@code now}: the first one
   * that ends after it. Periods wholly before the start are nobody's report.
   *
   * @return {@link #periods()} when the window is over
   */
  public int firstPeriodAfter(Instant now) {
    for (int k = 0; k < periods(); k++) {
      if (dueAt(k).isAfter(now)) {
        return k;
      }
    }
    return periods();
  }

  private void requirePeriod(int period) {
    if (period < 0 || period >= periods()) {
      throw new IllegalArgumentException("No period " + period + " in a window of " + periods());
    }
  }
}

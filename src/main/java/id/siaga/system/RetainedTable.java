package id.siaga.system;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * A table of the product that keeps rows only for a while; purged nightly by {@link Retention}.
 *
 * @param keep how long a row is kept
 * @param deleteOlderThan removes the rows older than the instant given; returns how many
 */
public record RetainedTable(String name, Duration keep, Function<Instant, Integer> deleteOlderThan) {

  /** Removes the rows older than {@link #keep}, counted back from {@code now}; returns how many. */
  public int purge(Instant now) {
    return deleteOlderThan.apply(now.minus(keep));
  }
}

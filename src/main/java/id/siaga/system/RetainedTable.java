package id.siaga.system;

import java.time.Instant;

/** A table of the product that keeps rows only for a while; purged nightly by {@link Retention}. */
public interface RetainedTable {

  String name();

  /** Removes the rows older than the table's retention, counted back from {@code now}; returns how many. */
  int purge(Instant now);
}

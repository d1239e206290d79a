package id.siaga.patrol;

import java.time.Duration;
import java.time.Instant;

/**
 * The limits and due instants of the security plans. Plain rules (docs/processes/patrol-assignment.md,
 * "Checked input"; tps-security-plan.md).
 */
public final class PatrolPlanning {

  /** Personnel a Polres declares available for stage patrols: the largest Polrestabes has a few thousand. */
  public static final int MAX_POLRES_PERSONNEL = 10_000;
  /** Police a Polres declares available for its TPS on voting day (with its Polsek and BKO already under it). */
  public static final int MAX_TPS_POLICE = 20_000;
  /** Linmas a regional government declares for its TPS: two per TPS in the largest regencies is about 16,000. */
  public static final int MAX_LINMAS = 100_000;
  /** One kecamatan's patrol team, TNI element, Linmas or Satpol PP support. */
  public static final int MAX_TEAM = 500;
  public static final int MAX_KECAMATAN_SUPPORT = 5_000;
  /** TNI on standby for a regency's sangat rawan TPS. */
  public static final int MAX_TNI_STANDBY = 5_000;
  public static final int MAX_PATROLS_PER_DAY = 24;
  public static final int MAX_PERSONNEL_PER_PATROL = 100;
  public static final int MAX_INCIDENTS = 1_000;

  private static final Duration REVIEW_NOTICE = Duration.ofDays(1);
  private static final Duration LEAST_TIME = Duration.ofHours(12);
  private static final Duration ASSIGN_TIME = Duration.ofHours(24);

  private PatrolPlanning() {}

  /**
   * When Polres must have reviewed the plan: a day before the window opens, but never less than
   * 12 hours after the patrols were started (a stage started late still gets half a day).
   */
  public static Instant reviewDue(Instant windowStart, Instant startedAt) {
    return latest(windowStart.minus(REVIEW_NOTICE), startedAt.plus(LEAST_TIME));
  }

  /**
   * When the teams, TNI elements and Pemda support of every kecamatan are due: when the window
   * opens, but never less than 24 hours after the plan was reviewed.
   */
  public static Instant assignDue(Instant windowStart, Instant reviewedAt) {
    return latest(windowStart, reviewedAt.plus(ASSIGN_TIME));
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}

package id.siaga.readiness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The runs of the national start ({@code siaga_readiness_run}, V22): one row per run, its counters,
 * and the node that walks it until its lease ends. Every write of a walker is conditional on its
 * still holding the run, so a node that lost the run (its lease ran out and another node claimed it)
 * writes nothing more.
 */
@Repository
class ReadinessRuns {

  /** A run as the table has it. */
  record Row(String id, String electionId, String provinceCode, String scope, int total, int started, int skipped,
      int failed, String status, boolean stopRequested, String startedBy, Instant startedAt, Instant finishedAt,
      String claimedBy, Instant claimedUntil) {

    int done() {
      return started + skipped + failed;
    }

    NationalStart.Progress progress() {
      return new NationalStart.Progress(id, electionId, scope, total, started, skipped, failed, status, startedAt,
          finishedAt);
    }
  }

  private final JdbcTemplate jdbc;

  ReadinessRuns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A new run, RUNNING and held by {@code owner} until {@code until}. */
  void insert(String id, String electionId, String provinceCode, String scope, int total, String startedBy,
      Instant startedAt, String owner, Instant until) {
    jdbc.update("insert into siaga_readiness_run (id, election_id, province_code, scope, total, started, skipped,"
            + " failed, status, stop_requested, started_by, started_at, claimed_by, claimed_until, updated_at)"
            + " values (?, ?, ?, ?, ?, 0, 0, 0, 'RUNNING', false, ?, ?, ?, ?, ?)",
        id, electionId, provinceCode, scope, total, truncate(startedBy, 64), Timestamp.from(startedAt), owner,
        Timestamp.from(until), Timestamp.from(startedAt));
  }

  Optional<Row> find(String id) {
    return jdbc.query("select * from siaga_readiness_run where id = ?", ReadinessRuns::row, id).stream().findFirst();
  }

  /**
   * Writes the walker's counters and renews its lease, if {@code owner} still holds the run and no
   * stop was asked for. In the transaction of a region's start, the row stays locked until the
   * start commits: another node's claim waits for it and then finds the lease renewed.
   *
   * @return false when the run is no longer this owner's to walk (stopped, taken over or finished)
   */
  boolean advance(String id, String owner, int total, int started, int skipped, int failed, Instant now,
      Instant until) {
    return jdbc.update("update siaga_readiness_run set total = ?, started = ?, skipped = ?, failed = ?,"
            + " claimed_until = ?, updated_at = ? where id = ? and claimed_by = ? and status = 'RUNNING'"
            + " and stop_requested = false",
        total, started, skipped, failed, Timestamp.from(until), Timestamp.from(now), id, owner) == 1;
  }

  /** Ends the run (DONE or STOPPED) with its final counters, if {@code owner} still holds it. */
  boolean finish(String id, String owner, String status, int total, int started, int skipped, int failed,
      Instant now) {
    return jdbc.update("update siaga_readiness_run set status = ?, total = ?, started = ?, skipped = ?, failed = ?,"
            + " finished_at = ?, updated_at = ?, claimed_until = null where id = ? and claimed_by = ?"
            + " and status = 'RUNNING'",
        status, total, started, skipped, failed, Timestamp.from(now), Timestamp.from(now), id, owner) == 1;
  }

  /** Asks the run's walker to stop after its current region; false for an unknown run. */
  boolean requestStop(String id, Instant now) {
    jdbc.update("update siaga_readiness_run set stop_requested = true, updated_at = ? where id = ?"
        + " and status = 'RUNNING'", Timestamp.from(now), id);
    return find(id).isPresent();
  }

  /** Runs asked to stop whose walker is gone (lease run out) are STOPPED now: nobody else would see the request. */
  int stopAbandoned(Instant now) {
    return jdbc.update("update siaga_readiness_run set status = 'STOPPED', finished_at = ?, updated_at = ?,"
            + " claimed_until = null where status = 'RUNNING' and stop_requested = true and claimed_until < ?",
        Timestamp.from(now), Timestamp.from(now), Timestamp.from(now));
  }

  /** The RUNNING runs whose lease ran out before {@code now}. */
  List<String> expired(Instant now) {
    return jdbc.queryForList("select id from siaga_readiness_run where status = 'RUNNING' and claimed_until < ?"
        + " and stop_requested = false order by started_at", String.class, Timestamp.from(now));
  }

  /**
   * Claims a RUNNING run whose lease ran out for {@code owner}: a conditional update that one
   * caller wins; the others (and any later write of the previous owner) find the row changed.
   */
  boolean claimExpired(String id, String owner, Instant now, Instant until) {
    return jdbc.update("update siaga_readiness_run set claimed_by = ?, claimed_until = ?, updated_at = ?"
            + " where id = ? and status = 'RUNNING' and stop_requested = false and claimed_until < ?",
        owner, Timestamp.from(until), Timestamp.from(now), id, Timestamp.from(now)) == 1;
  }

  /** The region codes walking the election (for the recount at the end of a run). */
  Set<String> walkingRegions(String electionId) {
    return new HashSet<>(jdbc.queryForList("select region_code from siaga_regional_readiness where election_id = ?",
        String.class, electionId));
  }

  private static Row row(ResultSet rs, int i) throws SQLException {
    return new Row(rs.getString("id"), rs.getString("election_id"), rs.getString("province_code"),
        rs.getString("scope"), rs.getInt("total"), rs.getInt("started"), rs.getInt("skipped"), rs.getInt("failed"),
        rs.getString("status"), rs.getBoolean("stop_requested"), rs.getString("started_by"),
        instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")), rs.getString("claimed_by"),
        instant(rs.getTimestamp("claimed_until")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static String truncate(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }
}

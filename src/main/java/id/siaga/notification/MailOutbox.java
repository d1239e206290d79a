package id.siaga.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The outbox table ({@code siaga_mail_outbox}): one row per mail key, PENDING until sent. */
@Repository
public class MailOutbox {

  /**
   * A row of the outbox.
   *
   * @param executionId the execution the mail is about, or null
   * @param incidentId the open incident about this mail ({@link MailIncidents}), {@value MailIncidents#NO_EXECUTION}
   *     when none could be raised, or null
   */
  public record Entry(String id, MailKey key, String status, String recipients, String subject, int attempts,
      String lastError, Instant createdAt, Instant sentAt, String executionId, String incidentId) {}

  private final JdbcTemplate jdbc;

  MailOutbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Entry> find(MailKey key) {
    return jdbc.query("select * from siaga_mail_outbox where subject_key = ? and kind = ? and level_key = ?",
        (rs, row) -> new Entry(rs.getString("id"),
            new MailKey(rs.getString("subject_key"), new MailKind(rs.getString("kind")), rs.getString("level_key")),
            rs.getString("status"), rs.getString("recipients"), rs.getString("subject"), rs.getInt("attempts"),
            rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
            rs.getString("execution_id"), rs.getString("incident_id")),
        key.subject(), key.kind().name(), key.level()).stream().findFirst();
  }

  public long count(String status) {
    return jdbc.queryForObject("select count(*) from siaga_mail_outbox where status = ?", Long.class, status);
  }

  public List<MailKey> keysOf(String subject) {
    return jdbc.query("select subject_key, kind, level_key from siaga_mail_outbox where subject_key = ?"
            + " order by created_at", (rs, row) -> new MailKey(rs.getString(1), new MailKind(rs.getString(2)),
        rs.getString(3)), subject);
  }

  /**
   * Queues a mail of a batch: a PENDING row for the key, sent later with the other rows of the same
   * batch key by {@link MailBatches}. Runs in the caller's transaction (the step that decided the
   * mail), so the row commits or rolls back with it.
   *
   * @param executionId the execution the mail is about (a task's), where {@link MailIncidents}
   *     raises an incident while the mail cannot be sent; null for none
   * @return false when the key was queued or sent before (nothing changes)
   */
  public boolean enqueue(MailKey key, String batchKey, Instant at, String executionId) {
    return jdbc.update("insert into siaga_mail_outbox (id, subject_key, kind, level_key, status, message_id,"
            + " created_at, batch_key, execution_id) select ?, ?, ?, ?, 'PENDING', ?, ?, ?, ? from (values (1)) as one"
            + " where not exists (select 1 from siaga_mail_outbox where subject_key = ? and kind = ? and level_key = ?)",
        UUID.randomUUID().toString(), key.subject(), key.kind().name(), key.level(),
        "<" + UUID.randomUUID() + "@siaga-pilkada>", Timestamp.from(at), batchKey, executionId,
        key.subject(), key.kind().name(), key.level()) == 1;
  }

  /** {@link #enqueue(MailKey, String, Instant, String)} for a mail about no execution. */
  public boolean enqueue(MailKey key, String batchKey, Instant at) {
    return enqueue(key, batchKey, at, null);
  }

  /** The batch keys with a row ready to send: queued at or before {@code readyBefore}, unclaimed or its claim run out. */
  List<String> readyBatches(Instant readyBefore, Instant now) {
    return jdbc.queryForList("select distinct batch_key from siaga_mail_outbox where batch_key is not null"
            + " and created_at <= ? and (status = 'PENDING' or (status = 'SENDING' and claimed_until < ?))",
        String.class, Timestamp.from(readyBefore), Timestamp.from(now));
  }

  /** Claims up to {@code max} ready rows of a batch, oldest first, for {@code owner}; returns the keys it now holds. */
  List<MailKey> claimBatch(String batchKey, String owner, Instant readyBefore, Instant now, Instant until, int max) {
    jdbc.update("update siaga_mail_outbox set status = 'SENDING', claimed_by = ?, claimed_until = ?,"
            + " attempts = attempts + 1 where id in (select id from siaga_mail_outbox where batch_key = ?"
            + " and created_at <= ? and (status = 'PENDING' or (status = 'SENDING' and claimed_until < ?))"
            + " order by created_at, subject_key limit ?)"
            + " and (status = 'PENDING' or (status = 'SENDING' and claimed_until < ?))",
        owner, Timestamp.from(until), batchKey, Timestamp.from(readyBefore), Timestamp.from(now), max,
        Timestamp.from(now));
    return jdbc.query("select subject_key, kind, level_key from siaga_mail_outbox where claimed_by = ?"
            + " and status = 'SENDING' order by created_at, subject_key",
        (rs, row) -> new MailKey(rs.getString(1), new MailKind(rs.getString(2)), rs.getString(3)), owner);
  }

  /** Records what the batch's mail says, on every row it covers. */
  void recordBatch(String owner, String recipients, String subject, String messageId) {
    jdbc.update("update siaga_mail_outbox set recipients = ?, subject = ?, message_id = ? where claimed_by = ?",
        truncate(recipients, 4000), truncate(subject, 400), messageId, owner);
  }

  /** Ends the claim on one key of a batch: SENT or SKIPPED (with a note), or PENDING again after a failure. */
  void finishClaimed(MailKey key, String owner, String status, String note) {
    if ("PENDING".equals(status)) {
      release(key, owner, note);
    } else {
      markDone(key, owner, status, note);
    }
  }

  /** A PENDING row for a mail sent at once ({@link Mailer#sendOnce}), about this execution (or null). */
  void insertPending(MailKey key, String executionId) {
    jdbc.update("insert into siaga_mail_outbox (id, subject_key, kind, level_key, status, message_id, created_at,"
            + " execution_id) values (?, ?, ?, ?, 'PENDING', ?, ?, ?)", UUID.randomUUID().toString(), key.subject(),
        key.kind().name(), key.level(), "<" + UUID.randomUUID() + "@siaga-pilkada>",
        Timestamp.from(Instant.now()), executionId);
  }

  void insertPending(MailKey key) {
    insertPending(key, null);
  }

  void recordAttempt(MailKey key, String recipients, String subject) {
    jdbc.update("update siaga_mail_outbox set attempts = attempts + 1, recipients = ?, subject = ?"
            + " where subject_key = ? and kind = ? and level_key = ?", truncate(recipients, 4000),
        truncate(subject, 400), key.subject(), key.kind().name(), key.level());
  }

  /**
   * Claims the row for {@code owner} until {@code until}: a conditional update that succeeds for
   * one caller only, while the row is PENDING or its previous claim has run out.
   *
   * @return true when this owner holds the claim now
   */
  boolean claim(MailKey key, String owner, Instant now, Instant until) {
    return jdbc.update("update siaga_mail_outbox set status = 'SENDING', claimed_by = ?, claimed_until = ?"
            + " where subject_key = ? and kind = ? and level_key = ?"
            + " and (status = 'PENDING' or (status = 'SENDING' and claimed_until < ?))",
        owner, Timestamp.from(until), key.subject(), key.kind().name(), key.level(), Timestamp.from(now)) == 1;
  }

  /** The send failed: the row is PENDING again for the next attempt, if this owner still holds it. */
  void release(MailKey key, String owner, String error) {
    jdbc.update("update siaga_mail_outbox set status = 'PENDING', claimed_by = null, claimed_until = null,"
            + " last_error = ? where subject_key = ? and kind = ? and level_key = ? and claimed_by = ?"
            + " and status = 'SENDING'",
        truncate(error, 1000), key.subject(), key.kind().name(), key.level(), owner);
  }

  void markDone(MailKey key, String owner, String status, String note) {
    jdbc.update("update siaga_mail_outbox set status = ?, sent_at = ?, last_error = coalesce(?, last_error)"
            + " where subject_key = ? and kind = ? and level_key = ? and claimed_by = ?", status,
        Timestamp.from(Instant.now()), truncate(note, 1000), key.subject(), key.kind().name(), key.level(), owner);
  }

  String messageId(MailKey key) {
    return jdbc.queryForObject("select message_id from siaga_mail_outbox where subject_key = ? and kind = ?"
        + " and level_key = ?", String.class, key.subject(), key.kind().name(), key.level());
  }

  // ---- incidents (MailIncidents)

  /** A row whose mail failed often enough for an incident. */
  record Failing(String id, MailKey key, String executionId, String lastError) {}

  /**
   * The rows not yet sent that failed at least {@code failures} times, about an execution, with no
   * incident yet; ordered by execution. A PENDING row's attempts all failed; a SENDING row's last
   * attempt may still be running, so it needs one attempt more.
   */
  List<Failing> failingWithoutIncident(int failures) {
    return jdbc.query("select id, subject_key, kind, level_key, execution_id, last_error from siaga_mail_outbox"
            + " where incident_id is null and execution_id is not null and last_error is not null"
            + " and ((status = 'PENDING' and attempts >= ?) or (status = 'SENDING' and attempts > ?))"
            + " order by execution_id, created_at, subject_key",
        (rs, row) -> new Failing(rs.getString(1), new MailKey(rs.getString(2), new MailKind(rs.getString(3)),
            rs.getString(4)), rs.getString(5), rs.getString(6)), failures, failures);
  }

  /**
   * Sets the incident of those of these rows that have none yet and are not sent: a conditional
   * update, so that of two nodes only one takes a row.
   *
   * @return how many rows it took
   */
  int takeForIncident(List<String> ids, String incidentId) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.update("update siaga_mail_outbox set incident_id = ? where incident_id is null"
        + " and status in ('PENDING', 'SENDING') and id in (" + String.join(", ", ids.stream().map(id -> "?").toList())
        + ")", java.util.stream.Stream.concat(java.util.stream.Stream.of(incidentId), ids.stream()).toArray());
  }

  /** The keys of the rows with this incident. */
  List<MailKey> keysOfIncident(String incidentId) {
    return jdbc.query("select subject_key, kind, level_key from siaga_mail_outbox where incident_id = ?"
            + " order by created_at, subject_key",
        (rs, row) -> new MailKey(rs.getString(1), new MailKind(rs.getString(2)), rs.getString(3)), incidentId);
  }

  /** Replaces the incident id of every row that has {@code from}. */
  int replaceIncident(String from, String to) {
    return jdbc.update("update siaga_mail_outbox set incident_id = ? where incident_id = ?", to, from);
  }

  /**
   * The incidents of which every row is sent or skipped, to be resolved. Rows with
   * {@link MailIncidents#NO_EXECUTION} have none.
   */
  List<String> incidentsDone() {
    return jdbc.queryForList("select distinct incident_id from siaga_mail_outbox finished where incident_id is not null"
        + " and incident_id <> ? and status in ('SENT', 'SKIPPED') and not exists (select 1 from siaga_mail_outbox"
        + " still_open where still_open.incident_id = finished.incident_id and still_open.status in ('PENDING', 'SENDING'))",
        String.class, MailIncidents.NO_EXECUTION);
  }

  /**
   * Clears this incident from its rows once all of them are sent or skipped.
   *
   * @return how many rows it cleared (0: none had it, or one is still to be sent)
   */
  int clearIncident(String incidentId) {
    return jdbc.update("update siaga_mail_outbox set incident_id = null where incident_id = ? and not exists"
        + " (select 1 from siaga_mail_outbox still_open where still_open.incident_id = ? and still_open.status in ('PENDING', 'SENDING'))",
        incidentId, incidentId);
  }

  /** Removes SENT and SKIPPED rows sent before {@code before}; returns how many. */
  int purgeSentBefore(Instant before) {
    return jdbc.update("delete from siaga_mail_outbox where status in ('SENT', 'SKIPPED') and sent_at < ?",
        Timestamp.from(before));
  }

  private static String truncate(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }
}

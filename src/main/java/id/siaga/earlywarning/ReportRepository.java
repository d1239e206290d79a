package id.siaga.earlywarning;

import id.siaga.threat.ThreatCategory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The early-warning reports, their routing decisions and their numbers. */
@Repository
public class ReportRepository {

  /** One routing decision of a report: where triage sent it, and whether it came back. */
  public record Routing(int seq, String category, String route, String handlingGroup, String decidedBy,
      Instant decidedAt, String returnedBy, Instant returnedAt, String returnedReason) {}

  /** One Sentra Gakkumdu step of a report: its decision and whether it came within its due instant. */
  public record Step(int seq, String step, String decision, String notes, Instant dueAt, String decidedBy,
      Instant decidedAt) {}

  /** A regency's reports, or a province's (its code and "73.%": reports are filed for regencies only). */
  private static final String REGION_OR_PROVINCE = "(region_code = ? or region_code like ?)";

  private final JdbcTemplate jdbc;

  ReportRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The next number of a prefix ({@code LK-7373-2026}), from 1; safe between concurrent filings. */
  int nextNumber(String prefix) {
    for (int attempt = 0; attempt < 5; attempt++) {
      if (jdbc.update("update siaga_report_counter set last_number = last_number + 1 where prefix = ?", prefix) == 1) {
        return jdbc.queryForObject("select last_number from siaga_report_counter where prefix = ?", Integer.class, prefix);
      }
      try {
        jdbc.update("insert into siaga_report_counter (prefix, last_number) values (?, 1)", prefix);
        return 1;
      } catch (DuplicateKeyException raced) {
        // another filing created the counter first: take the next number from it
      }
    }
    throw new IllegalStateException("no report number for " + prefix);
  }

  void insert(Report r) {
    jdbc.update("insert into siaga_report (report_id, process_instance_id, region_code, district_code, category,"
            + " severity, observed_at, observed_local, description, reporter_contact, on_behalf_of, filed_by,"
            + " filed_by_group, filed_at, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.reportId(), r.processInstanceId(), r.regionCode(), r.districtCode(), r.category().name(), r.severity().name(),
        ts(r.observedAt()), r.observedLocal().toString(), r.description(), r.reporterContact(),
        r.onBehalfOf() == null ? null : r.onBehalfOf().name(), r.filedBy(), r.filedByGroup(), ts(r.filedAt()),
        r.status());
  }

  public Optional<Report> find(String reportId) {
    return jdbc.query("select * from siaga_report where report_id = ?", ReportRepository::report, reportId).stream()
        .findFirst();
  }

  Optional<Report> findByProcessInstance(String processInstanceId) {
    return jdbc.query("select * from siaga_report where process_instance_id = ?", ReportRepository::report,
        processInstanceId).stream().findFirst();
  }

  /** The reports of a region, newest first, optionally of one category and status. */
  public List<Report> query(String regionCode, String category, String status) {
    StringBuilder sql = new StringBuilder("select * from siaga_report where region_code = ?");
    List<Object> args = new ArrayList<>(List.of(regionCode));
    if (category != null) {
      sql.append(" and category = ?");
      args.add(category);
    }
    if (status != null) {
      sql.append(" and status = ?");
      args.add(status);
    }
    sql.append(" order by filed_at desc, report_id desc");
    return jdbc.query(sql.toString(), ReportRepository::report, args.toArray());
  }

  /** Open reports (not yet closed) of a regency, or of every regency of a province, by severity. */
  java.util.Map<Severity, Integer> openBySeverity(String regionCode) {
    java.util.Map<Severity, Integer> counts = new java.util.EnumMap<>(Severity.class);
    jdbc.query("select severity, count(*) from siaga_report where " + REGION_OR_PROVINCE + " and status in (?, ?)"
        + " group by severity", rs -> {
          counts.put(Severity.valueOf(rs.getString(1)), rs.getInt(2));
        }, regionCode, regionCode + ".%", Report.DITERIMA, Report.DITERUSKAN);
    return counts;
  }

  /** Reports of a regency (or a province's regencies) closed since an instant. */
  int closedSince(String regionCode, Instant since) {
    return jdbc.queryForObject("select count(*) from siaga_report where " + REGION_OR_PROVINCE
        + " and status in (?, ?, ?) and resolved_at >= ?", Integer.class, regionCode, regionCode + ".%",
        Report.SELESAI, Report.DIGABUNG, Report.DITOLAK, ts(since));
  }

  /** Triage sends the report (again) to an agency: a routing row, and the report DITERUSKAN. */
  void route(String reportId, ThreatCategory category, String route, String handlingGroup, String by, Instant at) {
    int seq = jdbc.queryForObject("select coalesce(max(seq), 0) + 1 from siaga_report_routing where report_id = ?",
        Integer.class, reportId);
    jdbc.update("insert into siaga_report_routing (report_id, seq, category, route, handling_group, decided_by,"
        + " decided_at) values (?, ?, ?, ?, ?, ?, ?)", reportId, seq, category.name(), route, handlingGroup, by, ts(at));
    jdbc.update("update siaga_report set status = ?, category = ?, route = ?, handling_group = ? where report_id = ?",
        Report.DITERUSKAN, category.name(), route, handlingGroup, reportId);
  }

  /** The handling agency says it is not its remit: recorded on the last routing, the report back at triage. */
  void returnToTriage(String reportId, String by, Instant at, String reason) {
    jdbc.update("update siaga_report_routing set returned_by = ?, returned_at = ?, returned_reason = ?"
        + " where report_id = ? and seq = (select max(seq) from siaga_report_routing where report_id = ?)",
        by, ts(at), reason, reportId, reportId);
    jdbc.update("update siaga_report set status = ?, handling_group = null where report_id = ?", Report.DITERIMA,
        reportId);
  }

  List<Routing> routings(String reportId) {
    return jdbc.query("select * from siaga_report_routing where report_id = ? order by seq", (rs, i) -> new Routing(
        rs.getInt("seq"), rs.getString("category"), rs.getString("route"), rs.getString("handling_group"),
        rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("returned_by"),
        instant(rs, "returned_at"), rs.getString("returned_reason")), reportId);
  }

  void insertStep(String reportId, String step, String decision, String notes, Instant dueAt, String by, Instant at) {
    int seq = jdbc.queryForObject("select coalesce(max(seq), 0) + 1 from siaga_report_step where report_id = ?",
        Integer.class, reportId);
    jdbc.update("insert into siaga_report_step (report_id, seq, step, decision, notes, due_at, decided_by, decided_at)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?)", reportId, seq, step, decision, notes, ts(dueAt), by, ts(at));
  }

  public List<Step> steps(String reportId) {
    return jdbc.query("select * from siaga_report_step where report_id = ? order by seq", (rs, i) -> new Step(
        rs.getInt("seq"), rs.getString("step"), rs.getString("decision"), rs.getString("notes"),
        instant(rs, "due_at"), rs.getString("decided_by"), instant(rs, "decided_at")), reportId);
  }

  /** The outcome known before the report closes (an offence going to investigation), the report still open. */
  void recordOutcome(String reportId, ReportOutcome outcome, String notes) {
    jdbc.update("update siaga_report set outcome = ?, outcome_notes = ? where report_id = ?", outcome.name(), notes,
        reportId);
  }

  void merge(String reportId, String into, String by, Instant at) {
    jdbc.update("update siaga_report set status = ?, merged_into = ?, resolved_by = ?, resolved_at = ?"
        + " where report_id = ?", Report.DIGABUNG, into, by, ts(at), reportId);
  }

  void reject(String reportId, String reason, String by, Instant at) {
    jdbc.update("update siaga_report set status = ?, rejection_reason = ?, resolved_by = ?, resolved_at = ?"
        + " where report_id = ?", Report.DITOLAK, reason, by, ts(at), reportId);
  }

  void acknowledge(String reportId, String by, Instant at, String text) {
    jdbc.update("update siaga_report set acknowledged_by = ?, acknowledged_at = ?, acknowledgement = ?"
        + " where report_id = ?", by, ts(at), text, reportId);
  }

  void resolve(String reportId, ReportOutcome outcome, String notes, String sanction, String by, Instant at) {
    jdbc.update("update siaga_report set status = ?, outcome = ?, outcome_notes = ?, sanction = ?, resolved_by = ?,"
        + " resolved_at = ? where report_id = ?", Report.SELESAI, outcome.name(), notes, sanction, by, ts(at), reportId);
  }

  private static Report report(ResultSet rs, int row) throws SQLException {
    String onBehalf = rs.getString("on_behalf_of");
    String outcome = rs.getString("outcome");
    return new Report(rs.getString("report_id"), rs.getString("process_instance_id"), rs.getString("region_code"),
        rs.getString("district_code"), ThreatCategory.valueOf(rs.getString("category")),
        Severity.valueOf(rs.getString("severity")), instant(rs, "observed_at"),
        LocalDateTime.parse(rs.getString("observed_local")), rs.getString("description"),
        rs.getString("reporter_contact"), onBehalf == null ? null : FieldStaff.valueOf(onBehalf),
        rs.getString("filed_by"), rs.getString("filed_by_group"), instant(rs, "filed_at"), rs.getString("status"),
        rs.getString("route"), rs.getString("handling_group"), rs.getString("merged_into"),
        rs.getString("rejection_reason"), rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"),
        rs.getString("acknowledgement"), outcome == null ? null : ReportOutcome.valueOf(outcome),
        rs.getString("outcome_notes"), rs.getString("sanction"), rs.getString("resolved_by"),
        instant(rs, "resolved_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}

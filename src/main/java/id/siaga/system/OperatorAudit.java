package id.siaga.system;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who ran an operator's tool (start part-way, modification, retries, variables, suspension…),
 * what, when, through which request, and with what outcome; refused attempts by other users too.
 * Written in a transaction of its own, so that the record stays when the act itself fails or
 * rolls back. Read by auditors through {@code GET /api/admin/audit}.
 */
@Repository
public class OperatorAudit {

  /** One record. */
  public record Entry(String id, Instant at, String userId, String groups, String action, String request,
      String outcome) {}

  static final String DONE = "DILAKUKAN";
  static final String FAILED = "GAGAL";
  static final String REFUSED = "DITOLAK";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  OperatorAudit(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  void record(String userId, List<String> groups, String action, String outcome) {
    ownTransaction.executeWithoutResult(tx -> jdbc.update("insert into siaga_operator_audit"
            + " (id, at, user_id, groups_list, action, request, outcome) values (?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), Timestamp.from(Instant.now()), userId,
        cut(groups == null ? "" : String.join(",", groups), 1000), cut(action, 2000), cut(currentRequest(), 500),
        cut(outcome, 1000)));
  }

  /** The newest records first, at most {@code limit}. */
  public List<Entry> latest(int limit) {
    return jdbc.query("select * from siaga_operator_audit order by at desc limit ?", (rs, row) -> new Entry(rs.getString("id"),
        rs.getTimestamp("at").toInstant(), rs.getString("user_id"), rs.getString("groups_list"), rs.getString("action"),
        rs.getString("request"), rs.getString("outcome")), limit);
  }

  /** Removes records older than {@code before}; returns how many. */
  int purgeBefore(Instant before) {
    return jdbc.update("delete from siaga_operator_audit where at < ?", Timestamp.from(before));
  }

  private static String currentRequest() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      var request = attributes.getRequest();
      return request.getMethod() + " " + request.getRequestURI();
    }
    return null;
  }

  private static String cut(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }
}

package id.siaga.system;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The operator audit is kept for {@code siaga.retention.audit} (two years: past the next election's audit). */
@Component
class AuditRetention implements RetainedTable {

  private final OperatorAudit audit;
  private final Duration keep;

  AuditRetention(OperatorAudit audit, @Value("${siaga.retention.audit:P730D}") Duration keep) {
    this.audit = audit;
    this.keep = keep;
  }

  @Override
  public String name() {
    return "siaga_operator_audit";
  }

  @Override
  public int purge(Instant now) {
    return audit.purgeBefore(now.minus(keep));
  }
}

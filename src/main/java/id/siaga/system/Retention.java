package id.siaga.system;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The nightly purge of the product's own tables at 02:30 WIB, inside the night window of Camunda's
 * history cleanup: every {@link RetainedTable} removes what is older than its retention. Each
 * purge is one idempotent delete, so two nodes running it at once do no harm.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Retention {

  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

  private final ObjectProvider<RetainedTable> tables;

  Retention(ObjectProvider<RetainedTable> tables) {
    this.tables = tables;
  }

  /** The operator audit is kept two years: past the next election's audit. */
  @Bean
  RetainedTable operatorAuditRetention(OperatorAudit audit, @Value("${siaga.retention.audit:P730D}") Duration keep) {
    return new RetainedTable("siaga_operator_audit", keep, audit::purgeBefore);
  }

  @Scheduled(cron = "0 30 2 * * *", zone = "Asia/Jakarta")
  void nightly() {
    Instant now = Instant.now();
    for (RetainedTable table : tables) {
      int removed = table.purge(now);
      if (removed > 0) {
        LOG.info("Retention: removed {} row(s) of {}", removed, table.name());
      }
    }
  }
}

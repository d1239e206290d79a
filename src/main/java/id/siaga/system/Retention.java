package id.siaga.system;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The nightly purge of the product's own tables, in the same night window as Camunda's history
 * cleanup (01:00–05:00 WIB): every {@link RetainedTable} removes what is older than its retention. Each
 * purge is one idempotent delete, so two nodes running it at once do no harm.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Retention {

  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

  private final List<RetainedTable> purges;

  Retention(List<RetainedTable> purges) {
    this.purges = purges;
  }

  @Scheduled(cron = "0 30 2 * * *", zone = "Asia/Jakarta")
  void nightly() {
    Instant now = Instant.now();
    for (RetainedTable purge : purges) {
      int removed = purge.purge(now);
      if (removed > 0) {
        LOG.info("Retention: removed {} row(s) of {}", removed, purge.name());
      }
    }
  }
}

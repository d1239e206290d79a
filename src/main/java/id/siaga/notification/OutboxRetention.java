package id.siaga.notification;

import id.siaga.system.RetainedTable;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox keeps a sent or skipped mail's row for {@code siaga.retention.outbox} (a year, like
 * the process history, so that "was this reminder sent?" can be answered in an audit); pending
 * rows are never purged.
 */
@Configuration(proxyBeanMethods = false)
class OutboxRetention {

  @Bean
  RetainedTable mailOutboxRetention(MailOutbox outbox, @Value("${siaga.retention.outbox:P365D}") Duration keep) {
    return new RetainedTable("siaga_mail_outbox", keep, outbox::purgeSentBefore);
  }
}

package id.siaga.notification;

import id.siaga.system.RetainedTable;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The outbox keeps a sent or skipped mail's row for {@code siaga.retention.outbox} (a year, like
 * the process history, so that "was this reminder sent?" can be answered in an audit); pending
 * rows are never purged.
 */
@Component
class OutboxRetention implements RetainedTable {

  private final MailOutbox outbox;
  private final Duration keep;

  OutboxRetention(MailOutbox outbox, @Value("${siaga.retention.outbox:P365D}") Duration keep) {
    this.outbox = outbox;
    this.keep = keep;
  }

  @Override
  public String name() {
    return "siaga_mail_outbox";
  }

  @Override
  public int purge(Instant now) {
    return outbox.purgeSentBefore(now.minus(keep));
  }
}

package id.siaga.digest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** "Kirim ringkasan harian" (hourly, asynchronous, retried): the digests due this hour. */
@Component("sendDailyDigest")
class SendDailyDigestDelegate implements JavaDelegate {

  private final DailyDigest digest;

  SendDailyDigestDelegate(DailyDigest digest) {
    this.digest = digest;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("digestsSent", digest.sendDue(ClockUtil.getCurrentTime().toInstant()));
  }
}

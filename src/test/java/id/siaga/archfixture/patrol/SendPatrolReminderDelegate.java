package id.siaga.archfixture.patrol;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A delegate: an adapter, which may use Camunda. */
public class SendPatrolReminderDelegate implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("reminded", true);
  }
}

package id.siaga.archfixture.patrol;

import id.siaga.system.EngineAdapter;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Marked as the feature's engine adapter: it and its nested classes may use Camunda. */
@EngineAdapter
public class PatrolProcess {
  PatrolReport report(DelegateExecution execution) {
    return new PatrolReport((String) execution.getVariable("kecamatan"));
  }

  public static final class Clock {
    Instant now() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}

package id.siaga.archfixture.patrol;

import id.siaga.archfixture.meeting.MeetingMinutes;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A rule class of the patrol feature that breaks two rules: it reads the engine's clock
 * ({@code org.camunda}) and uses another feature's class.
 */
public class PatrolSchedule {
  Instant next() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  String agreedIn(MeetingMinutes minutes) {
    return minutes.text();
  }
}

package id.siaga.logistics;

import id.siaga.agency.GlobalGrants;
import id.siaga.system.EngineAdapter;
import org.camunda.bpm.engine.AuthorizationService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Every user may see the start form of {@code logistics-distribution} in Tasklist and submit it;
 * who may actually start a leg (KPU of the regency or city, or its Kesbangpol coordinator) is
 * checked when the leg is registered, from the user's groups, and refused with a message
 * otherwise. A global grant like the Rakor's (MeetingAccess): the agencies are imported in the
 * background after start-up, so per-group grants would have to follow every import.
 */
@EngineAdapter
@Component
class LogisticsAccess implements ApplicationRunner {

  private final AuthorizationService authorizations;

  LogisticsAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    GlobalGrants.startableByEveryone(authorizations, LogisticsVariables.PROCESS_KEY);
  }
}

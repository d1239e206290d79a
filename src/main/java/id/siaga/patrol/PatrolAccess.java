package id.siaga.patrol;

import id.siaga.agency.GlobalGrants;
import id.siaga.system.EngineAdapter;
import org.camunda.bpm.engine.AuthorizationService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Every user may see the start forms of {@code patrol-assignment} and {@code tps-security-plan}
 * in Tasklist and submit them; who may actually start (Polres of the regency or city, its
 * Kesbangpol coordinator, an administrator) is checked when the plan is registered, from the
 * user's groups. {@code reinforcement-request} gets no grant: only the plans' call activities
 * start it.
 */
@EngineAdapter
@Component
class PatrolAccess implements ApplicationRunner {

  private final AuthorizationService authorizations;

  PatrolAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    GlobalGrants.startableByEveryone(authorizations, PatrolVariables.PATROL_PROCESS);
    GlobalGrants.startableByEveryone(authorizations, PatrolVariables.GUARD_PROCESS);
  }
}

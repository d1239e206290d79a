package id.siaga.meeting;

import id.siaga.agency.GlobalGrants;
import id.siaga.system.EngineAdapter;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Any agency may convene a coordination meeting (Kesbangpol usually does; Polres Malang convened
 * its own), so every user may see and start {@code coordination-meeting} from Tasklist. Who
 * convenes is checked when the meeting is registered: the starter must belong to the convening
 * agency.
 */
@EngineAdapter
@Component
class MeetingAccess implements ApplicationRunner {

  private final AuthorizationService authorizations;

  MeetingAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    GlobalGrants.startableByEveryone(authorizations, MeetingVariables.PROCESS_KEY);
    GlobalGrants.grantToEveryone(authorizations, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
  }
}

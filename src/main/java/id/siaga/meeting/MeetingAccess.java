package id.siaga.meeting;

import id.siaga.system.EngineAdapter;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
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
    grantToEveryone(Resources.PROCESS_DEFINITION, MeetingVariables.PROCESS_KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grantToEveryone(Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
  }

  private void grantToEveryone(Resource resource, String resourceId, Permission... permissions) {
    Authorization global = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(resourceId).list().stream().findFirst().orElse(null);
    if (global == null) {
      global = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      global.setUserId(Authorization.ANY);
      global.setResource(resource);
      global.setResourceId(resourceId);
    }
    boolean missing = false;
    for (Permission permission : permissions) {
      if (!global.isPermissionGranted(permission)) {
        global.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(global);
    }
  }
}

package id.siaga.agency;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Global grants (to every user) that a feature needs: a start form everyone may see and submit,
 * whose registering step then decides from the user's groups who may really start. Idempotent:
 * an existing grant is completed, never duplicated.
 */
public final class GlobalGrants {

  private GlobalGrants() {}

  /** READ and CREATE_INSTANCE on the process definition {@code processKey} for every user. */
  public static void startableByEveryone(AuthorizationService authorizations, String processKey) {
    grantToEveryone(authorizations, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
  }

  public static void grantToEveryone(AuthorizationService authorizations, Resource resource, String resourceId,
      Permission... permissions) {
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

package id.siaga.logistics;

import id.siaga.system.EngineAdapter;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
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
    Authorization global = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(LogisticsVariables.PROCESS_KEY).list().stream()
        .findFirst().orElse(null);
    if (global == null) {
      global = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      global.setUserId(Authorization.ANY);
      global.setResource(Resources.PROCESS_DEFINITION);
      global.setResourceId(LogisticsVariables.PROCESS_KEY);
    }
    if (!global.isPermissionGranted(ProcessDefinitionPermissions.READ)
        || !global.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)) {
      global.addPermission(ProcessDefinitionPermissions.READ);
      global.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
      authorizations.saveAuthorization(global);
    }
  }
}

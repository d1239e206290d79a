package id.siaga.agency;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * The standing authorizations of agency groups: every agency gets Tasklist; coordinators
 * (Kesbangpol and the national desk) also get Cockpit and may read the process definitions; the
 * national desk reads every process instance. Which instances a regional coordinator sees is
 * granted per instance by {@link InstanceAccessPlugin}.
 */
@Component
public class AgencyAccess {

  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";

  private final AuthorizationService authorizations;

  AgencyAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /** Grants what is missing; returns how many grants it created. */
  int grantApplications(List<Agency> agencies) {
    int created = 0;
    created += grantMissing(Resources.APPLICATION, TASKLIST, agencies.stream()
        .map(Agency::groupId).toList(), Permissions.ACCESS);
    List<String> coordinators = agencies.stream().filter(Agency::coordinates).map(Agency::groupId).toList();
    created += grantMissing(Resources.APPLICATION, COCKPIT, coordinators, Permissions.ACCESS);
    created += grantMissing(Resources.PROCESS_DEFINITION, Authorization.ANY, coordinators.stream()
        .filter(id -> !Agency.NATIONAL_DESK.equals(id)).toList(), ProcessDefinitionPermissions.READ);
    if (coordinators.contains(Agency.NATIONAL_DESK)) {
      List<String> desk = List.of(Agency.NATIONAL_DESK);
      created += grantMissing(Resources.PROCESS_DEFINITION, Authorization.ANY, desk,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
      created += grantMissing(Resources.PROCESS_INSTANCE, Authorization.ANY, desk, Permissions.READ);
    }
    return created;
  }

  /** Creates a grant for each group that has none yet with these permissions on the resource. */
  private int grantMissing(Resource resource, String id, Collection<String> groupIds,
      Permission... permissions) {
    Set<String> granted = authorizations.createAuthorizationQuery()
        .resourceType(resource).resourceId(id).list().stream()
        .filter(a -> a.getGroupId() != null)
        .filter(a -> hasAll(a, permissions))
        .map(Authorization::getGroupId).collect(Collectors.toCollection(HashSet::new));
    int created = 0;
    for (String groupId : groupIds) {
      if (granted.add(groupId)) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(resource);
        grant.setResourceId(id);
        for (Permission permission : permissions) {
          grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
        created++;
      }
    }
    return created;
  }

  private static boolean hasAll(Authorization authorization, Permission... permissions) {
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        return false;
      }
    }
    return true;
  }
}

package id.siaga.agency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
  /** Groups asked for in one authorization query (an IN list; databases bound its length). */
  static final int GROUPS_PER_QUERY = 500;

  private final AuthorizationService authorizations;

  AgencyAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /**
   * The grants these agencies lack, not yet saved: Tasklist for every agency; Cockpit and reading
   * process definitions for coordinators; reading every instance for the national desk.
   */
  List<Authorization> missingGrants(List<Agency> agencies) {
    List<Authorization> missing = new ArrayList<>();
    missing.addAll(missing(Resources.APPLICATION, TASKLIST, agencies.stream()
        .map(Agency::groupId).toList(), Permissions.ACCESS));
    List<String> coordinators = agencies.stream().filter(Agency::coordinates).map(Agency::groupId).toList();
    missing.addAll(missing(Resources.APPLICATION, COCKPIT, coordinators, Permissions.ACCESS));
    // Reading the process definitions (Cockpit's list, diagrams): one global grant, not one row per
    // coordinator. Every task query checks the rows on resource '*' once per open task (H2 cannot
    // reorder the query's outer joins), so 547 coordinators' rows there made each officer's Tasklist
    // count 16 times slower at 20,000 tasks (docs/performance.md, "Tasklist at scale").
    if (!coordinators.isEmpty() && authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GLOBAL).resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(Authorization.ANY).list().stream()
        .noneMatch(a -> a.isPermissionGranted(ProcessDefinitionPermissions.READ))) {
      Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      everyone.setUserId(Authorization.ANY);
      everyone.setResource(Resources.PROCESS_DEFINITION);
      everyone.setResourceId(Authorization.ANY);
      everyone.addPermission(ProcessDefinitionPermissions.READ);
      missing.add(everyone);
    }
    if (coordinators.contains(Agency.NATIONAL_DESK)) {
      List<String> desk = List.of(Agency.NATIONAL_DESK);
      missing.addAll(missing(Resources.PROCESS_DEFINITION, Authorization.ANY, desk,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK));
      missing.addAll(missing(Resources.PROCESS_INSTANCE, Authorization.ANY, desk, Permissions.READ));
    }
    return missing;
  }

  /**
   * The grants earlier versions gave that the global one replaced: each coordinator's READ on every
   * process definition (a group grant on '*' with READ alone). Deleted at start-up.
   */
  List<String> obsoleteGrants() {
    return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(Authorization.ANY).list().stream()
        .filter(a -> a.getGroupId() != null && !Agency.NATIONAL_DESK.equals(a.getGroupId()))
        .filter(a -> a.isPermissionGranted(ProcessDefinitionPermissions.READ)
            && !a.isPermissionGranted(ProcessDefinitionPermissions.READ_TASK)
            && !a.isPermissionGranted(ProcessDefinitionPermissions.READ_INSTANCE)
            && !a.isPermissionGranted(ProcessDefinitionPermissions.UPDATE)
            && !a.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE))
        .map(Authorization::getId).toList();
  }

  void delete(String authorizationId) {
    authorizations.deleteAuthorization(authorizationId);
  }

  /** Grants what is missing now, one service call each (a few bodies at a time); returns how many. */
  int grantApplications(List<Agency> agencies) {
    List<Authorization> missing = missingGrants(agencies);
    missing.forEach(this::save);
    return missing.size();
  }

  void save(Authorization grant) {
    authorizations.saveAuthorization(grant);
  }

  /** A new grant for each group that has none yet with these permissions on the resource. */
  private List<Authorization> missing(Resource resource, String id, Collection<String> groupIds,
      Permission... permissions) {
    // only these groups' grants, a few hundred at a time: the resource holds every agency's
    // (Tasklist's: one per agency of the nation), and new bodies are granted a region at a time
    Set<String> granted = new HashSet<>();
    List<String> asked = List.copyOf(new LinkedHashSet<>(groupIds));
    for (int from = 0; from < asked.size(); from += GROUPS_PER_QUERY) {
      authorizations.createAuthorizationQuery().resourceType(resource).resourceId(id)
          .groupIdIn(asked.subList(from, Math.min(asked.size(), from + GROUPS_PER_QUERY)).toArray(String[]::new))
          .list().stream()
          .filter(a -> hasAll(a, permissions))
          .map(Authorization::getGroupId).forEach(granted::add);
    }
    List<Authorization> missing = new ArrayList<>();
    for (String groupId : groupIds) {
      if (granted.add(groupId)) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(resource);
        grant.setResourceId(id);
        for (Permission permission : permissions) {
          grant.addPermission(permission);
        }
        missing.add(grant);
      }
    }
    return missing;
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

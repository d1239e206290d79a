package id.siaga;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/** Acting as a user in tests of the Java API, with that user's groups as the webapps would. */
public final class EngineUsers {

  private EngineUsers() {}

  /** The user's groups, read as the system: an officer may not read other users' memberships. */
  public static List<String> groupsOf(IdentityService identity, String userId) {
    identity.clearAuthentication();
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  public static void actAs(IdentityService identity, String userId) {
    identity.setAuthentication(userId, groupsOf(identity, userId));
  }
}

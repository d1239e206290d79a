package id.siaga.agency;

import id.siaga.system.CandidateTaskList;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Spares every command of a logged-in user one query over all authorizations.
 *
 * <p>Before an authorization check, Camunda's {@link AuthorizationManager} narrows the user's
 * groups to those named in any authorization, and to know those it runs
 * {@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION} once per command. An optimisation
 * for users in hundreds of groups; here an officer is in one or two, and the table holds a row per
 * open task and candidate group (100,000 tasks: about 108,000 rows), so the query reads the whole
 * table every time: 17 to 23 ms on PostgreSQL, for each of the commands one Tasklist page makes
 * (docs/performance.md, "Tasklist at scale"). Leaving the groups as they are gives the same
 * answer: a group with no authorization matches no row of the check.
 *
 * <p>Done through the engine's extension point for its sessions (a custom session factory for the
 * {@link AuthorizationManager} type, registered before the defaults are built), not by changing
 * the engine's code.
 */
@Component
class AuthenticatedGroupsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> custom = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    custom.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new AuthenticatedGroupsAuthorizationManager();
      }
    });
    configuration.setCustomSessionFactories(custom);
  }

  /**
   * Camunda's manager, with the user's groups taken as they are; it also tells the candidate-group
   * task list whether revokes apply, from Camunda's own check, cached for the command.
   */
  static final class AuthenticatedGroupsAuthorizationManager extends AuthorizationManager
      implements CandidateTaskList.RevokeCheck {

    @Override
    public boolean revokesApply(String userId, List<String> groupIds) {
      return isRevokeAuthCheckEnabled(userId, groupIds);
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null || authenticatedGroupIds.isEmpty() ? EMPTY_LIST
          : new ArrayList<>(authenticatedGroupIds);
    }
  }
}

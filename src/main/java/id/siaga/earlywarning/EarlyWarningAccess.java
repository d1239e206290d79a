package id.siaga.earlywarning;

import id.siaga.agency.GlobalGrants;
import id.siaga.system.EngineAdapter;
import org.camunda.bpm.engine.AuthorizationService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Every user may see the start form of {@code early-warning-report} in Tasklist and submit it; who
 * may file for which region is checked when the report is registered, from the user's groups.
 */
@EngineAdapter
@Component
class EarlyWarningAccess implements ApplicationRunner {

  private final AuthorizationService authorizations;

  EarlyWarningAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    GlobalGrants.startableByEveryone(authorizations, ReportVariables.PROCESS_KEY);
  }
}

package id.siaga.agency;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the administrator's password equal to {@code SIAGA_ADMIN_PASSWORD}. The Camunda starter
 * creates the admin user (and the camunda-admin group with all rights) only once and never
 * changes its password; operators rotate it through the environment, so it is set again here
 * whenever it differs.
 */
@Component
@Order(10)
class AdminAccount implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AdminAccount.class);

  private final IdentityService identity;
  private final String userId;
  private final String password;

  AdminAccount(IdentityService identity, @Value("${siaga.admin.user}") String userId,
      @Value("${siaga.admin.password}") String password) {
    this.identity = identity;
    this.userId = userId;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identity.createUserQuery().userId(userId).count() == 0 || identity.checkPassword(userId, password)) {
      return;
    }
    // read after checkPassword: a failed check updates the user (login attempts)
    User admin = identity.createUserQuery().userId(userId).singleResult();
    admin.setPassword(password);
    identity.saveUser(admin);
    identity.unlockUser(userId);
    LOG.info("Password of administrator '{}' set from SIAGA_ADMIN_PASSWORD", userId);
  }
}

package id.siaga.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile without its secrets, before anything connects
 * anywhere, with a message that names each missing environment variable.
 */
public class ProductionGuard implements EnvironmentPostProcessor, Ordered {

  static final String PROFILE = "prod";

  /** Environment variable → the property it feeds (see application-prod.yaml). */
  private static final Map<String, String> REQUIRED = new LinkedHashMap<>();

  static {
    REQUIRED.put("SIAGA_ADMIN_USER", "siaga.admin.user");
    REQUIRED.put("SIAGA_ADMIN_PASSWORD", "siaga.admin.password");
    REQUIRED.put("SIAGA_DB_URL", "spring.datasource.url");
    REQUIRED.put("SIAGA_SMTP_HOST", "spring.mail.host");
    REQUIRED.put("SIAGA_BASE_URL", "siaga.base-url");
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains(PROFILE)) {
      return;
    }
    List<String> missing = new ArrayList<>();
    REQUIRED.forEach((variable, property) -> {
      String value = environment.getProperty(property);
      if (value == null || value.isBlank()) {
        missing.add(variable);
      }
    });
    if (!missing.isEmpty()) {
      throw new IllegalStateException("The prod profile refuses to start: set the environment variable(s) "
          + String.join(", ", missing) + " (see README.md, section Production)");
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}

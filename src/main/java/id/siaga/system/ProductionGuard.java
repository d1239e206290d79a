package id.siaga.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile without its secrets, before anything connects
 * anywhere, with a message that names each missing environment variable; and refuses what would
 * make production a demo: the demo profile beside it, a demo or default administrator password,
 * an empty database password, a base URL that is not {@code https://} (unless
 * {@code SIAGA_ALLOW_PLAIN_HTTP=true} says it is a trial behind a proxy, which the log repeats).
 */
public class ProductionGuard implements EnvironmentPostProcessor, Ordered {

  static final String PROFILE = "prod";
  static final String ALLOW_PLAIN_HTTP = "siaga.allow-plain-http";

  /** Passwords that are published (README, demo profile) or guessed first. */
  private static final Set<String> KNOWN_PASSWORDS = Set.of("siaga2024", "siaga-admin", "rahasia#demo2024", "admin",
      "password", "camunda", "demo", "changeme", "operator", "postgres");

  private final Log log;

  public ProductionGuard(DeferredLogFactory logs) {
    this.log = logs.getLog(ProductionGuard.class);
  }

  ProductionGuard() {
    this.log = LogFactory.getLog(ProductionGuard.class);
  }

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
    List<String> refused = new ArrayList<>();
    if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
      refused.add("the demo profile is active too (demo users with a published password, embedded mail server)");
    }
    String password = environment.getProperty("siaga.admin.password", "");
    if (KNOWN_PASSWORDS.contains(password.toLowerCase(Locale.ROOT))
        || password.equalsIgnoreCase(environment.getProperty("siaga.admin.user", ""))) {
      refused.add("SIAGA_ADMIN_PASSWORD is a demo or default password");
    }
    if (environment.getProperty("spring.datasource.password", "").isEmpty()) {
      refused.add("SIAGA_DB_PASSWORD is empty");
    }
    String baseUrl = environment.getProperty("siaga.base-url", "");
    boolean plainHttpAllowed = Boolean.parseBoolean(environment.getProperty(ALLOW_PLAIN_HTTP, "false"));
    if (!baseUrl.startsWith("https://")) {
      if (plainHttpAllowed) {
        log.warn("SIAGA_BASE_URL " + baseUrl + " is not https://: allowed by SIAGA_ALLOW_PLAIN_HTTP=true for a trial"
            + " behind a proxy. Passwords and sessions cross the network in clear text.");
      } else {
        refused.add("SIAGA_BASE_URL must start with https:// (SIAGA_ALLOW_PLAIN_HTTP=true allows plain HTTP for a trial)");
      }
    }
    if (!refused.isEmpty()) {
      throw new IllegalStateException("The prod profile refuses to start: " + String.join("; ", refused)
          + " (see README.md, section Production)");
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}

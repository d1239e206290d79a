package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.SiagaPilkadaApplication;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.mock.env.MockEnvironment;

/** The prod profile refuses to start without its secrets and says which one is missing. */
class ProductionGuardTest {

  private final ProductionGuard guard = new ProductionGuard();

  @Test
  void prodWithoutAnySecretDoesNotStart() {
    SpringApplication application = new SpringApplication(SiagaPilkadaApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);

    assertThatThrownBy(() -> application.run("--spring.profiles.active=prod",
        "--siaga.admin.user=", "--siaga.admin.password=", "--spring.datasource.url=", "--spring.mail.host=", "--siaga.base-url="))
        .hasMessageContaining("prod profile refuses to start")
        .hasMessageContaining("SIAGA_ADMIN_USER")
        .hasMessageContaining("SIAGA_ADMIN_PASSWORD")
        .hasMessageContaining("SIAGA_DB_URL")
        .hasMessageContaining("SIAGA_SMTP_HOST")
        .hasMessageContaining("SIAGA_BASE_URL");
  }

  @Test
  void namesExactlyTheMissingVariable() {
    MockEnvironment environment = complete();
    environment.setProperty("spring.mail.host", " ");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, null))
        .hasMessageContaining("SIAGA_SMTP_HOST")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SIAGA_DB_URL", "SIAGA_ADMIN_PASSWORD"));
  }

  @Test
  void passesWhenEverySecretIsGivenAndIgnoresOtherProfiles() {
    guard.postProcessEnvironment(complete(), null);

    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");
    guard.postProcessEnvironment(demo, null);
  }

  @Test
  void refusesTheDemoBesideItDemoPasswordsAnEmptyDatabasePasswordAndPlainHttp() {
    MockEnvironment both = complete();
    both.setActiveProfiles("prod", "demo");
    assertThatThrownBy(() -> guard.postProcessEnvironment(both, null)).hasMessageContaining("demo profile is active");

    for (String known : List.of("siaga2024", "siaga-admin", "Rahasia#Demo2024", "operator")) {
      MockEnvironment demoPassword = complete();
      demoPassword.setProperty("siaga.admin.password", known);
      assertThatThrownBy(() -> guard.postProcessEnvironment(demoPassword, null)).as(known)
          .hasMessageContaining("SIAGA_ADMIN_PASSWORD is a demo or default password");
    }

    MockEnvironment noDbPassword = complete();
    noDbPassword.setProperty("spring.datasource.password", "");
    assertThatThrownBy(() -> guard.postProcessEnvironment(noDbPassword, null))
        .hasMessageContaining("SIAGA_DB_PASSWORD is empty");

    MockEnvironment plain = complete();
    plain.setProperty("siaga.base-url", "http://siaga.example.org");
    assertThatThrownBy(() -> guard.postProcessEnvironment(plain, null)).hasMessageContaining("https://");
    plain.setProperty("siaga.allow-plain-http", "true");
    guard.postProcessEnvironment(plain, null);
  }

  private static MockEnvironment complete() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("prod");
    environment.setProperty("siaga.admin.user", "operator");
    environment.setProperty("siaga.admin.password", "Kuat#Rahasia-2026");
    environment.setProperty("spring.datasource.password", "db-secret");
    environment.setProperty("spring.datasource.url", "jdbc:postgresql://db/siaga");
    environment.setProperty("spring.mail.host", "smtp.example.org");
    environment.setProperty("siaga.base-url", "https://siaga.example.org");
    return environment;
  }
}

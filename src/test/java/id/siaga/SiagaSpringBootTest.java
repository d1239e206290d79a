package id.siaga;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application as the README's first command starts it (demo profile: national import,
 * demo users, simulation calendar), on a private in-memory H2 database and a random port. Every
 * test class with this annotation shares one cached context; a second context in the same JVM
 * would register a second process application of the same name, so tests that need another
 * configuration run as integration tests ({@code *IT}) in their own JVM. Each test class starts once
 * the first start's national import, which runs in the background, is done. The queued mails'
 * sender does not run on its schedule: tests call {@code MailBatches.sendReady()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.datasource.url=jdbc:h2:mem:siaga-${random.uuid};DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256",
        "camunda.bpm.job-execution.enabled=false",
        "server.address=127.0.0.1",
        "siaga.demo.mail-server.port=0",
        // tests run the sender's rounds themselves (MailBatches.sendReady) on the engine clock they
        // drive; a background round on the real 15 s schedule would slip in between their steps
        "siaga.mail.batch-poll=PT12H",
        "siaga.admin.user=" + SiagaSpringBootTest.ADMIN,
        "siaga.admin.password=" + SiagaSpringBootTest.ADMIN_PASSWORD
    })
@ActiveProfiles("demo")
@ExtendWith(NationalDataLoaded.class)
public @interface SiagaSpringBootTest {

  /** Password of every demo user (application-demo.yaml). */
  String DEMO_PASSWORD = "siaga2024";

  /** The demo administrator (application-demo.yaml fallback of SIAGA_ADMIN_USER/PASSWORD). */
  String ADMIN = "admin";
  String ADMIN_PASSWORD = "Rahasia#Demo2024";
}

package id.siaga;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application as a newcomer starts it: webapps up, REST API up and closed to strangers.
 * Wrong passwords are tried only with users no other test logs in with: Camunda delays the next
 * login of a user after a failed one.
 */
@SiagaSpringBootTest
class ApplicationTest {

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesTasklist() throws Exception {
    HttpResponse<String> response = get("/camunda/app/tasklist/default/", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).containsIgnoringCase("tasklist");
  }

  @Test
  void engineListIsPublicButEverythingElseNeedsCredentials() throws Exception {
    assertThat(get("/engine-rest/engine", null).statusCode()).isEqualTo(200);
    assertThat(get("/engine-rest/task", null).statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/process-definition", null).statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/task", basic("kesbangpolmamuju", "wrong-password")).statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/task", basic("nobody", "x")).statusCode()).isEqualTo(401);
  }

  @Test
  void engineRestAnswersAnAuthenticatedOfficer() throws Exception {
    HttpResponse<String> response = get("/engine-rest/task", basic("kpupalopo", SiagaSpringBootTest.DEMO_PASSWORD));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("[");
  }

  @Test
  void productApiNeedsCredentials() throws Exception {
    assertThat(get("/api/regions/73.73", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/regions/73.73", basic("kpumahakamulu", "wrong")).statusCode()).isEqualTo(401);
    HttpResponse<String> ok = get("/api/regions/73.73", basic("bawaslupalopo", SiagaSpringBootTest.DEMO_PASSWORD));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"name\":\"Kota Palopo\"").contains("\"zone\":\"WITA\"");
  }

  @Test
  void healthIsPublicOtherActuatorEndpointsAreForAdmins() throws Exception {
    assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/metrics", basic("pemdapalopo", SiagaSpringBootTest.DEMO_PASSWORD)).statusCode())
        .isEqualTo(403);
    assertThat(get("/actuator/metrics", basic(SiagaSpringBootTest.ADMIN, SiagaSpringBootTest.ADMIN_PASSWORD))
        .statusCode()).isEqualTo(200);
  }

  @Test
  void thePoolOutnumbersTwiceTheJobThreads(@org.springframework.beans.factory.annotation.Autowired
      javax.sql.DataSource dataSource,
      @org.springframework.beans.factory.annotation.Value("${camunda.bpm.job-execution.max-pool-size}") int jobThreads) {
    // each mail job holds its job connection and opens one more for the outbox (docs/escalation.md)
    int pool = ((com.zaxxer.hikari.HikariDataSource) dataSource).getMaximumPoolSize();
    assertThat(pool).isGreaterThan(2 * jobThreads);
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }
}

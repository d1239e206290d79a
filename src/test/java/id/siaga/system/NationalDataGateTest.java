package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.region.NationalData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * While the country is being loaded (the demo's first start), officers and coordinators meet a
 * clear Indonesian "Sedang memuat data wilayah" on every API that would show an empty or half-made
 * country, Tasklist's login included; Tasklist's page itself and the health check still answer.
 * The real first start is covered by {@code PackagedJarIT}; here the shared context is put back
 * into the loading state for a moment.
 */
@SiagaSpringBootTest
class NationalDataGateTest {

  private static final String POLICE = "polrespalopo:" + SiagaSpringBootTest.DEMO_PASSWORD;

  @LocalServerPort
  int port;

  @Autowired
  NationalData nationalData;

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void openAgain() {
    nationalData.ready();
  }

  @Test
  void whileLoadingTheApisAnswerSedangMemuatDataWilayah() throws Exception {
    nationalData.loading();

    for (HttpResponse<String> response : List.of(
        send("GET", "/api/regions/73.73", POLICE),
        send("GET", "/api/regions/73/children", null),
        send("GET", "/api/meetings?regionCode=73.73", POLICE),
        send("POST", "/api/admin/regions/import", SiagaSpringBootTest.ADMIN + ":" + SiagaSpringBootTest.ADMIN_PASSWORD),
        send("GET", "/engine-rest/task", POLICE),
        send("GET", "/engine-rest/group?id=polri7373", null),
        send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", null,
            r -> r.header("Content-Type", "application/x-www-form-urlencoded"),
            "username=polrespalopo&password=" + SiagaSpringBootTest.DEMO_PASSWORD),
        send("GET", "/camunda/api/engine/engine/default/process-definition", null))) {
      assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).as(response.uri().toString()).hasValue("5");
      assertThat(response.body()).as(response.uri().toString())
          .contains("\"message\":\"Sedang memuat data wilayah").contains("\"state\":\"LOADING\"");
    }
  }

  @Test
  void whileLoadingTasklistsPageTheHealthCheckAndTheEngineListStillAnswer() throws Exception {
    nationalData.loading();

    assertThat(send("GET", "/camunda/app/tasklist/default/", null).statusCode()).isEqualTo(200);
    // Tasklist asks who is logged in before it shows its login form
    assertThat(send("GET", "/camunda/api/admin/auth/user/default", null).statusCode()).isNotEqualTo(503);
    assertThat(send("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/engine-rest/engine", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aFailedLoadKeepsTheGateClosedWithoutRetryAfter() throws Exception {
    nationalData.loading();
    nationalData.failed();

    HttpResponse<String> response = send("GET", "/api/regions/73.73", POLICE);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    assertThat(response.body()).contains("Data wilayah gagal dimuat").contains("\"state\":\"FAILED\"");
  }

  @Test
  void onceLoadedTheSameCallsAnswerAsUsual() throws Exception {
    nationalData.loading();
    nationalData.ready();

    assertThat(send("GET", "/api/regions/73.73", POLICE).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/engine-rest/task", POLICE).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/engine-rest/task", null).statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> send(String method, String path, String credentials) throws Exception {
    return send(method, path, credentials, r -> { }, "");
  }

  private HttpResponse<String> send(String method, String path, String credentials,
      Consumer<HttpRequest.Builder> customizer, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (credentials != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
    }
    customizer.accept(request);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

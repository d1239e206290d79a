package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.TasklistSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Both engine REST APIs use {@link EngineRestJson}'s one mapper: {@code /engine-rest} (scripts)
 * and the webapps' engine API in a Tasklist session (Tasklist's own list request, HAL), and they
 * answer as before (dates in Camunda's format, the HAL list with its count).
 */
@SiagaSpringBootTest
class EngineRestJsonTest {

  @LocalServerPort int port;

  @Test
  void engineRestUsesTheSharedMapperAndWritesCamundasDateFormat() throws Exception {
    long before = EngineRestJson.SharedMapper.LOOKUPS.get();
    HttpResponse<String> tasks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(base() + "/engine-rest/process-definition?maxResults=1"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (SiagaSpringBootTest.ADMIN + ":" + SiagaSpringBootTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(tasks.body()).startsWith("[{\"id\":");
    assertThat(EngineRestJson.SharedMapper.LOOKUPS.get()).as("the shared mapper answered").isGreaterThan(before);
  }

  @Test
  void tasklistsOwnListRequestUsesTheSharedMapper() throws Exception {
    TasklistSession session = TasklistSession.login(base(), "kesbangpolpalopo", SiagaSpringBootTest.DEMO_PASSWORD);
    String filters = session.get(base() + "/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=false");
    String filterId = filters.replaceAll("(?s)^.*?\"id\":\"([^\"]+)\".*$", "$1");

    long before = EngineRestJson.SharedMapper.LOOKUPS.get();
    String list = session.post(base() + "/camunda/api/engine/engine/default/filter/" + filterId
        + "/list?firstResult=0&maxResults=15", "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],"
        + "\"active\":true}");
    assertThat(list).contains("\"count\":", "\"_embedded\"");
    assertThat(EngineRestJson.SharedMapper.LOOKUPS.get()).as("the shared mapper answered Tasklist").isGreaterThan(before);
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }
}

package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
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
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    http.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base()
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=kesbangpolpalopo&password="
            + SiagaSpringBootTest.DEMO_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    HttpResponse<Void> user = http.send(HttpRequest.newBuilder(URI.create(base()
        + "/camunda/api/admin/auth/user/default")).GET().build(), HttpResponse.BodyHandlers.discarding());
    String token = user.headers().firstValue("X-XSRF-TOKEN").orElse(csrf(cookies));
    HttpResponse<String> filters = http.send(HttpRequest.newBuilder(URI.create(base()
            + "/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=false"))
        .header("Accept", "application/json").header("X-XSRF-TOKEN", token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(filters.statusCode()).isEqualTo(200);
    String filterId = filters.body().replaceAll("(?s)^.*?\"id\":\"([^\"]+)\".*$", "$1");

    long before = EngineRestJson.SharedMapper.LOOKUPS.get();
    HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(base()
            + "/camunda/api/engine/engine/default/filter/" + filterId + "/list?firstResult=0&maxResults=15"))
        .header("Content-Type", "application/json").header("Accept", "application/hal+json")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],"
            + "\"active\":true}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(list.body()).contains("\"count\":", "\"_embedded\"");
    assertThat(EngineRestJson.SharedMapper.LOOKUPS.get()).as("the shared mapper answered Tasklist").isGreaterThan(before);
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private static String csrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
  }
}

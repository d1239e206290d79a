package id.siaga;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * A browser's session on the product's own pages ({@code /papan/**}), without following redirects:
 * the login form with its CSRF token, then the session cookie.
 */
public final class BoardSession {
  private final String root;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private String cookie;

  public BoardSession(TestRestTemplate rest) {
    this.root = rest.getRootUri();
  }

  /** Logs in with the form; where the answer sends the browser. */
  public String login(String user, String password) {
    String form = get("/papan/masuk").getBody();
    String token = form.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    String body = "username=" + user + "&password=" + password + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    ResponseEntity<String> answer = send(request("/papan/masuk").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(answer.getStatusCode().value()).isEqualTo(302);
    return answer.getHeaders().getFirst("Location");
  }

  public ResponseEntity<String> get(String path) {
    return send(request(path).GET().build());
  }

  /** A download (a PDF, a CSV) in the session: its status and its bytes. */
  public ResponseEntity<byte[]> download(String path) {
    try {
      HttpResponse<byte[]> answer = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      return ResponseEntity.status(answer.statusCode()).body(answer.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path));
    if (cookie != null) {
      builder.header("Cookie", cookie);
    }
    return builder;
  }

  private ResponseEntity<String> send(HttpRequest request) {
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
          .ifPresent(c -> cookie = c.split(";")[0]);
      HttpHeaders headers = new HttpHeaders();
      answer.headers().map().forEach(headers::addAll);
      return ResponseEntity.status(answer.statusCode()).headers(headers).body(answer.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package id.siaga;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An officer logged in to Tasklist (the webapp's own login, as the browser does it): its session
 * cookie and the CSRF token the webapp's REST API asks for.
 */
public record TasklistSession(HttpClient http, String csrf) {

  public static TasklistSession login(String base, String userId, String password) throws Exception {
    java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(java.net.HttpCookie::getValue).findFirst()
        .orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie from Tasklist"));
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + userId + "&password="
            + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 200) {
      throw new IllegalStateException("login of " + userId + ": " + login.statusCode() + " " + login.body());
    }
    // the login starts a new session, whose token the next GET hands out, as Tasklist's next request does
    HttpResponse<Void> user = http.send(HttpRequest.newBuilder(URI.create(base
        + "/camunda/api/admin/auth/user/default")).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String token = user.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore().getCookies()
        .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(java.net.HttpCookie::getValue).findFirst()
        .orElse(csrf));
    return new TasklistSession(http, token);
  }

  /** GET as Tasklist does, JSON; the body, or an exception unless 200. */
  public String get(String url) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Accept", "application/json").header("X-XSRF-TOKEN", csrf).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  /** POST of a JSON body, answer in HAL, as Tasklist's task list; the body, or an exception unless 200. */
  public String post(String url, String body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json").header("Accept", "application/hal+json")
        .header("X-XSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }
}

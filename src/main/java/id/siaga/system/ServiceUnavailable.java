package id.siaga.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A 503 answer of the APIs, in the shape the webapps show: JSON with {@code status}, {@code error}
 * and {@code message} (Camunda's webapps show an error's "message"; Tasklist's login page does), not
 * kept by any cache, with {@code Retry-After} when a retry can be told. Used by the filters that
 * answer before the application does ({@link NationalDataGate}, {@link ApiAdmission}).
 */
final class ServiceUnavailable {

  private ServiceUnavailable() {}

  /**
   * @param more further fields of the body, after the message
   * @param retryAfterSeconds the {@code Retry-After} header, or null for none
   */
  static void answer(HttpServletResponse response, ObjectMapper json, String message, Map<String, Object> more,
      Integer retryAfterSeconds) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
    body.put("error", message);
    body.put("message", message);
    body.putAll(more);
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    if (retryAfterSeconds != null) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
    }
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), body);
  }
}

package id.siaga.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A refused form submission reads in Bahasa Indonesia only. Camunda's REST API puts its own
 * English words before the product's message ("Cannot submit task form 1a2b…: Isian tidak sah:
 * …"), and Tasklist shows the message as it comes. On the form-submission endpoints of
 * {@code /engine-rest} and of the webapps' API, an error answer keeps its status and type and loses
 * that prefix when what follows is the product's own message; every other answer passes untouched.
 */
@Configuration(proxyBeanMethods = false)
class FormRefusalMessages {

  /** The engine's prefixes before a product message (one of FormInput's or the gate's openings). */
  static final Pattern ENGINE_PREFIX = Pattern.compile(
      "^(?:Cannot submit task form \\S+: |Cannot instantiate process definition \\S+: )+(?=(?:Isian tidak sah|Tugas |Hanya administrator))");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Bean
  FilterRegistrationBean<Filter> formRefusalMessagesFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter());
    registration.setName("siaga-form-refusal-messages");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(110);
    return registration;
  }

  /** The message without the engine's prefix, or unchanged when it is not one of ours. */
  static String withoutEnginePrefix(String message) {
    return message == null ? null : ENGINE_PREFIX.matcher(message).replaceFirst("");
  }

  static final class Filter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/submit-form");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() >= 400 && wrapper.getContentType() != null && wrapper.getContentType().contains("json")) {
        try {
          if (JSON.readTree(wrapper.getContentAsByteArray()) instanceof ObjectNode body && body.hasNonNull("message")) {
            String message = body.get("message").asText();
            String plain = withoutEnginePrefix(message);
            if (!plain.equals(message)) {
              body.put("message", plain);
              wrapper.resetBuffer();
              wrapper.getOutputStream().write(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
            }
          }
        } catch (IOException notJson) {
          // not a JSON error body: passed on as it was
        }
      }
      wrapper.copyBodyToResponse();
    }
  }
}

package id.siaga.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits of the engine's REST APIs ({@code /engine-rest} and the webapps' {@code /camunda/api}):
 * a request body of at most {@link #MAX_BODY_BYTES} (413 otherwise, also for a chunked body that
 * grows past it), and a page of at most {@link #MAX_PAGE_SIZE} results ({@code maxResults} larger
 * answers 400; Tasklist itself asks for 2,000 filters at a time). Camunda's own {@code queryMaxResultsLimit} is not used: it also refuses the
 * unpaged lists that Tasklist and Admin ask for (their filters, a user's groups).
 */
@Configuration(proxyBeanMethods = false)
class EngineRequestLimits {

  static final int MAX_BODY_BYTES = 1024 * 1024;
  static final int MAX_PAGE_SIZE = 2000;

  @Bean
  FilterRegistrationBean<Limits> engineRequestLimitsFilter() {
    FilterRegistrationBean<Limits> registration = new FilterRegistrationBean<>(new Limits());
    registration.setName("siaga-engine-request-limits");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(100);
    return registration;
  }

  static final class Limits extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String maxResults = queryParameter(request.getQueryString(), "maxResults");
      if (maxResults != null && !withinPage(maxResults)) {
        refuse(response, 400, "maxResults paling banyak " + MAX_PAGE_SIZE);
        return;
      }
      if (request.getContentLengthLong() > MAX_BODY_BYTES) {
        refuse(response, 413, TOO_LARGE);
        return;
      }
      try {
        chain.doFilter(new Bounded(request), response);
      } catch (BodyTooLarge e) {
        if (!response.isCommitted()) {
          response.reset();
          refuse(response, 413, TOO_LARGE);
        }
      }
    }

    /**
     * A parameter of the query string only: {@code getParameter} would read a form body (the
     * webapps' login) before the application does, and Jersey would then find it empty.
     */
    static String queryParameter(String query, String name) {
      if (query == null) {
        return null;
      }
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
        if (key.equals(name)) {
          return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
        }
      }
      return null;
    }

    private static boolean withinPage(String value) {
      try {
        return Integer.parseInt(value.trim()) <= MAX_PAGE_SIZE;
      } catch (NumberFormatException e) {
        return true; // the REST API answers a malformed number itself
      }
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
      response.setStatus(status);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write(refusal(message));
    }
  }

  /** The refusal of a body past the limit, for a JAX-RS filter that reads the body itself (as this filter answers it). */
  static final String TOO_LARGE = "Isi permintaan lebih dari " + MAX_BODY_BYTES + " bita";

  static String refusal(String message) {
    return "{\"type\":\"InvalidRequestException\",\"message\":\"" + message + "\"}";
  }

  static final class BodyTooLarge extends IOException {
    BodyTooLarge() {
      super("request body larger than " + MAX_BODY_BYTES + " bytes");
    }
  }

  /** Counts what the application reads of the body and stops past the limit. */
  static final class Bounded extends HttpServletRequestWrapper {

    private ServletInputStream bounded;

    Bounded(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (bounded == null) {
        ServletInputStream in = super.getInputStream();
        bounded = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > MAX_BODY_BYTES) {
              throw new BodyTooLarge();
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0 && (read += n) > MAX_BODY_BYTES) {
              throw new BodyTooLarge();
            }
            return n;
          }

          @Override
          public boolean isFinished() {
            return in.isFinished();
          }

          @Override
          public boolean isReady() {
            return in.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
          }
        };
      }
      return bounded;
    }
  }
}

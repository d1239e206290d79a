package id.siaga.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.region.NationalData;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the demo's first start loads the country in the background ({@link NationalData} not
 * ready), every API that shows or changes regions, agencies, users or tasks answers 503 with
 * "Sedang memuat data wilayah" (and {@code Retry-After}) instead of an empty country: the product's
 * API ({@code /api/**}), Camunda's REST API ({@code /engine-rest/**}) and the webapps' API
 * ({@code /camunda/api/**}, which Tasklist's login and start forms use; the login page shows the
 * message). Tasklist's own pages still load, and so do {@code /actuator/health} and the engine
 * list. Runs before every security filter: the demo users do not exist yet, so a login would
 * otherwise be refused as a wrong password. See docs/architecture.md.
 */
@Configuration(proxyBeanMethods = false)
class NationalDataGate {

  static final int RETRY_AFTER_SECONDS = 5;

  @Bean
  FilterRegistrationBean<GateFilter> nationalDataGateFilter(NationalData nationalData, ObjectMapper json) {
    FilterRegistrationBean<GateFilter> registration =
        new FilterRegistrationBean<>(new GateFilter(nationalData, json));
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  static final class GateFilter extends OncePerRequestFilter {

    private final NationalData nationalData;
    private final ObjectMapper json;

    GateFilter(NationalData nationalData, ObjectMapper json) {
      this.nationalData = nationalData;
      this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      if (nationalData.isReady()) {
        return true;
      }
      String path = request.getRequestURI().substring(request.getContextPath().length());
      // the engine list, and the webapps' "who is logged in" check that lets Tasklist show its login page
      return path.equals("/engine-rest/engine")
          || ("GET".equals(request.getMethod()) && path.matches("/camunda/api/admin/auth/user/[^/]+"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String message = nationalData.message();
      if (message == null) {
        chain.doFilter(request, response);
        return;
      }
      ServiceUnavailable.answer(response, json, message, Map.of("state", nationalData.state().name()),
          nationalData.state() == NationalData.State.LOADING ? RETRY_AFTER_SECONDS : null);
    }
  }
}

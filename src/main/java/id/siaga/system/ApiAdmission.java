package id.siaga.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most a few requests of the APIs ({@code /api}, {@code /engine-rest}, {@code /camunda/api})
 * work at once on a node; the others wait their turn, first come first served, for up to
 * {@code siaga.web.api-wait} and are then answered 503 with {@code Retry-After}. The default is two
 * per processor ({@code siaga.web.api-concurrency}, 0 for that default).
 *
 * <p>Why: the calls are CPU work, in the JVM and in the database. When 50 officers open Tasklist at
 * the same moment on a 2-core node, 50 calls working at once over 24 database connections cost
 * 8.9 ms of CPU each (the database's share 4.0 ms). Four at a time, the rest waiting, they cost
 * 5.9 ms each (the database 1.9 ms), and the 95th percentile fell from 243 to 198 ms. Two at a time
 * left the processors idle while a call waited for the database (6.9 ms, 267 ms). See
 * docs/performance.md, "Four at a time".
 *
 * <p>Pages and static files (Tasklist's own, the board's page) are not held. The filter runs before
 * the security filters, whose password checks are CPU work too, and after the national data gate.
 * Operators see it in {@code /actuator/metrics}: {@code siaga.api.working}, {@code siaga.api.waiting}
 * and {@code siaga.api.refused}.
 */
@Configuration(proxyBeanMethods = false)
class ApiAdmission {

  private static final Logger LOG = LoggerFactory.getLogger(ApiAdmission.class);

  static final int RETRY_AFTER_SECONDS = 2;
  static final String BUSY = "Server sedang melayani banyak permintaan sekaligus. Coba lagi sebentar lagi.";

  @Bean
  FilterRegistrationBean<Admission> apiAdmissionFilter(@Value("${siaga.web.api-concurrency:0}") int concurrency,
      @Value("${siaga.web.api-wait:PT30S}") Duration wait, ObjectMapper json, ObjectProvider<MeterRegistry> meters) {
    int permits = concurrency > 0 ? concurrency : 2 * Runtime.getRuntime().availableProcessors();
    LOG.info("API requests working at once on this node: at most {}; the others wait up to {}", permits, wait);
    Admission admission = new Admission(permits, wait, json);
    meters.ifAvailable(admission::measureIn);
    FilterRegistrationBean<Admission> registration = new FilterRegistrationBean<>(admission);
    registration.setName("siaga-api-admission");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  static final class Admission extends OncePerRequestFilter {

    private final int size;
    private final Semaphore permits;
    private final Duration wait;
    private final ObjectMapper json;
    private volatile Counter refused;

    Admission(int permits, Duration wait, ObjectMapper json) {
      this.size = permits;
      this.permits = new Semaphore(permits, true);
      this.wait = wait;
      this.json = json;
    }

    /** The gauges of requests working and waiting, and the count of requests refused, in the registry. */
    void measureIn(MeterRegistry registry) {
      Gauge.builder("siaga.api.working", this, Admission::working)
          .description("API requests working now (at most siaga.web.api-concurrency)").register(registry);
      Gauge.builder("siaga.api.waiting", this, Admission::waiting)
          .description("API requests waiting for their turn now").register(registry);
      refused = Counter.builder("siaga.api.refused")
          .description("API requests answered 503 after waiting siaga.web.api-wait").register(registry);
    }

    /** Requests working now. */
    int working() {
      return size - permits.availablePermits();
    }

    /** Requests waiting for their turn now (an estimate, as {@link Semaphore#getQueueLength()}). */
    int waiting() {
      return permits.getQueueLength();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      boolean admitted;
      try {
        admitted = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        admitted = false;
      }
      if (!admitted) {
        Counter counter = refused;
        if (counter != null) {
          counter.increment();
        }
        LOG.warn("{} {} waited {} for its turn and was answered 503", request.getMethod(), request.getRequestURI(), wait);
        ServiceUnavailable.answer(response, json, BUSY, Map.of(), RETRY_AFTER_SECONDS);
        return;
      }
      try {
        chain.doFilter(request, response);
      } finally {
        permits.release();
      }
    }
  }
}

package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** At most so many API requests at once; the others wait their turn, then 503 (ApiAdmission). */
class ApiAdmissionTest {

  final ObjectMapper json = new ObjectMapper();

  @Test
  void aRequestWaitsForItsTurnAndIsAnsweredWhenOneEnds() throws Exception {
    ApiAdmission.Admission admission = new ApiAdmission.Admission(1, Duration.ofSeconds(10), json);
    AtomicInteger served = new AtomicInteger();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Held first = Held.hold(admission, served::incrementAndGet)) {
      Future<MockHttpServletResponse> second = pool.submit(() -> call(admission, (request, response) -> served.incrementAndGet()));
      // the second waits while the first works
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (admission.waiting() == 0 && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      assertThat(admission.waiting()).isEqualTo(1);
      assertThat(served).hasValue(0);
      first.release();
      assertThat(first.response().getStatus()).isEqualTo(200);
      assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
      assertThat(served).hasValue(2);
      assertThat(admission.waiting()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRequestThatWaitedTooLongIsAnswered503WithRetryAfterAndNothingRuns() throws Exception {
    ApiAdmission.Admission admission = new ApiAdmission.Admission(1, Duration.ofMillis(100), json);
    AtomicInteger served = new AtomicInteger();
    try (Held first = Held.hold(admission, () -> { })) {
      MockHttpServletResponse refused = call(admission, (request, response) -> served.incrementAndGet());

      assertThat(refused.getStatus()).isEqualTo(503);
      assertThat(refused.getHeader("Retry-After")).isEqualTo(String.valueOf(ApiAdmission.RETRY_AFTER_SECONDS));
      assertThat(refused.getContentType()).startsWith("application/json");
      assertThat(json.readTree(refused.getContentAsString()).get("error").asText()).isEqualTo(ApiAdmission.BUSY);
      assertThat(served).as("the refused request did not run").hasValue(0);
      first.release();
      assertThat(first.response().getStatus()).isEqualTo(200);
      // its turn given back: the next one runs at once
      assertThat(call(admission, (request, response) -> served.incrementAndGet()).getStatus()).isEqualTo(200);
      assertThat(served).hasValue(1);
    }
  }

  @Test
  void operatorsSeeTheRequestsWorkingWaitingAndRefused() throws Exception {
    ApiAdmission.Admission admission = new ApiAdmission.Admission(1, Duration.ofMillis(100), json);
    var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    admission.measureIn(registry);
    assertThat(registry.get("siaga.api.working").gauge().value()).isZero();
    try (Held first = Held.hold(admission, () -> { })) {
      assertThat(registry.get("siaga.api.working").gauge().value()).isEqualTo(1);
      assertThat(registry.get("siaga.api.waiting").gauge().value()).isZero();
      assertThat(call(admission, (request, response) -> { }).getStatus()).isEqualTo(503);
      assertThat(registry.get("siaga.api.refused").counter().count()).isEqualTo(1);
      first.release();
      assertThat(first.response().getStatus()).isEqualTo(200);
      assertThat(registry.get("siaga.api.working").gauge().value()).isZero();
    }
  }

  /** A request that holds its turn, on a thread of its own, until released; then it runs {@code afterRelease}. */
  record Held(ExecutorService pool, CountDownLatch gate, Future<MockHttpServletResponse> future)
      implements AutoCloseable {

    static Held hold(ApiAdmission.Admission admission, Runnable afterRelease) throws InterruptedException {
      CountDownLatch inside = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      ExecutorService pool = Executors.newSingleThreadExecutor();
      Future<MockHttpServletResponse> future = pool.submit(() -> call(admission, (request, response) -> {
        inside.countDown();
        await(release);
        afterRelease.run();
      }));
      assertThat(inside.await(5, TimeUnit.SECONDS)).as("the held request got its turn").isTrue();
      return new Held(pool, release, future);
    }

    void release() {
      gate.countDown();
    }

    MockHttpServletResponse response() throws Exception {
      return future.get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      gate.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aRequestThatFailsGivesItsTurnBack() throws Exception {
    ApiAdmission.Admission admission = new ApiAdmission.Admission(1, Duration.ofMillis(100), json);
    assertThatThrownBy(() -> call(admission, (request, response) -> {
      throw new ServletException("broken");
    })).isInstanceOf(ServletException.class);
    AtomicInteger served = new AtomicInteger();
    assertThat(call(admission, (request, response) -> served.incrementAndGet()).getStatus()).isEqualTo(200);
    assertThat(served).hasValue(1);
  }

  @Test
  void itHoldsTheApisOnlyAfterTheNationalDataGateAndBeforeSecurity() {
    var registration = new ApiAdmission().apiAdmissionFilter(0, Duration.ofSeconds(30), json,
        new org.springframework.beans.factory.support.StaticListableBeanFactory()
            .getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
    assertThat(registration.getUrlPatterns()).containsExactlyInAnyOrder("/api/*", "/engine-rest/*", "/camunda/api/*");
    assertThat(registration.getOrder()).isGreaterThan(Ordered.HIGHEST_PRECEDENCE + 10)   // NationalDataGate
        .isLessThan(-100);                                                                // Spring Security's filter chain
  }

  static MockHttpServletResponse call(ApiAdmission.Admission admission, FilterChain chain) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/camunda/api/engine/engine/default/filter/x/list");
    MockHttpServletResponse response = new MockHttpServletResponse();
    admission.doFilter(request, response, chain);
    return response;
  }

  static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

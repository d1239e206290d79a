package id.siaga.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

/**
 * One JSON mapper for the engine's REST APIs, instead of one per request.
 *
 * <p>Camunda's {@link JacksonConfigurator} answers every lookup with a new {@link ObjectMapper},
 * so Jackson builds its serializers and deserializers again for every request: 17 % of the web
 * threads' CPU samples during Tasklist's calls (docs/performance.md, "Tasklist at scale"). The
 * resolver here hands out one mapper configured by the same method, ahead of Camunda's (a higher
 * priority), in {@code /engine-rest} and in the webapps' engine API that Tasklist and Cockpit use
 * (registered there by {@link EngineApiProviders}). A shared mapper is safe: Jackson copies the
 * configured date format for each use.
 */
public final class EngineRestJson {

  private EngineRestJson() {}

  @Provider
  @Priority(1)
  @Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
  public static final class SharedMapper implements ContextResolver<ObjectMapper> {

    /**
     * For measurement only (TasklistScaleBenchmark): with this system property {@code true}, a new
     * mapper per lookup again, as Camunda's resolver does.
     */
    public static final String PER_REQUEST_PROPERTY = "siaga.rest.mapper-per-request";

    static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
    static final AtomicLong LOOKUPS = new AtomicLong();

    @Override
    public ObjectMapper getContext(Class<?> type) {
      LOOKUPS.incrementAndGet();
      return Boolean.getBoolean(PER_REQUEST_PROPERTY) ? JacksonConfigurator.configureObjectMapper(new ObjectMapper())
          : MAPPER;
    }
  }
}

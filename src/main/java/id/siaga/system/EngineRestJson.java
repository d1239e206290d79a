package id.siaga.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One JSON mapper for the engine's REST APIs, instead of one per request.
 *
 * <p>Camunda's {@link JacksonConfigurator} answers every lookup with a new {@link ObjectMapper},
 * so Jackson builds its serializers and deserializers again for every request: 17 % of the web
 * threads' CPU samples during Tasklist's calls (docs/performance.md, "Tasklist at scale"). The
 * resolver here hands out one mapper configured by the same method, ahead of Camunda's (a higher
 * priority), in {@code /engine-rest} and in the webapps' engine API that Tasklist and Cockpit use.
 * A shared mapper is safe: Jackson copies the configured date format for each use.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestJson {

  /** The servlet of the webapps' engine API, as Camunda's Spring Boot starter names it. */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  @Bean
  ResourceConfigCustomizer engineRestSharedMapper() {
    return config -> config.register(SharedMapper.class);
  }

  /**
   * Adds the resolver to the webapps' engine API servlet right after Camunda's webapp initializer
   * has registered that servlet: its bean is wrapped so that it first does its own work. (Another
   * initializer could not rely on running after it, and a listener may not look up servlets.)
   */
  @Bean
  static BeanPostProcessor webappEngineApiSharedMapper() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof CamundaBpmWebappInitializer webapps)) {
          return bean;
        }
        return (ServletContextInitializer) servletContext -> {
          webapps.onStartup(servletContext);
          ServletRegistration engineApi = servletContext.getServletRegistration(WEBAPP_ENGINE_API);
          if (engineApi == null) {
            throw new IllegalStateException("Camunda's webapps registered no servlet '" + WEBAPP_ENGINE_API
                + "' to add the shared JSON mapper to");
          }
          engineApi.setInitParameter("jersey.config.server.provider.classnames", SharedMapper.class.getName());
        };
      }
    };
  }

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

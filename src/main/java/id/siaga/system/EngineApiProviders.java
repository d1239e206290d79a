package id.siaga.system;

import jakarta.servlet.ServletRegistration;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The product's JAX-RS providers in both of the engine's REST applications: {@code /engine-rest}
 * (scripts, other systems) and the webapps' engine API ({@code /camunda/api/engine}) that Tasklist
 * and Cockpit call. They are the one shared JSON mapper ({@link EngineRestJson}) and the
 * candidate-group task list ({@link CandidateTaskListRequests}).
 */
@Configuration(proxyBeanMethods = false)
class EngineApiProviders {

  /** The servlet of the webapps' engine API, as Camunda's Spring Boot starter names it. */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  static final List<Class<?>> PROVIDERS = List.of(EngineRestJson.SharedMapper.class, CandidateTaskListRequests.class);

  @Bean
  ResourceConfigCustomizer engineRestProviders() {
    return config -> PROVIDERS.forEach(config::register);
  }

  /**
   * Adds the providers to the webapps' engine API servlet right after Camunda's webapp initializer
   * has registered that servlet: its bean is wrapped so that it first does its own work. (Another
   * initializer could not rely on running after it, and a listener may not look up servlets.)
   */
  @Bean
  static BeanPostProcessor webappEngineApiProviders() {
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
                + "' to add the product's providers to");
          }
          engineApi.setInitParameter("jersey.config.server.provider.classnames",
              PROVIDERS.stream().map(Class::getName).collect(Collectors.joining(",")));
        };
      }
    };
  }
}

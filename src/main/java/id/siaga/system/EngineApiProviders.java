package id.siaga.system;

import jakarta.servlet.ServletRegistration;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.rest.hal.cache.DefaultHalResourceCache;
import org.camunda.bpm.engine.rest.hal.cache.HalRelationCacheBootstrap;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;
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
 * candidate-group task list ({@link CandidateTaskListRequests}). Also Camunda's own cache of the
 * process definitions that HAL task lists embed.
 */
@Configuration(proxyBeanMethods = false)
class EngineApiProviders {

  /** The servlet of the webapps' engine API, as Camunda's Spring Boot starter names it. */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  static final List<Class<?>> PROVIDERS = List.of(EngineRestJson.SharedMapper.class, CandidateTaskListRequests.class);

  /**
   * Camunda's HAL relation cache (its documented {@code HalRelationCacheBootstrap}, which Camunda's
   * Spring Boot starter does not register), for process definitions only: every Tasklist list
   * embeds the process definitions of its tasks, read again on every request otherwise. A cached
   * entry is served without a new authorization check, which is why only process definitions are
   * cached: every user may read them ({@code AgencyAccess}), while users (the assignees) are not
   * cached, since an officer may not read other users. A suspension shows after at most a minute.
   */
  static final String HAL_CACHE = "{\"cacheImplementation\": \"" + DefaultHalResourceCache.class.getName() + "\","
      + " \"caches\": {\"" + HalProcessDefinition.class.getName() + "\": {\"capacity\": 500, \"secondsToLive\": 60}}}";

  @Bean
  ServletContextInitializer halProcessDefinitionCache() {
    return servletContext -> {
      servletContext.setInitParameter(HalRelationCacheBootstrap.CONTEXT_PARAM_NAME, HAL_CACHE);
      servletContext.addListener(HalRelationCacheBootstrap.class);
    };
  }

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

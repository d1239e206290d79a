package id.siaga.system;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The starter's REST API ({@code /engine-rest}) is open by default. Here every request needs HTTP
 * Basic credentials checked against the Camunda identity service; the engine then applies the
 * caller's authorizations. Only the engine list ({@code /engine-rest/engine}) stays public, as
 * Camunda's filter does by design.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurity {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("siaga-engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(101);
    return registration;
  }
}

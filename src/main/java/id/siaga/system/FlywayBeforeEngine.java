package id.siaga.system;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ObjectUtils;

/**
 * Runs the product's Flyway migrations before the process engine creates Camunda's tables: Flyway
 * refuses to start on a schema that is already non-empty and has no history table of its own.
 */
@Configuration(proxyBeanMethods = false)
class FlywayBeforeEngine {

  static final String ENGINE = "processEngineFactoryBean";
  static final String FLYWAY = "flywayInitializer";

  @Bean
  static BeanFactoryPostProcessor flywayBeforeProcessEngine() {
    return (ConfigurableListableBeanFactory beanFactory) -> {
      if (beanFactory.containsBeanDefinition(ENGINE) && beanFactory.containsBeanDefinition(FLYWAY)) {
        BeanDefinition engine = beanFactory.getBeanDefinition(ENGINE);
        String[] dependsOn = engine.getDependsOn();
        engine.setDependsOn(ObjectUtils.addObjectToArray(dependsOn == null ? new String[0] : dependsOn, FLYWAY));
      }
    };
  }
}

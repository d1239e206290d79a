package id.siaga;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Siaga Pilkada: one Spring Boot application with an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SiagaPilkadaApplication {

  public static void main(String[] args) {
    SpringApplication.run(SiagaPilkadaApplication.class, args);
  }
}

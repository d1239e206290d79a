package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Stock Camunda 7 with its webapps and REST API: the start-up benchmark's reference. */
@SpringBootApplication
public class BareApplication {
  public static void main(String[] args) {
    SpringApplication.run(BareApplication.class, args);
  }
}

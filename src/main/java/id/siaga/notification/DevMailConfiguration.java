package id.siaga.notification;

import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Demo profile: Spring Mail sends to the embedded server. Production configures spring.mail.*. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DevMailConfiguration {

  @Bean
  JavaMailSender javaMailSender(DevMailServer server) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(server.port());
    sender.setDefaultEncoding("UTF-8");
    Properties properties = sender.getJavaMailProperties();
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "10000");
    properties.put("mail.smtp.writetimeout", "10000");
    return sender;
  }
}

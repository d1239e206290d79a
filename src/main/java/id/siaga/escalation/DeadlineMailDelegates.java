package id.siaga.escalation;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reminder and overdue mail delegates, bound by name in the diagrams. */
@Configuration(proxyBeanMethods = false)
class DeadlineMailDelegates {

  @Bean
  JavaDelegate sendReminderMail(TaskNotifications notifications) {
    return new SendDeadlineMailDelegate(notifications, DeadlineMailKinds.REMINDER);
  }

  @Bean
  JavaDelegate sendOverdueMail(TaskNotifications notifications) {
    return new SendDeadlineMailDelegate(notifications, DeadlineMailKinds.OVERDUE);
  }
}

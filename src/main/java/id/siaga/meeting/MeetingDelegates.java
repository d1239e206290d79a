package id.siaga.meeting;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and task listeners of {@code coordination-meeting}, bound by name in the diagram.
 * Each is one line: it hands the execution or task to {@link Rakor} or {@link MeetingMails}; the
 * meeting is always the one recorded for the process instance, never a variable.
 */
@Configuration(proxyBeanMethods = false)
class MeetingDelegates {

  @Bean
  JavaDelegate registerMeeting(Rakor rakor) {
    return rakor::register;
  }

  @Bean
  JavaDelegate sendMeetingInvitation(MeetingMails mails, Rakor rakor) {
    return execution -> mails.sendInvitation(rakor.meetingOf(execution).meetingId(),
        (String) execution.getVariable(MeetingVariables.REPORT_DUE_AT));
  }

  @Bean
  TaskListener recordReadinessReport(Rakor rakor) {
    return rakor::recordReport;
  }

  @Bean
  TaskListener checkMeetingOutcome(Rakor rakor) {
    return rakor::checkOutcome;
  }

  @Bean
  JavaDelegate recordMinutes(Rakor rakor) {
    return rakor::recordMinutes;
  }

  @Bean
  JavaDelegate postponeMeeting(Rakor rakor) {
    return rakor::postpone;
  }

  @Bean
  JavaDelegate cancelMeeting(Rakor rakor) {
    return rakor::cancel;
  }

  @Bean
  JavaDelegate prepareFollowUp(Rakor rakor) {
    return rakor::prepareFollowUp;
  }

  @Bean
  TaskListener checkFollowUp(Rakor rakor) {
    return rakor::checkOwnerForm;
  }

  @Bean
  JavaDelegate recordActionItemDone(Rakor rakor) {
    return rakor::recordDone;
  }

  @Bean
  JavaDelegate recordWaiverRequest(Rakor rakor) {
    return rakor::recordWaiverRequest;
  }

  @Bean
  TaskListener checkWaiverDecision(Rakor rakor) {
    return rakor::checkWaiverForm;
  }

  @Bean
  JavaDelegate grantWaiver(Rakor rakor) {
    return rakor::recordWaiverGranted;
  }

  @Bean
  JavaDelegate refuseWaiver(Rakor rakor) {
    return rakor::recordWaiverRefused;
  }

  @Bean
  JavaDelegate sendWaiverDecision(MeetingMails mails, Rakor rakor) {
    return execution -> mails.sendWaiverDecision(rakor.actionItemOf(execution).itemId());
  }

  @Bean
  JavaDelegate closeMeeting(Rakor rakor) {
    return rakor::close;
  }

  @Bean
  JavaDelegate sendMeetingMinutes(MeetingMails mails, Rakor rakor) {
    return execution -> mails.sendMinutes(rakor.meetingOf(execution).meetingId());
  }

  @Bean
  JavaDelegate sendMeetingSummary(MeetingMails mails, Rakor rakor) {
    return execution -> mails.sendSummary(rakor.meetingOf(execution).meetingId());
  }
}

package id.siaga.meeting;

import static id.siaga.meeting.MeetingVariables.ACTION_ITEM_DUE_AT;
import static id.siaga.meeting.MeetingVariables.ACTION_ITEM_DUE_TEXT;
import static id.siaga.meeting.MeetingVariables.ACTION_ITEM_ID;
import static id.siaga.meeting.MeetingVariables.ACTION_ITEM_TEXT;
import static id.siaga.meeting.MeetingVariables.AGENCY_GROUP;
import static id.siaga.meeting.MeetingVariables.CONVENED_BY;
import static id.siaga.meeting.MeetingVariables.CONVENING_GROUP;
import static id.siaga.meeting.MeetingVariables.EVIDENCE;
import static id.siaga.meeting.MeetingVariables.FOLLOW_UP_DECISION;
import static id.siaga.meeting.MeetingVariables.FOLLOW_UP_OUTCOME;
import static id.siaga.meeting.MeetingVariables.MEETING_AT;
import static id.siaga.meeting.MeetingVariables.MEETING_ID;
import static id.siaga.meeting.MeetingVariables.MEETING_SEQUENCE;
import static id.siaga.meeting.MeetingVariables.MEETING_TIME_TEXT;
import static id.siaga.meeting.MeetingVariables.OUTCOME;
import static id.siaga.meeting.MeetingVariables.OWNER_GROUP;
import static id.siaga.meeting.MeetingVariables.READINESS_SUMMARY;
import static id.siaga.meeting.MeetingVariables.REFUSAL_REASON;
import static id.siaga.meeting.MeetingVariables.REPORT_DUE_AT;
import static id.siaga.meeting.MeetingVariables.WAIVER_DECISION;
import static id.siaga.meeting.MeetingVariables.WAIVER_REASON;
import static id.siaga.meeting.MeetingVariables.WAIVER_REQUESTED_AT;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyRepository;
import id.siaga.calendar.LocalDeadlines;
import id.siaga.escalation.TaskDeadlines;
import id.siaga.notification.TaskNotifications;
import id.siaga.system.FormInput;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The life of one coordination meeting (Rakor) as the process {@code coordination-meeting} walks
 * it: register the schedule, collect readiness reports, record the outcome (held, postponed,
 * cancelled), follow up each action item, close. Called by the thin delegates and listeners of
 * {@link MeetingDelegates}; named {@code rakor} so that the diagram's collections read
 * {@code ${rakor.pendingReports(meetingId)}}. The rules themselves live in
 * {@link MeetingScheduling}, {@link ReadinessReports}, {@link MeetingOutcomes} and {@link FollowUps}.
 */
@Component("rakor")
public class Rakor {

  /** The region's name, shown under each task in Tasklist's filters. */
  static final String REGION_NAME = "regionName";

  private final MeetingScheduling scheduling;
  private final MeetingOutcomes outcomes;
  private final MeetingRepository meetings;
  private final AgencyRepository agencies;
  private final LocalDeadlines deadlines;
  private final IdentityService identity;

  Rakor(MeetingScheduling scheduling, MeetingOutcomes outcomes, MeetingRepository meetings, AgencyRepository agencies,
      LocalDeadlines deadlines, IdentityService identity) {
    this.scheduling = scheduling;
    this.outcomes = outcomes;
    this.meetings = meetings;
    this.agencies = agencies;
    this.deadlines = deadlines;
    this.identity = identity;
  }

  // ---- expressions of the diagram

  /** The invited agencies that have not reported yet: one report task each. */
  public List<String> pendingReports(String meetingId) {
    Meeting meeting = meeting(meetingId);
    Set<String> reported = meetings.reports(meetingId).stream().map(ReadinessReport::agencyGroup)
        .collect(Collectors.toSet());
    return meeting.invitedGroups().stream().filter(group -> !reported.contains(group)).toList();
  }

  /** The action items of a held meeting: one follow-up each. */
  public List<String> actionItemIds(String meetingId) {
    return meetings.actionItems(meetingId).stream().map(ActionItem::itemId).toList();
  }

  // ---- schedule

  /** Checks the schedule form and records the meeting; the business key becomes the meeting id. */
  void register(DelegateExecution execution) {
    Authentication user = identity.getCurrentAuthentication();
    String convenedBy = user == null ? (String) execution.getVariable(CONVENED_BY) : user.getUserId();
    Meeting meeting = scheduling.schedule(new FormInput(execution::getVariable), execution.getProcessInstanceId(),
        convenedBy, user == null ? null : user.getGroupIds());
    if (meetings.find(meeting.meetingId()).isPresent()) {
      refuseDuplicate(meeting);
    }
    try {
      meetings.insert(meeting);
    } catch (DuplicateKeyException raced) {
      refuseDuplicate(meeting);
    }
    execution.setProcessBusinessKey(meeting.meetingId());
    execution.setVariable(MEETING_ID, meeting.meetingId());
    execution.setVariable(TaskDeadlines.ELECTION_ID, meeting.electionId());
    execution.setVariable(TaskNotifications.STAGE_NAME, stageName(meeting));
    execution.setVariable(REGION_NAME, regionName(meeting.regionCode()));
    execution.setVariable(CONVENING_GROUP, meeting.conveningGroup());
    execution.setVariable(CONVENED_BY, convenedBy);
    setSchedule(execution, meeting);
  }

  private static void refuseDuplicate(Meeting meeting) {
    FormInput duplicate = new FormInput(Map.of());
    duplicate.problem("Rakor untuk wilayah, tahapan dan waktu ini sudah dijadwalkan (" + meeting.meetingId() + ")");
    duplicate.refuseIfInvalid();
  }

  private void setSchedule(DelegateExecution execution, Meeting meeting) {
    execution.setVariable(MEETING_AT, meeting.meetingLocal().toString());
    LocalDateTime now = LocalDateTime.ofInstant(now(), deadlines.zoneOf(meeting.regionCode()));
    execution.setVariable(REPORT_DUE_AT, ReportDeadline.of(meeting.meetingLocal(), now).toString());
    execution.setVariable(MEETING_SEQUENCE, meeting.sequence());
    execution.setVariable(MEETING_TIME_TEXT, deadlines.display(meeting.regionCode(), meeting.meetingAt()));
    execution.setVariable(READINESS_SUMMARY, ReadinessReports.summary(meeting.invitedGroups(),
        meetings.reports(meeting.meetingId()), agencyNames(meeting)));
  }

  // ---- readiness reports

  /** Completion of one agency's report task: checked, then recorded; the coordinator's summary follows. */
  void recordReport(DelegateTask task) {
    Meeting meeting = meeting((String) task.getVariable(MEETING_ID));
    Instant now = now();
    ReadinessReport report = ReadinessReports.read(new FormInput(task::getVariable), meeting.meetingId(),
        (String) task.getVariable(AGENCY_GROUP), userId(task), now,
        task.getDueDate() == null ? null : task.getDueDate().toInstant());
    meetings.insertReport(report);
    task.getExecution().setVariable(READINESS_SUMMARY, ReadinessReports.summary(meeting.invitedGroups(),
        meetings.reports(meeting.meetingId()), agencyNames(meeting)));
  }

  // ---- outcome

  /** Completion of the coordinator's task: the outcome is checked before the task may complete. */
  void checkOutcome(DelegateTask task) {
    outcomes.read(new FormInput(task::getVariable), meeting((String) task.getVariable(MEETING_ID)));
  }

  /** Held: attendance, minutes and action items recorded. */
  void recordMinutes(DelegateExecution execution) {
    Meeting meeting = meeting(execution);
    MeetingOutcomes.Held held = (MeetingOutcomes.Held) outcomes.read(new FormInput(execution::getVariable), meeting);
    meetings.markHeld(meeting.meetingId(), held.attendance(), held.minutes(), now());
    meetings.insertActionItems(held.actionItems());
  }

  /** Postponed: the new date recorded with a higher sequence; the next round of reports is due before it. */
  void postpone(DelegateExecution execution) {
    Meeting meeting = meeting(execution);
    MeetingOutcomes.Postponed postponed =
        (MeetingOutcomes.Postponed) outcomes.read(new FormInput(execution::getVariable), meeting);
    Meeting rescheduled = meeting.rescheduled(postponed.at(), postponed.local(), postponed.reason());
    meetings.reschedule(rescheduled);
    setSchedule(execution, rescheduled);
    execution.removeVariables(List.of(OUTCOME, MeetingVariables.NEW_MEETING_AT,
        MeetingVariables.POSTPONEMENT_REASON, MeetingVariables.ATTENDANCE, MeetingVariables.MINUTES,
        MeetingVariables.ACTION_ITEMS, MeetingVariables.CANCELLATION_REASON));
  }

  /** Cancelled: the reason recorded; everyone is told by the cancellation mail. */
  void cancel(DelegateExecution execution) {
    Meeting meeting = meeting(execution);
    MeetingOutcomes.Cancelled cancelled =
        (MeetingOutcomes.Cancelled) outcomes.read(new FormInput(execution::getVariable), meeting);
    meetings.markCancelled(meeting.meetingId(), cancelled.reason(), now());
  }

  // ---- follow-up of one action item

  /**
   * Declares the variables of one follow-up in its own sub-process instance, so that parallel
   * follow-ups never overwrite each other's form values, and sets what its tasks show.
   */
  void prepareFollowUp(DelegateExecution execution) {
    ActionItem item = actionItem(execution);
    Meeting meeting = meeting(item.meetingId());
    execution.setVariableLocal(OWNER_GROUP, item.ownerGroup());
    execution.setVariableLocal(ACTION_ITEM_TEXT, item.description());
    execution.setVariableLocal(ACTION_ITEM_DUE_AT, item.dueLocal().toString());
    execution.setVariableLocal(ACTION_ITEM_DUE_TEXT, deadlines.display(meeting.regionCode(), item.dueAt()));
    for (String name : List.of(FOLLOW_UP_DECISION, FOLLOW_UP_OUTCOME, EVIDENCE, WAIVER_REASON, WAIVER_REQUESTED_AT,
        WAIVER_DECISION, REFUSAL_REASON)) {
      execution.setVariableLocal(name, Variables.stringValue(null));
    }
  }

  void checkOwnerForm(DelegateTask task) {
    FollowUps.checkOwnerForm(new FormInput(task::getVariable));
  }

  void recordDone(DelegateExecution execution) {
    ActionItem item = actionItem(execution);
    meetings.updateActionItem(FollowUps.done(item, (String) execution.getVariable(FOLLOW_UP_OUTCOME),
        (String) execution.getVariable(EVIDENCE), currentUser(), now()));
  }

  void recordWaiverRequest(DelegateExecution execution) {
    ActionItem item = actionItem(execution);
    Instant now = now();
    meetings.updateActionItem(FollowUps.waiverRequested(item, (String) execution.getVariable(WAIVER_REASON),
        currentUser(), now));
    execution.setVariable(WAIVER_REQUESTED_AT, now.toString());
  }

  void checkWaiverForm(DelegateTask task) {
    FollowUps.checkWaiverForm(new FormInput(task::getVariable));
  }

  void recordWaiverGranted(DelegateExecution execution) {
    ActionItem item = actionItem(execution);
    meetings.updateActionItem(FollowUps.waived(item, currentUser(), now()));
    meetings.countWaiverDecision(item.itemId());
  }

  /** Refused: the item is open again for its owner, who sees the reason in the form. */
  void recordWaiverRefused(DelegateExecution execution) {
    ActionItem item = actionItem(execution);
    meetings.updateActionItem(FollowUps.refused(item, (String) execution.getVariable(REFUSAL_REASON)));
    meetings.countWaiverDecision(item.itemId());
    for (String name : List.of(FOLLOW_UP_DECISION, WAIVER_DECISION, WAIVER_REASON)) {
      execution.setVariable(name, Variables.stringValue(null));
    }
  }

  // ---- close

  void close(DelegateExecution execution) {
    meetings.markClosed(meeting(execution).meetingId(), now());
  }

  // ---- helpers

  String stageName(Meeting meeting) {
    return scheduling.stageOf(meeting).name();
  }

  String regionName(String regionCode) {
    return scheduling.regionName(regionCode);
  }

  /** The names of the meeting's agencies, read once (all of its invited agencies are of its region). */
  private Function<String, String> agencyNames(Meeting meeting) {
    Map<String, String> names = agencies.findByRegion(meeting.regionCode()).stream()
        .collect(Collectors.toMap(Agency::groupId, Agency::name));
    return group -> names.getOrDefault(group, group);
  }

  String agencyName(String groupId) {
    return agencies.find(groupId).map(Agency::name).orElse(groupId);
  }

  ActionItem actionItem(String itemId) {
    return meetings.actionItem(itemId).orElseThrow(() -> new IllegalStateException("no action item " + itemId));
  }

  Meeting meeting(String meetingId) {
    return meetings.find(meetingId)
        .orElseThrow(() -> new IllegalStateException("no meeting " + meetingId));
  }

  private Meeting meeting(DelegateExecution execution) {
    return meeting((String) execution.getVariable(MEETING_ID));
  }

  private ActionItem actionItem(DelegateExecution execution) {
    return actionItem((String) execution.getVariable(ACTION_ITEM_ID));
  }

  /** The user whose form submission runs this step; null when the system runs it. */
  private String currentUser() {
    Authentication user = identity.getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

  private String userId(DelegateTask task) {
    String user = currentUser();
    return user != null ? user : task.getAssignee();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}

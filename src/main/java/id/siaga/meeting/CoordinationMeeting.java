package id.siaga.meeting;

import static id.siaga.meeting.MeetingVariables.ACTION_ITEM_DUE_AT;
import static id.siaga.meeting.MeetingVariables.ACTION_ITEM_DUE_TEXT;
import static id.siaga.meeting.MeetingVariables.ACTION_ITEM_ID;
import static id.siaga.meeting.MeetingVariables.ACTION_ITEM_TEXT;
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
import id.siaga.system.EngineAdapter;
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
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The life of one coordination meeting (Rakor) as the process {@code coordination-meeting} walks
 * it: register the schedule, collect readiness reports, record the outcome (held, postponed,
 * cancelled), follow up each action item, close. Called by the thin delegates and listeners of
 * {@link MeetingDelegates}; the bean {@code coordinationMeeting} gives the diagram its collections
 * ({@code ${coordinationMeeting.pendingReports(execution)}}). The engine's side of the feature: it
 * unpacks executions and tasks and hands domain values to the rules, which live in
 * {@link MeetingScheduling}, {@link ReadinessReports}, {@link MeetingOutcomes} and {@link FollowUps}.
 */
@EngineAdapter
@Component("coordinationMeeting")
public class CoordinationMeeting {

  /** The region's name, shown under each task in Tasklist's filters. */
  static final String REGION_NAME = "regionName";

  private final MeetingScheduling scheduling;
  private final MeetingOutcomes outcomes;
  private final MeetingRepository meetings;
  private final AgencyRepository agencies;
  private final LocalDeadlines deadlines;
  private final IdentityService identity;

  CoordinationMeeting(MeetingScheduling scheduling, MeetingOutcomes outcomes, MeetingRepository meetings,
      AgencyRepository agencies, LocalDeadlines deadlines, IdentityService identity) {
    this.scheduling = scheduling;
    this.outcomes = outcomes;
    this.meetings = meetings;
    this.agencies = agencies;
    this.deadlines = deadlines;
    this.identity = identity;
  }

  // ---- expressions of the diagram

  /** The invited agencies of this instance's meeting that have not reported yet: one report task each. */
  public List<String> pendingReports(DelegateExecution execution) {
    Meeting meeting = meetingOf(execution);
    Set<String> reported = meetings.reports(meeting.meetingId()).stream().map(ReadinessReport::agencyGroup)
        .collect(Collectors.toSet());
    return meeting.invitedGroups().stream().filter(group -> !reported.contains(group)).toList();
  }

  /**
   * The agencies of the meeting for the coordinator's record (attendance and action item owners):
   * the convening agency and every invited one, by name, as the form's choices ({@code valuesKey}).
   */
  public Object agencyOptions(DelegateExecution execution) {
    Meeting meeting = meetingOf(execution);
    com.fasterxml.jackson.databind.node.ArrayNode options = JSON.createArrayNode();
    java.util.LinkedHashSet<String> groups = new java.util.LinkedHashSet<>();
    groups.add(meeting.conveningGroup());
    groups.addAll(meeting.invitedGroups());
    for (String group : groups) {
      options.addObject().put("label", agencyName(group)).put("value", group);
    }
    return org.camunda.spin.Spin.JSON(options.toString());
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /** The type of the agency a report task is for, so that its form asks what that agency reports. */
  public String agencyTypeOf(String groupId) {
    return agencies.find(groupId).map(a -> a.type().name()).orElse("");
  }

  /** The action items of this instance's held meeting: one follow-up each. */
  public List<String> actionItemIds(DelegateExecution execution) {
    return meetings.actionItems(meetingOf(execution).meetingId()).stream().map(ActionItem::itemId).toList();
  }

  // ---- schedule

  /** Checks the schedule form and records the meeting; the business key becomes the meeting id. */
  void register(DelegateExecution execution) {
    Authentication user = identity.getCurrentAuthentication();
    String convenedBy = user == null ? (String) execution.getVariable(CONVENED_BY) : user.getUserId();
    Meeting meeting = scheduling.schedule(new FormInput(execution::getVariable), execution.getProcessInstanceId(),
        convenedBy, user == null ? null : user.getGroupIds(), now());
    if (meetings.scheduledAt(meeting.regionCode(), meeting.stageCode(), meeting.meetingAt()).isPresent()) {
      refuseDuplicate(meeting);
    }
    meetings.insert(meeting);
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
    duplicate.problem("Rakor untuk wilayah, tahapan dan waktu ini sudah dijadwalkan");
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
    Meeting meeting = meetingOf(task);
    Instant now = now();
    String agency = reportingAgency(task, meeting);
    ReadinessReport report = ReadinessReports.read(new FormInput(task::getVariable), meeting.meetingId(),
        agency, agencies.find(agency).map(Agency::type).orElse(null), userId(task), now,
        task.getDueDate() == null ? null : task.getDueDate().toInstant());
    meetings.insertReport(report);
    task.getExecution().setVariable(READINESS_SUMMARY, ReadinessReports.summary(meeting.invitedGroups(),
        meetings.reports(meeting.meetingId()), agencyNames(meeting)));
  }

  // ---- outcome

  /** Completion of the coordinator's task: the outcome is checked before the task may complete. */
  void checkOutcome(DelegateTask task) {
    outcomes.read(new FormInput(task::getVariable), meetingOf(task), now());
  }

  /** Held: attendance, minutes and action items recorded. */
  void recordMinutes(DelegateExecution execution) {
    Meeting meeting = meetingOf(execution);
    MeetingOutcomes.Held held =
        (MeetingOutcomes.Held) outcomes.read(new FormInput(execution::getVariable), meeting, now());
    meetings.markHeld(meeting.meetingId(), held.attendance(), held.minutes(), now());
    meetings.insertActionItems(held.actionItems());
  }

  /** Postponed: the new date recorded with a higher sequence; the next round of reports is due before it. */
  void postpone(DelegateExecution execution) {
    Meeting meeting = meetingOf(execution);
    MeetingOutcomes.Postponed postponed =
        (MeetingOutcomes.Postponed) outcomes.read(new FormInput(execution::getVariable), meeting, now());
    Meeting rescheduled = meeting.rescheduled(postponed.at(), postponed.local(), postponed.reason());
    meetings.reschedule(rescheduled);
    setSchedule(execution, rescheduled);
    List<String> outcomeFields = new java.util.ArrayList<>(List.of(OUTCOME, MeetingVariables.NEW_MEETING_AT,
        MeetingVariables.POSTPONEMENT_REASON, MeetingVariables.ATTENDANCE, MeetingVariables.MINUTES,
        MeetingVariables.CANCELLATION_REASON));
    outcomeFields.addAll(MeetingVariables.actionItemFields());
    execution.removeVariables(outcomeFields);
  }

  /** Cancelled: the reason recorded; everyone is told by the cancellation mail. */
  void cancel(DelegateExecution execution) {
    Meeting meeting = meetingOf(execution);
    MeetingOutcomes.Cancelled cancelled =
        (MeetingOutcomes.Cancelled) outcomes.read(new FormInput(execution::getVariable), meeting, now());
    meetings.markCancelled(meeting.meetingId(), cancelled.reason(), now());
  }

  // ---- follow-up of one action item

  /**
   * Declares the variables of one follow-up in its own sub-process instance, so that parallel
   * follow-ups never overwrite each other's form values, and sets what its tasks show.
   */
  void prepareFollowUp(DelegateExecution execution) {
    ActionItem item = actionItemOf(execution);
    Meeting meeting = meetingOf(execution);
    execution.setVariableLocal(OWNER_GROUP, item.ownerGroup());
    execution.setVariableLocal(ACTION_ITEM_TEXT, item.description());
    execution.setVariableLocal(ACTION_ITEM_DUE_AT, item.dueLocal().toString());
    execution.setVariableLocal(ACTION_ITEM_DUE_TEXT, deadlines.display(meeting.regionCode(), item.dueAt()));
    execution.setVariableLocal(MeetingVariables.RECURRING, item.recurrence().recurring());
    for (String name : List.of(FOLLOW_UP_DECISION, FOLLOW_UP_OUTCOME, EVIDENCE, WAIVER_REASON, WAIVER_REQUESTED_AT,
        WAIVER_DECISION, REFUSAL_REASON)) {
      execution.setVariableLocal(name, Variables.stringValue(null));
    }
  }

  void checkOwnerForm(DelegateTask task) {
    FollowUps.checkOwnerForm(new FormInput(task::getVariable));
  }

  void recordDone(DelegateExecution execution) {
    ActionItem item = actionItemOf(execution);
    meetings.updateActionItem(FollowUps.done(item, (String) execution.getVariable(FOLLOW_UP_OUTCOME),
        (String) execution.getVariable(EVIDENCE), currentUser(), now()));
  }

  void recordWaiverRequest(DelegateExecution execution) {
    ActionItem item = actionItemOf(execution);
    Instant now = now();
    meetings.updateActionItem(FollowUps.waiverRequested(item, (String) execution.getVariable(WAIVER_REASON),
        currentUser(), now));
    execution.setVariable(WAIVER_REQUESTED_AT, now.toString());
  }

  void checkWaiverForm(DelegateTask task) {
    FollowUps.checkWaiverForm(new FormInput(task::getVariable));
  }

  void recordWaiverGranted(DelegateExecution execution) {
    ActionItem item = actionItemOf(execution);
    meetings.updateActionItem(FollowUps.waived(item, currentUser(), now()));
    meetings.countWaiverDecision(item.itemId());
  }

  /** Refused: the item is open again for its owner, who sees the reason in the form. */
  void recordWaiverRefused(DelegateExecution execution) {
    ActionItem item = actionItemOf(execution);
    meetings.updateActionItem(FollowUps.refused(item, (String) execution.getVariable(REFUSAL_REASON)));
    meetings.countWaiverDecision(item.itemId());
    for (String name : List.of(FOLLOW_UP_DECISION, WAIVER_DECISION, WAIVER_REASON)) {
      execution.setVariable(name, Variables.stringValue(null));
    }
  }

  // ---- the periods of a recurring action item

  /** The numbers of the item's periods, 1 to n: the collection of the periods' sequential multi-instance. */
  public List<Integer> periodNumbers(DelegateExecution execution) {
    return periodsOf(actionItemOf(execution)).stream().map(ActionPeriods.Period::number).toList();
  }

  /**
   * Declares one period's variables in its own sub-process instance: when it starts (the timer
   * waits for it), its last day (the confirmation's due rule) and how the task names it.
   */
  void preparePeriod(DelegateExecution execution) {
    ActionItem item = actionItemOf(execution);
    ActionPeriods.Period period = periodOf(execution, item);
    String region = meetingOf(execution).regionCode();
    execution.setVariableLocal(MeetingVariables.PERIOD_STARTS_AT,
        java.util.Date.from(deadlines.at(region, period.firstDay(), java.time.LocalTime.MIDNIGHT)));
    execution.setVariableLocal(MeetingVariables.PERIOD_DUE_AT, period.lastDay().toString());
    execution.setVariableLocal(MeetingVariables.PERIOD_TEXT, "periode " + period.number() + " dari "
        + periodsOf(item).size() + ": " + period.text());
    execution.setVariableLocal(MeetingVariables.PERIOD_DECISION, Variables.stringValue(null));
    execution.setVariableLocal(MeetingVariables.PERIOD_NOTE, Variables.stringValue(null));
  }

  void checkPeriodForm(DelegateTask task) {
    FollowUps.checkPeriodForm(new FormInput(task::getVariable));
  }

  /** The owner's confirmation of one period, recorded with the period's dates from the item, not the form. */
  void recordPeriod(DelegateExecution execution) {
    ActionItem item = actionItemOf(execution);
    ActionPeriods.Period period = periodOf(execution, item);
    boolean executed = FollowUps.checkPeriodForm(new FormInput(execution::getVariable));
    Instant dueAt = deadlines.at(meetingOf(execution).regionCode(), period.lastDay(), java.time.LocalTime.of(23, 59));
    meetings.insertPeriod(FollowUps.confirmed(item, period, dueAt, executed,
        (String) execution.getVariable(MeetingVariables.PERIOD_NOTE), currentUser(), now()));
  }

  /** After the last period: the item is done. */
  void recordRecurringDone(DelegateExecution execution) {
    ActionItem item = actionItemOf(execution);
    List<ActionPeriodRecord> periods = meetings.periods(item.meetingId()).stream()
        .filter(p -> p.itemId().equals(item.itemId())).toList();
    meetings.updateActionItem(FollowUps.recurringDone(item, periods, now()));
  }

  private List<ActionPeriods.Period> periodsOf(ActionItem item) {
    return ActionPeriods.of(meeting(item.meetingId()), item);
  }

  /** The period this execution confirms: the multi-instance's element, which the engine set, not a form. */
  private ActionPeriods.Period periodOf(DelegateExecution execution, ActionItem item) {
    Object number = execution.getVariable(MeetingVariables.PERIOD_NO);
    if (!(number instanceof Integer n)) {
      throw new IllegalStateException("no period " + number + " of action item " + item.itemId());
    }
    return ActionPeriods.period(meeting(item.meetingId()), item, n);
  }

  // ---- close

  void close(DelegateExecution execution) {
    meetings.markClosed(meetingOf(execution).meetingId(), now());
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

  /**
   * The meeting of the process instance this step runs in, from the meeting record: never from a
   * variable a caller could have sent.
   */
  Meeting meetingOf(DelegateExecution execution) {
    return meetingOfInstance(execution.getProcessInstanceId());
  }

  private Meeting meetingOf(DelegateTask task) {
    return meetingOfInstance(task.getProcessInstanceId());
  }

  private Meeting meetingOfInstance(String processInstanceId) {
    return meetings.findByProcessInstance(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("no meeting for process instance " + processInstanceId));
  }

  /**
   * The action item of this follow-up: the item the multi-instance handed to this sub-process,
   * which must belong to this instance's meeting.
   */
  ActionItem actionItemOf(DelegateExecution execution) {
    ActionItem item = actionItem((String) execution.getVariable(ACTION_ITEM_ID));
    if (!item.meetingId().equals(meetingOf(execution).meetingId())) {
      throw new IllegalStateException("action item " + item.itemId() + " is not of this instance's meeting");
    }
    return item;
  }

  /** The invited agency whose report this task is: its candidate group that the meeting invited. */
  private static String reportingAgency(DelegateTask task, Meeting meeting) {
    List<String> agencies = task.getCandidates().stream().map(IdentityLink::getGroupId)
        .filter(group -> group != null && meeting.invitedGroups().contains(group)).distinct().toList();
    if (agencies.size() != 1) {
      throw new IllegalStateException("report task " + task.getId() + " has no single invited agency: " + agencies);
    }
    return agencies.get(0);
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

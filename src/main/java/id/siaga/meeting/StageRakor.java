package id.siaga.meeting;

import id.siaga.calendar.LocalDeadlines;
import id.siaga.calendar.StageMeetings;
import id.siaga.calendar.StageWorkstreamStatus;
import id.siaga.escalation.TaskDeadlines;
import id.siaga.region.Region;
import id.siaga.system.EngineAdapter;
import id.siaga.system.FormInput;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The Rakor of one region's stage, for the readiness of that stage: its state, scheduling it from the
 * readiness task (a {@code coordination-meeting} started with the stage's election, region and stage
 * and convened by the region's coordinator, Badan Kesbangpol), the line the coordinator reads when
 * declaring the stage, and the messages that tell the waiting stage readiness that the Rakor was held
 * or cancelled.
 */
@EngineAdapter
@Component
class StageRakor implements StageMeetings, StageWorkstreamStatus {

  /** The stage Rakor is convened by the region's coordinator. */
  static final String CONVENED_BY_COORDINATOR = "KESBANGPOL";

  private final MeetingRepository meetings;
  private final RuntimeService runtime;
  private final LocalDeadlines deadlines;

  StageRakor(MeetingRepository meetings, RuntimeService runtime, LocalDeadlines deadlines) {
    this.meetings = meetings;
    this.runtime = runtime;
    this.deadlines = deadlines;
  }

  @Override
  public State state(String electionId, String regionCode, String stageCode) {
    return StageRakorStatus.state(meetings.findByStage(electionId, regionCode, stageCode));
  }

  @Override
  public String schedule(String electionId, String regionCode, String stageCode, Map<String, Object> form) {
    List<Meeting> existing = meetings.findByStage(electionId, regionCode, stageCode);
    existing.stream().filter(m -> m.status() == MeetingStatus.DIJADWALKAN).findFirst().ifPresent(m ->
        FormInput.refuse("Rakor tahapan ini sudah dijadwalkan pada " + deadlines.display(regionCode, m.meetingAt())
            + " (" + m.title() + "); tugas ini selesai sendiri ketika rapat itu dilaksanakan"));
    Map<String, Object> variables = new HashMap<>();
    // the schedule form's fields only; the region, stage, election and convener come from the caller's records
    FORM_FIELDS.forEach(field -> variables.put(field, form.get(field)));
    variables.put(Region.PROCESS_VARIABLE, regionCode);
    variables.put(MeetingVariables.STAGE_CODE, stageCode);
    variables.put(TaskDeadlines.ELECTION_ID, electionId);
    variables.put(MeetingVariables.CONVENING_AGENCY, CONVENED_BY_COORDINATOR);
    ProcessInstance started = runtime.createProcessInstanceByKey(MeetingVariables.PROCESS_KEY)
        .setVariables(variables).execute();
    return meetings.findByProcessInstance(started.getId()).map(Meeting::meetingId)
        .orElseThrow(() -> new IllegalStateException("Rakor started without a record: " + started.getId()));
  }

  @Override
  public String workstream() {
    return MeetingVariables.PROCESS_KEY;
  }

  @Override
  public Optional<String> summary(String electionId, String regionCode, String stageCode) {
    return StageRakorStatus.current(meetings.findByStage(electionId, regionCode, stageCode)).map(meeting ->
        StageRakorStatus.line(meeting, meetings.reports(meeting.meetingId()).size(),
            meetings.actionItems(meeting.meetingId()), now(), at -> deadlines.display(regionCode, at)));
  }

  /** The meeting of this instance was held: the readiness of its stage, if it waits, goes on. */
  void announceHeld(DelegateExecution execution) {
    announce(execution, HELD_MESSAGE);
  }

  /** The meeting of this instance was cancelled: the readiness of its stage, if it waits, asks for a new one. */
  void announceCancelled(DelegateExecution execution) {
    announce(execution, CANCELLED_MESSAGE);
  }

  private void announce(DelegateExecution execution, String message) {
    Meeting meeting = meetings.findByProcessInstance(execution.getProcessInstanceId())
        .orElseThrow(() -> new IllegalStateException("No meeting for " + execution.getProcessInstanceId()));
    // at most one stage readiness has this key; none when the stage is not being walked
    runtime.createMessageCorrelation(message)
        .processInstanceBusinessKey(StageMeetings.stageKey(meeting.electionId(), meeting.regionCode(), meeting.stageCode()))
        .setVariable("rakorMeetingId", meeting.meetingId())
        .correlateAll();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}

package id.siaga.meeting;

import id.siaga.threat.ThreatCategory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The meeting record: {@code siaga_meeting}, its reports and its action items. */
@Repository
class MeetingRepository {

  private final JdbcTemplate jdbc;

  MeetingRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Meeting m) {
    jdbc.update("insert into siaga_meeting (meeting_id, process_instance_id, election_id, region_code, stage_code,"
            + " title, venue, agenda, meeting_at, meeting_local, convening_group, invited_groups, convened_by,"
            + " sequence_no, status, created_at, duration_minutes, letter_number, letter_nature, letter_date)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        m.meetingId(), m.processInstanceId(), m.electionId(), m.regionCode(), m.stageCode(), m.title(), m.venue(),
        m.agenda(), ts(m.meetingAt()), m.meetingLocal().toString(), m.conveningGroup(), join(m.invitedGroups()),
        m.convenedBy(), m.sequence(), m.status().name(), ts(Instant.now()), m.durationMinutes(), m.letter().number(),
        m.letter().nature().name(), m.letter().date().toString());
  }

  Optional<Meeting> find(String meetingId) {
    return jdbc.query("select * from siaga_meeting where meeting_id = ?", MeetingRepository::meeting, meetingId)
        .stream().findFirst();
  }

  Optional<Meeting> findByProcessInstance(String processInstanceId) {
    return jdbc.query("select * from siaga_meeting where process_instance_id = ?", MeetingRepository::meeting,
        processInstanceId).stream().findFirst();
  }

  /** A meeting still scheduled for this region and stage at this instant (a second one would be a duplicate). */
  Optional<Meeting> scheduledAt(String regionCode, String stageCode, Instant at) {
    return jdbc.query("select * from siaga_meeting where region_code = ? and stage_code = ? and meeting_at = ?"
        + " and status = ?", MeetingRepository::meeting, regionCode, stageCode, ts(at),
        MeetingStatus.DIJADWALKAN.name()).stream().findFirst();
  }

  /** Every meeting of one region's stage of an election, earliest first. */
  List<Meeting> findByStage(String electionId, String regionCode, String stageCode) {
    return jdbc.query("select * from siaga_meeting where election_id = ? and region_code = ? and stage_code = ?"
        + " order by meeting_at", MeetingRepository::meeting, electionId, regionCode, stageCode);
  }

  List<Meeting> findByRegion(String regionCode) {
    return jdbc.query("select * from siaga_meeting where region_code = ? order by meeting_at",
        MeetingRepository::meeting, regionCode);
  }

  void reschedule(Meeting m) {
    jdbc.update("update siaga_meeting set meeting_at = ?, meeting_local = ?, sequence_no = ?, status = ?,"
            + " status_reason = ? where meeting_id = ?", ts(m.meetingAt()), m.meetingLocal().toString(),
        m.sequence(), m.status().name(), m.statusReason(), m.meetingId());
  }

  void markHeld(String meetingId, List<String> attendance, String minutes, Instant at) {
    jdbc.update("update siaga_meeting set status = ?, attendance = ?, minutes = ?, held_at = ? where meeting_id = ?",
        MeetingStatus.DILAKSANAKAN.name(), join(attendance), minutes, ts(at), meetingId);
  }

  void markCancelled(String meetingId, String reason, Instant at) {
    jdbc.update("update siaga_meeting set status = ?, status_reason = ?, closed_at = ? where meeting_id = ?",
        MeetingStatus.DIBATALKAN.name(), reason, ts(at), meetingId);
  }

  void markClosed(String meetingId, Instant at) {
    jdbc.update("update siaga_meeting set status = ?, closed_at = ? where meeting_id = ?",
        MeetingStatus.SELESAI.name(), ts(at), meetingId);
  }

  /** An agency's slides (V19), metadata and content. */
  record StoredSlides(String slidesId, String meetingId, String agencyGroup, String fileName, String contentType,
      int sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {}

  void insertSlides(StoredSlides s, byte[] content) {
    jdbc.update("insert into siaga_meeting_slides (slides_id, meeting_id, agency_group, file_name, content_type,"
        + " size_bytes, sha256, content, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        s.slidesId(), s.meetingId(), s.agencyGroup(), s.fileName(), s.contentType(), s.sizeBytes(), s.sha256(),
        content, s.uploadedBy(), ts(s.uploadedAt()));
  }

  List<StoredSlides> slides(String meetingId) {
    return jdbc.query("select slides_id, meeting_id, agency_group, file_name, content_type, size_bytes, sha256,"
        + " uploaded_by, uploaded_at from siaga_meeting_slides where meeting_id = ? order by uploaded_at",
        (rs, i) -> new StoredSlides(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getInt(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()), meetingId);
  }

  Optional<byte[]> slidesContent(String meetingId, String slidesId) {
    return jdbc.query("select content from siaga_meeting_slides where meeting_id = ? and slides_id = ?",
        (rs, i) -> rs.getBytes(1), meetingId, slidesId).stream().findFirst();
  }

  void insertReport(ReadinessReport r) {
    jdbc.update("insert into siaga_meeting_report (meeting_id, agency_group, personnel, vulnerabilities,"
            + " other_threat, needs, readiness, notes, submitted_by, submitted_at, due_at, late, attendee_name,"
            + " attendee_position, attendee_on_behalf_of, topics) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.meetingId(), r.agencyGroup(), r.personnel(),
        r.threats().stream().map(Enum::name).collect(Collectors.joining(",")), r.otherThreat(), r.needs(),
        r.readiness().name(), r.notes(), r.submittedBy(), ts(r.submittedAt()), ts(r.dueAt()), r.late(),
        r.attendee() == null ? null : r.attendee().name(), r.attendee() == null ? null : r.attendee().position(),
        r.attendee() == null ? null : r.attendee().onBehalfOf(), topicsJson(r.topics()));
  }

  List<ReadinessReport> reports(String meetingId) {
    return jdbc.query("select * from siaga_meeting_report where meeting_id = ? order by agency_group",
        MeetingRepository::report, meetingId);
  }

  void insertActionItems(List<ActionItem> items) {
    jdbc.batchUpdate("insert into siaga_meeting_action_item (item_id, meeting_id, item_no, description, owner_group,"
        + " due_local, due_at, status, recurrence) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", items, 100, (ps, i) -> {
          ps.setString(1, i.itemId());
          ps.setString(2, i.meetingId());
          ps.setInt(3, i.number());
          ps.setString(4, i.description());
          ps.setString(5, i.ownerGroup());
          ps.setString(6, i.dueLocal().toString());
          ps.setTimestamp(7, ts(i.dueAt()));
          ps.setString(8, i.status().name());
          ps.setString(9, i.recurrence().name());
        });
  }

  List<ActionItem> actionItems(String meetingId) {
    return jdbc.query("select * from siaga_meeting_action_item where meeting_id = ? order by item_no, item_id",
        MeetingRepository::actionItem, meetingId);
  }

  Optional<ActionItem> actionItem(String itemId) {
    return jdbc.query("select * from siaga_meeting_action_item where item_id = ?", MeetingRepository::actionItem,
        itemId).stream().findFirst();
  }

  void updateActionItem(ActionItem i) {
    jdbc.update("update siaga_meeting_action_item set status = ?, outcome = ?, evidence = ?, waiver_reason = ?,"
            + " refusal_reason = ?, completed_by = ?, completed_at = ?, late = ? where item_id = ?",
        i.status().name(), i.outcome(), i.evidence(), i.waiverReason(), i.refusalReason(), i.completedBy(),
        ts(i.completedAt()), i.late(), i.itemId());
  }

  void insertPeriod(ActionPeriodRecord p) {
    jdbc.update("insert into siaga_meeting_action_period (item_id, period_no, first_day, last_day, due_at, executed,"
            + " note, confirmed_by, confirmed_at, late) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        p.itemId(), p.number(), p.firstDay().toString(), p.lastDay().toString(), ts(p.dueAt()), p.executed(),
        p.note(), p.confirmedBy(), ts(p.confirmedAt()), p.late());
  }

  /** The confirmed periods of the meeting's recurring items, by item, in period order. */
  List<ActionPeriodRecord> periods(String meetingId) {
    return jdbc.query("select p.* from siaga_meeting_action_period p join siaga_meeting_action_item i"
        + " on i.item_id = p.item_id where i.meeting_id = ? order by p.item_id, p.period_no", (rs, row) ->
        new ActionPeriodRecord(rs.getString("item_id"), rs.getInt("period_no"), LocalDate.parse(rs.getString("first_day")),
            LocalDate.parse(rs.getString("last_day")), instant(rs, "due_at"), rs.getBoolean("executed"),
            rs.getString("note"), rs.getString("confirmed_by"), instant(rs, "confirmed_at"), rs.getBoolean("late")),
        meetingId);
  }

  /** Counts one more decision on a waiver request of the item; returns the new count. */
  int countWaiverDecision(String itemId) {
    jdbc.update("update siaga_meeting_action_item set waiver_decisions = waiver_decisions + 1 where item_id = ?", itemId);
    return waiverDecisions(itemId);
  }

  int waiverDecisions(String itemId) {
    return jdbc.queryForObject("select waiver_decisions from siaga_meeting_action_item where item_id = ?",
        Integer.class, itemId);
  }

  private static Meeting meeting(ResultSet rs, int row) throws SQLException {
    return new Meeting(rs.getString("meeting_id"), rs.getString("process_instance_id"), rs.getString("election_id"),
        rs.getString("region_code"), rs.getString("stage_code"), rs.getString("title"), rs.getString("venue"),
        rs.getString("agenda"), instant(rs, "meeting_at"), LocalDateTime.parse(rs.getString("meeting_local")),
        rs.getString("convening_group"), split(rs.getString("invited_groups")), rs.getString("convened_by"),
        rs.getInt("sequence_no"), MeetingStatus.valueOf(rs.getString("status")), split(rs.getString("attendance")),
        rs.getString("minutes"), rs.getString("status_reason"), instant(rs, "held_at"), instant(rs, "closed_at"),
        rs.getInt("duration_minutes"), new Meeting.Letter(rs.getString("letter_number"),
            LetterNature.valueOf(rs.getString("letter_nature")), letterDate(rs)));
  }

  /** The letter's date; for a meeting recorded before letters had one, the day it was created (UTC). */
  private static LocalDate letterDate(ResultSet rs) throws SQLException {
    String date = rs.getString("letter_date");
    return date != null ? LocalDate.parse(date) : rs.getTimestamp("created_at").toLocalDateTime().toLocalDate();
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private static String topicsJson(Map<String, String> topics) {
    try {
      return topics == null || topics.isEmpty() ? null : JSON.writeValueAsString(new java.util.TreeMap<>(topics));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> topics(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("topics of a report: " + json, e);
    }
  }

  private static ReadinessReport report(ResultSet rs, int row) throws SQLException {
    return new ReadinessReport(rs.getString("meeting_id"), rs.getString("agency_group"), rs.getInt("personnel"),
        split(rs.getString("vulnerabilities")).stream().map(ThreatCategory::valueOf).toList(), rs.getString("other_threat"),
        rs.getString("needs"), ReportedReadiness.valueOf(rs.getString("readiness")), rs.getString("notes"),
        rs.getString("submitted_by"), instant(rs, "submitted_at"), instant(rs, "due_at"), rs.getBoolean("late"),
        rs.getString("attendee_name") == null ? null : new ReadinessReport.Attendee(rs.getString("attendee_name"),
            rs.getString("attendee_position"), rs.getString("attendee_on_behalf_of")),
        topics(rs.getString("topics")));
  }

  private static ActionItem actionItem(ResultSet rs, int row) throws SQLException {
    return new ActionItem(rs.getString("item_id"), rs.getString("meeting_id"), rs.getInt("item_no"),
        rs.getString("description"), rs.getString("owner_group"), LocalDate.parse(rs.getString("due_local")),
        instant(rs, "due_at"), ActionItemStatus.valueOf(rs.getString("status")), rs.getString("outcome"),
        rs.getString("evidence"), rs.getString("waiver_reason"), rs.getString("refusal_reason"),
        rs.getString("completed_by"), instant(rs, "completed_at"), rs.getBoolean("late"),
        Recurrence.valueOf(rs.getString("recurrence")));
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static String join(List<String> values) {
    return values == null ? null : String.join(",", values);
  }

  private static List<String> split(String value) {
    return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(","));
  }
}

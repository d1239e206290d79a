package id.siaga.meeting;

import id.siaga.agency.RegionAccess;
import id.siaga.notification.PdfDocuments;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The meeting record as JSON for the readiness board and coordinators: the meetings of a region,
 * and one meeting with its reports, action items and summary figures. Readable by the agencies
 * of the meeting's region and its province, the national desk and administrators.
 */
@RestController
@RequestMapping("/api/meetings")
class MeetingController {

  private final MeetingRepository meetings;
  private final RegionAccess regionAccess;
  private final MeetingDocuments documents;
  private final MeetingSlides slides;

  MeetingController(MeetingRepository meetings, RegionAccess regionAccess, MeetingDocuments documents,
      MeetingSlides slides) {
    this.slides = slides;
    this.documents = documents;
    this.meetings = meetings;
    this.regionAccess = regionAccess;
  }

  @GetMapping
  List<Map<String, Object>> ofRegion(@RequestParam String regionCode) {
    requireAccess(regionCode);
    return meetings.findByRegion(regionCode).stream().map(this::overview).toList();
  }

  @GetMapping("/{meetingId}")
  Map<String, Object> one(@PathVariable String meetingId) {
    // an unknown meeting and another region's meeting answer the same: nothing tells them apart
    Meeting meeting = meetings.find(meetingId).filter(this::mayRead)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Rakor tidak ditemukan"));
    Map<String, Object> body = overview(meeting);
    body.put("agenda", meeting.agenda());
    body.put("attendance", meeting.attendance());
    body.put("minutes", meeting.minutes());
    body.put("reports", meetings.reports(meetingId));
    body.put("actionItems", meetings.actionItems(meetingId));
    body.put("actionPeriods", meetings.periods(meetingId));
    body.put("slides", meetings.slides(meetingId));
    return body;
  }

  /**
   * A meeting's official documents as PDF, for the agencies of its region: {@code undangan} (the
   * invitation letter), {@code daftar-hadir} (the attendance list), {@code notulen} (the minutes,
   * once the meeting is held).
   */
  @GetMapping(value = "/{meetingId}/documents/{document}.pdf", produces = PdfDocuments.CONTENT_TYPE)
  ResponseEntity<byte[]> document(@PathVariable String meetingId, @PathVariable String document) {
    Meeting meeting = meetings.find(meetingId).filter(this::mayRead)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Rakor tidak ditemukan"));
    byte[] pdf = documents.named(meeting, document);
    return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"" + document + "-" + meetingId
        + ".pdf\"").contentType(MediaType.APPLICATION_PDF).body(pdf);
  }

  /** An invited agency's slides (paparan): PDF or PPTX, at most 5 MB, three per agency ({@link Slides}). */
  @org.springframework.web.bind.annotation.PostMapping(value = "/{meetingId}/paparan",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> uploadSlides(@PathVariable String meetingId,
      @org.springframework.web.bind.annotation.RequestParam("file") org.springframework.web.multipart.MultipartFile file)
      throws java.io.IOException {
    MeetingRepository.StoredSlides stored = slides.upload(meetingId, file.getOriginalFilename(), file.getBytes());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("slidesId", stored.slidesId());
    body.put("agencyGroup", stored.agencyGroup());
    body.put("fileName", stored.fileName());
    body.put("contentType", stored.contentType());
    body.put("sizeBytes", stored.sizeBytes());
    body.put("sha256", stored.sha256());
    return ResponseEntity.status(HttpStatus.CREATED).body(body);
  }

  @GetMapping("/{meetingId}/paparan/{slidesId}")
  ResponseEntity<byte[]> slides(@PathVariable String meetingId, @PathVariable String slidesId) {
    MeetingSlides.Download d = slides.download(meetingId, slidesId);
    return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"" + d.slides().fileName() + "\"")
        .contentType(MediaType.parseMediaType(d.slides().contentType())).body(d.content());
  }

  private Map<String, Object> overview(Meeting m) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("meetingId", m.meetingId());
    body.put("processInstanceId", m.processInstanceId());
    body.put("electionId", m.electionId());
    body.put("regionCode", m.regionCode());
    body.put("stageCode", m.stageCode());
    body.put("title", m.title());
    body.put("venue", m.venue());
    body.put("meetingAt", m.meetingAt());
    body.put("meetingLocal", m.meetingLocal());
    body.put("sequence", m.sequence());
    body.put("status", m.status());
    body.put("statusReason", m.statusReason());
    body.put("conveningGroup", m.conveningGroup());
    body.put("invitedGroups", m.invitedGroups());
    body.put("closedAt", m.closedAt());
    body.put("durationMinutes", m.durationMinutes());
    body.put("letter", m.letter());
    body.put("documents", documentLinks(m));
    body.put("summary", MeetingSummary.of(m, meetings.reports(m.meetingId()), meetings.actionItems(m.meetingId())));
    return body;
  }

  private static Map<String, String> documentLinks(Meeting m) {
    Map<String, String> links = new LinkedHashMap<>();
    for (String document : List.of(MeetingDocuments.LETTER, MeetingDocuments.ATTENDANCE, MeetingDocuments.MINUTES)) {
      if (!document.equals(MeetingDocuments.MINUTES) || m.heldAt() != null) {
        links.put(document, "/api/meetings/" + m.meetingId() + "/documents/" + document + ".pdf");
      }
    }
    return links;
  }

  /** The caller's groups, as the API security hands them to the engine for the request. */
  private void requireAccess(String regionCode) {
    if (!mayRead(regionCode)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Anda tidak berwenang melihat Rakor wilayah ini");
    }
  }

  private boolean mayRead(String regionCode) {
    return regionAccess.mayRead(regionCode);
  }

  /** The region's readers, and every agency invited to the meeting (a regency's Polres at its province's Rakor). */
  private boolean mayRead(Meeting m) {
    return regionAccess.mayRead(m.regionCode()) || regionAccess.memberOfAny(m.invitedGroups());
  }

}

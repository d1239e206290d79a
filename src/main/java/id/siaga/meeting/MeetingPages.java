package id.siaga.meeting;

import id.siaga.agency.RegionAccess;
import id.siaga.calendar.LocalDeadlines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A Rakor's record as a page in Bahasa Indonesia ({@code /papan/rakor/{meetingId}}, behind the
 * board's login): what the summary and minutes mails link to, instead of the API's JSON. The
 * schedule, each agency's report and who attends for it, the attendance, the minutes, the action
 * items and the documents as PDF. For the agencies of the region and its province, the desk and
 * administrators (the API's rule); another region's meeting reads as unknown.
 */
@Controller
class MeetingPages {

  private final MeetingRepository meetings;
  private final RegionAccess access;
  private final CoordinationMeeting coordinationMeeting;
  private final MeetingDocuments documents;
  private final LocalDeadlines deadlines;
  private final MeetingSlides slides;
  private final ActionItemLines itemLines;

  MeetingPages(MeetingRepository meetings, RegionAccess access, CoordinationMeeting coordinationMeeting,
      MeetingDocuments documents, LocalDeadlines deadlines, MeetingSlides slides, ActionItemLines itemLines) {
    this.itemLines = itemLines;
    this.slides = slides;
    this.meetings = meetings;
    this.access = access;
    this.coordinationMeeting = coordinationMeeting;
    this.documents = documents;
    this.deadlines = deadlines;
  }

  /** Where the mails send the reader. */
  static String path(String meetingId) {
    return "/papan/rakor/" + meetingId;
  }

  @GetMapping("/papan/rakor/{meetingId}")
  String page(@PathVariable String meetingId, Model model) {
    Meeting m = readable(meetingId);
    model.addAttribute("user", access.userId());
    model.addAttribute("m", m);
    model.addAttribute("regionName", coordinationMeeting.regionName(m.regionCode()));
    model.addAttribute("stageName", coordinationMeeting.stageName(m));
    model.addAttribute("start", deadlines.display(m.regionCode(), m.meetingAt()));
    model.addAttribute("status", statusLabel(m.status()));
    model.addAttribute("convening", coordinationMeeting.agencyName(m.conveningGroup()));
    List<Map<String, Object>> reports = new ArrayList<>();
    Map<String, ReadinessReport> byAgency = new LinkedHashMap<>();
    meetings.reports(meetingId).forEach(r -> byAgency.put(r.agencyGroup(), r));
    for (String group : m.invitedGroups()) {
      ReadinessReport r = byAgency.get(group);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("agency", coordinationMeeting.agencyName(group));
      row.put("status", r == null ? "belum melapor" : r.readiness().label() + (r.late() ? " (terlambat)" : ""));
      row.put("personnel", r == null ? "" : String.valueOf(r.personnel()));
      row.put("attendee", r == null || r.attendee() == null ? "" : r.attendee().name() + ", " + r.attendee().position()
          + (r.attendee().onBehalfOf() == null ? "" : ", mewakili " + r.attendee().onBehalfOf()));
      row.put("attended", m.heldAt() == null ? "" : m.attendance().contains(group) ? "hadir" : "tidak hadir");
      row.put("needs", r == null ? "" : r.needs());
      row.put("topics", r == null ? "" : ReportTopics.ALL.stream().filter(t -> r.topics().containsKey(t.key()))
          .map(t -> t.label() + ": " + r.topics().get(t.key())).collect(java.util.stream.Collectors.joining("\n")));
      reports.add(row);
    }
    model.addAttribute("reports", reports);
    model.addAttribute("items", itemLines.of(m, meetings.actionItems(meetingId)));
    model.addAttribute("held", m.heldAt() != null);
    model.addAttribute("slides", slides.list(m).stream().map(s -> Map.<String, Object>of("id", s.slidesId(),
        "agency", coordinationMeeting.agencyName(s.agencyGroup()), "fileName", s.fileName(),
        "size", String.format(java.util.Locale.ROOT, "%.1f MB", s.sizeBytes() / 1048576.0),
        "uploaded", deadlines.display(m.regionCode(), s.uploadedAt()) + " oleh " + s.uploadedBy())).toList());
    model.addAttribute("mayUpload", access.memberOf(m.invitedGroups()).isPresent()
        && m.status() != MeetingStatus.DIBATALKAN && m.status() != MeetingStatus.SELESAI);
    return "board/meeting";
  }

  @GetMapping("/papan/rakor/{meetingId}/paparan/{slidesId}")
  ResponseEntity<byte[]> slides(@PathVariable String meetingId, @PathVariable String slidesId) {
    MeetingSlides.Download d = slides.download(meetingId, slidesId);
    return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"" + d.slides().fileName() + "\"")
        .contentType(MediaType.parseMediaType(d.slides().contentType())).body(d.content());
  }

  /** The upload form of the record page, for a member of an invited agency; back to the page with the outcome. */
  @org.springframework.web.bind.annotation.PostMapping("/papan/rakor/{meetingId}/paparan")
  String uploadSlides(@PathVariable String meetingId,
      @org.springframework.web.bind.annotation.RequestParam("file") org.springframework.web.multipart.MultipartFile file,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) throws java.io.IOException {
    try {
      MeetingRepository.StoredSlides stored = slides.upload(meetingId, file.getOriginalFilename(), file.getBytes());
      redirect.addFlashAttribute("message", "Paparan " + stored.fileName() + " tersimpan.");
    } catch (IllegalArgumentException refused) {
      redirect.addFlashAttribute("problem", refused.getMessage());
    }
    return "redirect:" + path(meetingId) + "#paparan";
  }

  @GetMapping(value = "/papan/rakor/{meetingId}/{document}.pdf")
  ResponseEntity<byte[]> document(@PathVariable String meetingId, @PathVariable String document) {
    byte[] pdf = documents.named(readable(meetingId), document);
    return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"" + document + "-" + meetingId
        + ".pdf\"").contentType(MediaType.APPLICATION_PDF).body(pdf);
  }

  @ExceptionHandler(ResponseStatusException.class)
  ModelAndView refused(ResponseStatusException e) {
    ModelAndView page = new ModelAndView("board/error", Map.of("status", e.getStatusCode().value(),
        "reason", e.getReason() == null ? "Tidak ditemukan" : e.getReason()), e.getStatusCode());
    page.addObject("user", access.userId());
    return page;
  }

  private Meeting readable(String meetingId) {
    return meetings.find(meetingId).filter(m -> access.mayRead(m.regionCode()) || access.memberOfAny(m.invitedGroups()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Rakor tidak ditemukan"));
  }

  static String statusLabel(MeetingStatus status) {
    return switch (status) {
      case DIJADWALKAN -> "Dijadwalkan";
      case DILAKSANAKAN -> "Dilaksanakan; tindak lanjut berjalan";
      case DIBATALKAN -> "Dibatalkan";
      case SELESAI -> "Selesai";
    };
  }
}

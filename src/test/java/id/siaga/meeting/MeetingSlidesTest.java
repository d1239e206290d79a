package id.siaga.meeting;

import static id.siaga.meeting.CoordinationMeetingDriver.scheduleForm;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * An invited agency's slides (paparan) over the real REST API: a PDF and a PPTX are accepted and
 * read back by the meeting's readers byte for byte; a web page renamed .pdf, a file over 5 MB and a
 * fourth file are refused and nothing is stored; an agency not invited may not upload, another
 * region reads nothing. The agency is the uploader's, never the request's.
 */
@SiagaSpringBootTest
class MeetingSlidesTest {

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired Elections elections;
  @Autowired MeetingRepository meetings;
  @Autowired TestRestTemplate rest;

  String meetingId;
  static int tests;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 4, 8, 0, 0, 0, WITA).toInstant()));
    String electionId = elections.createSimulation("pilkada-2024", LocalDate.of(2027, 1, 20)).id();
    CoordinationMeetingDriver driver = new CoordinationMeetingDriver(forms, repository, identity, tasks);
    // each test its own hour: a meeting at the same region, stage and time would be a duplicate
    ProcessInstance pi = driver.start(scheduleForm(electionId, "2026-12-16T" + (10 + tests++) + ":00",
        List.of("POLRI", "KPU")), "kesbangpolpalopo");
    meetingId = (String) runtime.getVariable(pi.getId(), "meetingId");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    runtime.createProcessInstanceQuery().processDefinitionKey(MeetingVariables.PROCESS_KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
  }

  @Test
  void anInvitedAgencyUploadsItsSlidesAndTheMeetingsReadersReadThem() throws Exception {
    byte[] pdf = pdf();
    ResponseEntity<Map<String, Object>> created = upload("polrespalopo", "../../Paparan Polres <final>.pdf", pdf);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getBody()).containsEntry("agencyGroup", "polri7373").containsEntry("contentType", Slides.PDF)
        .containsEntry("fileName", "Paparan Polres _final_.pdf").containsEntry("sizeBytes", pdf.length)
        .containsEntry("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
    String slidesId = (String) created.getBody().get("slidesId");
    ResponseEntity<byte[]> read = rest.withBasicAuth("kpupalopo", id.siaga.SiagaSpringBootTest.DEMO_PASSWORD)
        .getForEntity("/api/meetings/" + meetingId + "/paparan/" + slidesId, byte[].class);
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(read.getBody()).isEqualTo(pdf);
    assertThat(read.getHeaders().getContentType().toString()).isEqualTo(Slides.PDF);
    assertThat(read.getHeaders().getFirst("Content-Disposition")).startsWith("attachment;");

    ResponseEntity<Map<String, Object>> deck = upload("kpupalopo", "Kesiapan logistik.pptx", pptx());
    assertThat(deck.getStatusCode().value()).isEqualTo(201);
    assertThat(deck.getBody()).containsEntry("agencyGroup", "kpu7373").containsEntry("contentType", Slides.PPTX);

    // another region reads nothing; the record lists both
    assertThat(rest.withBasicAuth("polresmakassar", id.siaga.SiagaSpringBootTest.DEMO_PASSWORD)
        .getForEntity("/api/meetings/" + meetingId + "/paparan/" + slidesId, byte[].class).getStatusCode().value())
        .isEqualTo(404);
    assertThat(meetings.slides(meetingId)).extracting(MeetingRepository.StoredSlides::agencyGroup)
        .containsExactly("polri7373", "kpu7373");
    // the record's page lists them with their download links, and offers an invited agency the upload form
    id.siaga.BoardSession kpu = new id.siaga.BoardSession(rest);
    kpu.login("kpupalopo", id.siaga.SiagaSpringBootTest.DEMO_PASSWORD);
    String page = kpu.get(MeetingPages.path(meetingId)).getBody();
    assertThat(page).contains("Paparan Polres _final_.pdf", "Kesiapan logistik.pptx",
        "/papan/rakor/" + meetingId + "/paparan/" + slidesId, "Unggah paparan instansi Anda");
    assertThat(kpu.download(MeetingPages.path(meetingId) + "/paparan/" + slidesId).getBody()).isEqualTo(pdf);
  }

  @Test
  void badFilesAndOutsidersAreRefusedAndNothingIsStored() throws Exception {
    byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    ResponseEntity<Map<String, Object>> renamed = upload("polrespalopo", "paparan.pdf", page);
    assertThat(renamed.getStatusCode().value()).isEqualTo(400);
    assertThat(String.valueOf(renamed.getBody())).contains("harus PDF atau PowerPoint (PPTX)");
    byte[] zip = zip("word/document.xml");   // a Word file is a zip too, but not a presentation
    assertThat(upload("polrespalopo", "paparan.pptx", zip).getStatusCode().value()).isEqualTo(400);

    byte[] big = new byte[Slides.MAX_BYTES + 1];
    System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
    assertThat(upload("polrespalopo", "besar.pdf", big).getStatusCode().value()).isEqualTo(413);

    // not invited (Bawaslu of the region), another region
    assertThat(upload("bawaslupalopo", "paparan.pdf", pdf()).getStatusCode().value()).isEqualTo(403);
    assertThat(upload("polresmakassar", "paparan.pdf", pdf()).getStatusCode().value()).isEqualTo(404);
    assertThat(meetings.slides(meetingId)).isEmpty();

    // three per agency
    for (int i = 0; i < Slides.MAX_PER_AGENCY; i++) {
      assertThat(upload("polrespalopo", "paparan-" + i + ".pdf", pdf()).getStatusCode().value()).isEqualTo(201);
    }
    ResponseEntity<Map<String, Object>> fourth = upload("polrespalopo", "paparan-4.pdf", pdf());
    assertThat(fourth.getStatusCode().value()).isEqualTo(400);
    assertThat(String.valueOf(fourth.getBody())).contains("Paling banyak 3 berkas paparan per instansi");
    assertThat(meetings.slides(meetingId)).hasSize(3);
  }

  @Test
  void aReportCannotNameAnotherAgencyTypeOrAgencyOverTheRestApi() {
    String taskId = tasks.createTaskQuery().processInstanceBusinessKey(meetingId)
        .taskDefinitionKey("SubmitReadinessReportTask").taskCandidateGroup("polri7373").singleResult().getId();
    // the police pose as KPU: its type and group as extra variables, KPU's topics instead of their own
    Map<String, Object> variables = new java.util.HashMap<>(Map.of(
        "personnelCount", Map.of("value", 25), "vulnerabilities", Map.of("value", "[]", "type", "Json"),
        "needsAndObstacles", Map.of("value", "-"), "readinessStatus", Map.of("value", "SIAP"),
        "attendeeName", Map.of("value", "Kompol Andi"), "attendeePosition", Map.of("value", "Wakapolres"),
        "logisticsStatus", Map.of("value", "Lengkap"), "adHocBodies", Map.of("value", "Lengkap")));
    variables.put("agencyType", Map.of("value", "KPU"));
    variables.put("agencyGroup", Map.of("value", "kpu7373"));
    ResponseEntity<String> posing = rest.withBasicAuth("polrespalopo", id.siaga.SiagaSpringBootTest.DEMO_PASSWORD)
        .postForEntity("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables), String.class);
    assertThat(posing.getStatusCode().value()).isEqualTo(400);
    assertThat(meetings.reports(meetingId)).isEmpty();
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isOne();

    // without the extra variables: still refused, the police's own topic is required whatever else is sent
    variables.remove("agencyType");
    variables.remove("agencyGroup");
    ResponseEntity<String> noTopic = rest.withBasicAuth("polrespalopo", id.siaga.SiagaSpringBootTest.DEMO_PASSWORD)
        .postForEntity("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables), String.class);
    assertThat(noTopic.getStatusCode().value()).isEqualTo(400);
    assertThat(noTopic.getBody()).contains("Titik rawan dan pengamanannya wajib diisi");
    assertThat(meetings.reports(meetingId)).isEmpty();
  }

  // ------------------------------------------------------------------ helpers

  ResponseEntity<Map<String, Object>> upload(String user, String fileName, byte[] content) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, id.siaga.SiagaSpringBootTest.DEMO_PASSWORD).exchange(
        "/api/meetings/" + meetingId + "/paparan", HttpMethod.POST, new HttpEntity<>(body, headers),
        new ParameterizedTypeReference<Map<String, Object>>() {});
  }

  static byte[] pdf() throws Exception {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  static byte[] pptx() throws Exception {
    return zip("[Content_Types].xml", "ppt/presentation.xml", "ppt/slides/slide1.xml");
  }

  static byte[] zip(String... entries) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write("<xml/>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}

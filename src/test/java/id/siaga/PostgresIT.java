package id.siaga;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.region.AreaFiles;
import id.siaga.region.ImportResult;
import id.siaga.region.NationalImport;
import id.siaga.region.RegionService;
import id.siaga.region.Zone;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import id.siaga.calendar.Elections;
import java.net.http.HttpClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production profile on a real PostgreSQL server that the test starts itself: migrations,
 * engine, deployment from bpmn/, the national import, task routing, the secured REST API, and a
 * restart that keeps everything and redeploys nothing.
 */
class PostgresIT {

  static EmbeddedPostgres postgres;

  /** The coordination meeting held before the restart, read again after it. */
  static String meetingId;

  /** Operator passwords that pass Camunda's password policy (on in production). */
  static final String FIRST_PASSWORD = "Tahap#Persiapan-2026";
  static final String ROTATED_PASSWORD = "Tahap#Rotasi-2026x";

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void theProductionProfileRunsOnPostgresql() throws Exception {
    try (ConfigurableApplicationContext app = start(FIRST_PASSWORD)) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
      int migrations = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
          .getResources("classpath:db/migration/V*.sql").length;
      assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
          .as("every migration applied").isEqualTo(migrations).isGreaterThanOrEqualTo(2);

      NationalImport nationalImport = app.getBean(NationalImport.class);
      ImportResult first = nationalImport.importFrom(AreaFiles.bundled(), "postgres-test");
      assertThat(first.regionsWithRace()).isEqualTo(545);
      assertThat(first.districts()).isEqualTo(7285);
      assertThat(first.inserted()).isEqualTo(38 + 514 + 7285);
      assertThat(nationalImport.importFrom(AreaFiles.bundled(), "postgres-test").changedNothing()).isTrue();
      assertThat(app.getBean(RegionService.class).get("91.71").zone()).isEqualTo(Zone.WIT);

      ProcessEngine engine = app.getBean(ProcessEngine.class);
      IdentityService identity = engine.getIdentityService();
      assertThat(identity.createUserQuery().userId("polrespalopo").count()).as("no demo users in prod").isZero();
      assertThat(identity.createGroupQuery().groupId("polri7373").singleResult().getName())
          .isEqualTo("Polres Palopo");
      assertThat(identity.createGroupQuery().groupId("kemendagri").count()).as("the top of the Kesbangpol and Pemda lines")
          .isEqualTo(1);

      DecisionService decisions = engine.getDecisionService();
      assertThat(decisions.evaluateDecisionTableByKey("stage-workstreams", Map.of("stageCode", "pemungutan-suara",
          "level", "REGENCY")).collectEntries("workstream")).contains("logistics-distribution", "tps-security-plan");

      ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("agency-task-probe",
          Map.of("agencyGroup", "polri7373", "regionCode", "73.73"));
      identity.setAuthentication("officer", List.of("tni7373"));
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
      identity.setAuthentication("officer", List.of("polri7373"));
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
      identity.clearAuthentication();

      meetingId = holdACoordinationMeeting(app);

      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      theOfficersListIsCamundasAnswer(app, port, instance);
      startALogisticsLeg(app, port);
      runSecurityPlans(app, port);
      assertThat(get(port, "/api/meetings/" + meetingId, "operator:" + FIRST_PASSWORD)).isEqualTo(200);
      assertThat(get(port, "/engine-rest/task", null)).isEqualTo(401);
      assertThat(get(port, "/engine-rest/task", "operator:" + FIRST_PASSWORD)).isEqualTo(200);
      assertThat(get(port, "/api/regions/73.73", "operator:" + FIRST_PASSWORD)).isEqualTo(200);
    }

    try (ConfigurableApplicationContext restarted = start(ROTATED_PASSWORD)) {
      ProcessEngine engine = restarted.getBean(ProcessEngine.class);
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).as("unchanged files, no redeploy")
          .isEqualTo(1);
      assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
          .decisionDefinitionKey("stage-workstreams").count()).isEqualTo(1);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("agency-task-probe")
          .count()).as("the task survived the restart").isEqualTo(1);
      assertThat(engine.getIdentityService().checkPassword("operator", ROTATED_PASSWORD))
          .as("admin password follows SIAGA_ADMIN_PASSWORD").isTrue();
      assertThat(engine.getIdentityService().checkPassword("operator", FIRST_PASSWORD)).isFalse();
      assertThat(restarted.getBean(JdbcTemplate.class).queryForObject(
          "select status from siaga_meeting where meeting_id = ?", String.class, meetingId))
          .as("the Rakor record survived the restart").isEqualTo("SELESAI");
    }
  }

  /**
   * A whole coordination meeting on PostgreSQL: scheduled by the operator, one report, the meeting held with one
   * action item, the item done; the record is read back from PostgreSQL.
   */
  private static String holdACoordinationMeeting(ConfigurableApplicationContext app) {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    app.getBean(Elections.class).createSimulation("pilkada-2024", LocalDate.of(2027, 1, 20));
    IdentityService identity = engine.getIdentityService();
    TaskService tasks = engine.getTaskService();
    Map<String, Object> schedule = new HashMap<>(Map.of("regionCode", "73.73", "stageCode", "kampanye",
        "title", "Rakor kesiapan kampanye", "meetingAt", "2026-12-20T09:30",
        "venue", "Aula Kantor Wali Kota Palopo", "agenda", "Laporan kesiapan", "conveningAgency", "KESBANGPOL"));
    schedule.put("invitedAgencies", SpinValues.jsonValue("[\"POLRI\",\"KPU\"]").create());
    identity.setAuthentication("operator", List.of("camunda-admin"));
    // the engine's clock a month before the meeting, whatever day the build runs
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T00:00:00Z")));
    ProcessInstance meeting;
    try {
      meeting = engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey("coordination-meeting").latestVersion().singleResult().getId(), schedule);
    } finally {
      identity.clearAuthentication();
      ClockUtil.reset();
    }
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T00:00:00Z")));
    String police = tasks.createTaskQuery().processInstanceId(meeting.getId()).taskCandidateGroup("polri7373")
        .singleResult().getId();
    engine.getFormService().submitTaskForm(police, Map.of("personnelCount", 40,
        "vulnerabilities", SpinValues.jsonValue("[\"HOAKS\"]").create(), "needsAndObstacles", "Kendaraan patroli",
        "readinessStatus", "SIAP", "attendeeName", "Kompol Andi Saputra", "attendeePosition", "Wakapolres",
        "vulnerablePoints", "Gudang logistik KPU"));
    try {
      ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-20T03:00:00Z")));
      String outcome = tasks.createTaskQuery().processInstanceId(meeting.getId())
          .taskDefinitionKey("RecordMeetingOutcomeTask").singleResult().getId();
      engine.getFormService().submitTaskForm(outcome, Map.of("meetingOutcome", "DILAKSANAKAN",
          "attendance", SpinValues.jsonValue("[\"POLRI\",\"KPU\"]").create(), "minutes", "Siap.",
          "actionItem1Description", "Patroli", "actionItem1Owner", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"POLRI\"]").create(), "actionItem1Due", "2026-12-28"));
      String item = tasks.createTaskQuery().processInstanceId(meeting.getId())
          .taskDefinitionKey("CompleteActionItemTask").taskCandidateGroup("polri7373").singleResult().getId();
      engine.getFormService().submitTaskForm(item, Map.of("followUpDecision", "SELESAI",
          "followUpOutcome", "Patroli dilaksanakan", "evidence", "Sprin 1/XII"));
    } finally {
      ClockUtil.reset();
    }
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    String meetingId = meeting.getBusinessKey();
    assertThat(jdbc.queryForObject("select status from siaga_meeting where meeting_id = ?", String.class, meetingId))
        .isEqualTo("SELESAI");
    assertThat(jdbc.queryForObject("select vulnerabilities from siaga_meeting_report where meeting_id = ?",
        String.class, meetingId)).isEqualTo("HOAKS");
    assertThat(jdbc.queryForObject("select late from siaga_meeting_action_item where meeting_id = ?",
        Boolean.class, meetingId)).isFalse();
    return meetingId;
  }

  /**
   * The logistics leg of Kota Palopo on PostgreSQL: figures imported over the API, the leg started,
   * allocation and sorting done, every kecamatan given its deadline by the table and its escort task;
   * the status read back over the API.
   */
  private static void startALogisticsLeg(ConfigurableApplicationContext app, int port) throws Exception {
    StringBuilder csv = new StringBuilder("kode_kecamatan,jumlah_tps,jumlah_dpt,terpencil_3t,moda_transportasi\n");
    for (int i = 1; i <= 9; i++) {
      csv.append(String.format("73.73.%02d,%d,%d,tidak,%s%n", i, 20 + i, (20 + i) * 400, i == 4 ? "sungai" : "darat"));
    }
    HttpRequest put = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/logistics/figures/73.73"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("operator:" + FIRST_PASSWORD).getBytes()))
        .header("Content-Type", "text/csv").PUT(HttpRequest.BodyPublishers.ofString(csv.toString())).build();
    assertThat(HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    String electionId = app.getBean(Elections.class).createSimulation("pilkada-2024", LocalDate.of(2027, 1, 20)).id();
    TaskService tasks = engine.getTaskService();
    try {
      ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-20T01:00:00Z")));
      ProcessInstance leg = engine.getRuntimeService().startProcessInstanceByKey("logistics-distribution",
          Map.of("regionCode", "73.73", "direction", "OUTBOUND", "electionId", electionId));
      engine.getFormService().submitTaskForm(tasks.createTaskQuery().processInstanceId(leg.getId())
          .taskDefinitionKey("ConfirmAllocationTask").singleResult().getId(), Map.of());
      engine.getFormService().submitTaskForm(tasks.createTaskQuery().processInstanceId(leg.getId())
          .taskDefinitionKey("SortAndFoldTask").singleResult().getId(),
          Map.of("ballotProvinceDamaged", 0, "ballotLocalDamaged", 0));
      assertThat(tasks.createTaskQuery().processInstanceId(leg.getId()).taskDefinitionKey("AssignEscortTask").count())
          .isEqualTo(9);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      // the river kecamatan: H-7 18:00 WITA
      assertThat(jdbc.queryForObject("select arrive_by from siaga_logistics_district where district_code = '73.73.04'"
          + " and leg_id = ?", java.sql.Timestamp.class, leg.getBusinessKey()).toInstant())
          .isEqualTo(Instant.parse("2027-01-13T10:00:00Z"));
      assertThat(jdbc.queryForObject("select count(*) from siaga_logistics_quantity where leg_id = ?", Integer.class,
          leg.getBusinessKey())).isEqualTo(10 * 7);
    } finally {
      ClockUtil.reset();
    }
    assertThat(get(port, "/api/logistics?regionCode=73.73", "operator:" + FIRST_PASSWORD)).isEqualTo(200);
  }

  /**
   * The security processes of Kota Palopo on PostgreSQL (after the logistics leg, whose figures give
   * the TPS counts): TPS tiers imported over the API, the guard plan computed, the quiet period's
   * patrols reviewed with an override, a BKO request, and the first situation report filed rawan.
   */
  private static void runSecurityPlans(ConfigurableApplicationContext app, int port) throws Exception {
    StringBuilder csv = new StringBuilder("kode_kecamatan,tps_kurang_rawan,tps_rawan,tps_sangat_rawan\n");
    for (int i = 1; i <= 9; i++) {
      csv.append(String.format("73.73.%02d,%d,1,%d%n", i, 20 + i - 1 - (i == 1 ? 1 : 0), i == 1 ? 1 : 0));
    }
    HttpRequest put = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/security/tiers/73.73"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("operator:" + FIRST_PASSWORD).getBytes()))
        .header("Content-Type", "text/csv").PUT(HttpRequest.BodyPublishers.ofString(csv.toString())).build();
    assertThat(HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    String electionId = app.getBean(Elections.class).createSimulation("pilkada-2024", LocalDate.of(2027, 1, 20)).id();
    TaskService tasks = engine.getTaskService();
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    try {
      ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-14T00:00:00Z")));
      ProcessInstance guard = engine.getRuntimeService().startProcessInstanceByKey("tps-security-plan",
          Map.of("regionCode", "73.73", "electionId", electionId));
      // 9 kecamatan: kurang rawan 2 per 8 TPS, one rawan TPS each (2 police), one sangat rawan TPS (2 police)
      int police = 0;
      for (int i = 1; i <= 9; i++) {
        int low = 20 + i - 1 - (i == 1 ? 1 : 0);
        police += 2 * ((low + 7) / 8) + 2 + (i == 1 ? 2 : 0);
      }
      assertThat(jdbc.queryForObject("select police_needed from siaga_guard_plan where process_instance_id = ?",
          Integer.class, guard.getId())).isEqualTo(police);
      assertThat(tasks.createTaskQuery().processInstanceId(guard.getId()).count()).isEqualTo(3);

      ProcessInstance patrols = engine.getRuntimeService().startProcessInstanceByKey("patrol-assignment",
          Map.of("regionCode", "73.73", "stageCode", "masa-tenang", "electionId", electionId));
      engine.getFormService().submitTaskForm(tasks.createTaskQuery().processInstanceId(patrols.getId())
          .taskDefinitionKey("ReviewPlanTask").singleResult().getId(), Map.of("personnelAvailable", 10,
          "overrideDistricts", org.camunda.spin.Spin.JSON("[\"73.73.01\"]"), "overridePatrolsPerDay", 4,
          "overridePersonnelPerPatrol", 6, "overrideJointWithTni", "true", "overrideReason", "Pusat kota"));
      assertThat(jdbc.queryForObject("select requested from siaga_reinforcement where source_id = ?", Integer.class,
          patrols.getBusinessKey())).isEqualTo(8 * 12 + 24 - 10);
      ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-16T16:00:01Z"))); // 17 January 00:00 WITA
      engine.getManagementService().createJobQuery().processInstanceId(patrols.getId()).executable().list()
          .forEach(job -> engine.getManagementService().executeJob(job.getId()));
      engine.getFormService().submitTaskForm(tasks.createTaskQuery().processInstanceId(patrols.getId())
          .taskDefinitionKey("FileSituationReportTask").singleResult().getId(), Map.of("incidents", 1,
          "rawanDistricts", org.camunda.spin.Spin.JSON("[\"73.73.01\"]"),
          "incidentDistricts", org.camunda.spin.Spin.JSON("[\"73.73.01\"]"), "incidentNotes", "Bentrok kecil"));
      assertThat(jdbc.queryForObject("select count(*) from siaga_patrol_situation where stage_plan_id = ?"
          + " and situation = 'RAWAN' and had_incident", Integer.class, patrols.getBusinessKey())).isOne();
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(patrols.getId())
          .activityId("NotifyCoordinatorTask").count()).isOne();
    } finally {
      ClockUtil.reset();
    }
    assertThat(get(port, "/api/security?regionCode=73.73", "operator:" + FIRST_PASSWORD)).isEqualTo(200);
  }

  private static ConfigurableApplicationContext start(String adminPassword) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--siaga.admin.user=operator",
        "--siaga.admin.password=" + adminPassword,
        "--spring.mail.host=127.0.0.1",
        "--siaga.base-url=https://siaga.example.org",
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.webapp.session-cookie.enable-secure-cookie=false"));
    return new SpringApplicationBuilder(SiagaPilkadaApplication.class).profiles("prod")
        .run(args.toArray(String[]::new));
  }

  /**
   * The officer's list on PostgreSQL: answered by the product's candidate-group list (its page and
   * counts in one statement with window aggregates), byte for byte what Camunda's filter query gives.
   */
  private static void theOfficersListIsCamundasAnswer(ConfigurableApplicationContext app, int port,
      ProcessInstance instance) throws Exception {
    IdentityService identity = app.getBean(ProcessEngine.class).getIdentityService();
    org.camunda.bpm.engine.identity.User officer = identity.newUser("petugaspalopo");
    officer.setFirstName("Petugas");
    officer.setLastName("Polres");
    officer.setPassword("Jaga#Wilayah-2026");
    identity.saveUser(officer);
    identity.createMembership("petugaspalopo", "polri7373");
    String filterId = app.getBean(ProcessEngine.class).getFilterService().createFilterQuery()
        .filterName("Tugas instansi saya").singleResult().getId();
    String path = "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15";
    String body = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
    long answered = id.siaga.system.CandidateTaskList.ANSWERED.get();
    String product = postHal(port, path, "petugaspalopo:Jaga#Wilayah-2026", body);
    assertThat(id.siaga.system.CandidateTaskList.ANSWERED.get() - answered).as("answered by the product's list")
        .isEqualTo(1);
    System.setProperty(id.siaga.system.CandidateTaskList.CAMUNDA_PATH_PROPERTY, "true");
    try {
      assertThat(product).isEqualTo(postHal(port, path, "petugaspalopo:Jaga#Wilayah-2026", body));
    } finally {
      System.clearProperty(id.siaga.system.CandidateTaskList.CAMUNDA_PATH_PROPERTY);
    }
    String taskId = app.getBean(ProcessEngine.class).getTaskService().createTaskQuery()
        .processInstanceId(instance.getId()).singleResult().getId();
    assertThat(product).contains("\"count\":1", taskId);
  }

  private static String postHal(int port, String path, String credentials, String body) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()))
        .header("Content-Type", "application/json").header("Accept", "application/hal+json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static int get(int port, String path, String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (credentials != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}

package id.siaga.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.SiagaSpringBootTest;
import id.siaga.calendar.Elections;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Readiness for the whole nation with the real national data: 508 regencies and cities and 37
 * provinces walking one election, a second start creating nothing, a run stopped midway resuming
 * without duplicates; the REST API for administrators and the national desk only.
 */
@SiagaSpringBootTest
class NationalStartTest {

  static final LocalDate VOTING_DAY = LocalDate.of(2028, 3, 22);

  @Autowired NationalStart starts;
  @Autowired RuntimeService runtime;
  @Autowired Elections elections;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  String electionId;

  @BeforeEach
  void setUp() {
    electionId = elections.createSimulation("pilkada-2024", VOTING_DAY).id();
  }

  @AfterEach
  void tearDown() {
    runtime.createProcessInstanceQuery().processDefinitionKey("regional-readiness").list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished", true, true));
    jdbc.update("delete from siaga_regional_readiness");
  }

  @Test
  void theNationStartsOnceAndAStoppedRunResumesWithoutDuplicates() throws Exception {
    assertThat(starts.scope(null)).hasSize(545);
    assertThat(starts.scope(null).stream().filter(r -> r.code().length() == 2)).hasSize(37);
    assertThat(starts.scope("73")).hasSize(25);   // Sulawesi Selatan and its 24 regencies and cities

    // a first run, stopped midway as a crash would stop it
    NationalStart.Progress first = starts.start(electionId, null, "test");
    awaitAtLeast(first.runId(), 40);
    starts.stop(first.runId());
    NationalStart.Progress stopped = await(first.runId());
    assertThat(stopped.status()).isEqualTo("STOPPED");
    int walkingAfterStop = walking();
    assertThat(walkingAfterStop).isBetween(40, 544);

    // started again: the rest, none twice
    NationalStart.Progress resumed = await(starts.start(electionId, null, "test").runId());
    assertThat(resumed.status()).isEqualTo("DONE");
    assertThat(resumed.total()).isEqualTo(545);
    assertThat(resumed.skipped()).isEqualTo(walkingAfterStop);
    assertThat(resumed.started()).isEqualTo(545 - walkingAfterStop);
    assertThat(resumed.failed()).isZero();
    assertThat(walking()).isEqualTo(545);
    assertThat(jdbc.queryForObject("select count(*) from siaga_regional_readiness where election_id = ?"
        + " and length(region_code) = 5", Integer.class, electionId)).isEqualTo(508);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("regional-readiness")
        .processInstanceBusinessKeyLike(electionId + ":%").count()).isEqualTo(545);

    // a second start creates nothing; one region's start returns the walk that exists
    NationalStart.Progress again = await(starts.start(electionId, null, "test").runId());
    assertThat(again.started()).isZero();
    assertThat(again.skipped()).isEqualTo(545);
    String palopo = starts.existing(electionId, "73.73").orElseThrow();
    assertThat(starts.startOne(electionId, "73.73")).isEqualTo(palopo);
    assertThat(walking()).isEqualTo(545);
  }

  @Test
  void theApiIsForAdministratorsAndTheNationalDeskAndStartsAProvince() throws Exception {
    assertThat(post("kesbangpolsulsel", "/api/readiness/" + electionId + "/start?province=73").getStatusCode().value())
        .isEqualTo(403);
    assertThat(post("desknasional", "/api/readiness/" + electionId + "/start?province=99").getStatusCode().value())
        .isEqualTo(400);
    assertThat(post("desknasional", "/api/readiness/pilpres-2029/start").getStatusCode().value()).isEqualTo(400);
    ResponseEntity<Map> accepted = rest.withBasicAuth("desknasional", SiagaSpringBootTest.DEMO_PASSWORD)
        .postForEntity("/api/readiness/" + electionId + "/start?province=73", null, Map.class);
    assertThat(accepted.getStatusCode().value()).isEqualTo(202);
    assertThat(accepted.getBody()).containsEntry("total", 25).containsEntry("scope", "73");
    NationalStart.Progress done = await((String) accepted.getBody().get("runId"));
    assertThat(done.started()).isEqualTo(25);
    ResponseEntity<Map> progress = rest.withBasicAuth("desknasional", SiagaSpringBootTest.DEMO_PASSWORD)
        .getForEntity("/api/readiness/runs/" + done.runId(), Map.class);
    assertThat(progress.getBody()).containsEntry("status", "DONE").containsEntry("started", 25);
    ResponseEntity<Map> one = rest.withBasicAuth(SiagaSpringBootTest.ADMIN, SiagaSpringBootTest.ADMIN_PASSWORD)
        .postForEntity("/api/readiness/" + electionId + "/regions/73.73", null, Map.class);
    assertThat(one.getBody()).containsEntry("existing", "true").containsEntry("businessKey", electionId + ":73.73");
    assertThat(walking()).isEqualTo(25);

    // one region of another province, new: started for the desk, who is recorded as its starter
    ResponseEntity<Map> jayapura = rest.withBasicAuth("desknasional", SiagaSpringBootTest.DEMO_PASSWORD)
        .postForEntity("/api/readiness/" + electionId + "/regions/91.71", null, Map.class);
    assertThat(jayapura.getStatusCode().value()).isEqualTo(200);
    assertThat(jayapura.getBody()).containsEntry("existing", "false").containsEntry("businessKey", electionId + ":91.71");
    assertThat(jdbc.queryForObject("select started_by from siaga_regional_readiness where election_id = ?"
        + " and region_code = '91.71'", String.class, electionId)).isEqualTo("desknasional");
    // a region without a race, or a coordinator, is refused and starts nothing
    assertThat(post("desknasional", "/api/readiness/" + electionId + "/regions/91.71.01").getStatusCode().value())
        .isEqualTo(400);
    assertThat(post("kesbangpolpalopo", "/api/readiness/" + electionId + "/regions/91.03").getStatusCode().value())
        .isEqualTo(403);
    assertThat(walking()).isEqualTo(26);
  }

  int walking() {
    return jdbc.queryForObject("select count(*) from siaga_regional_readiness where election_id = ?", Integer.class,
        electionId);
  }

  ResponseEntity<String> post(String user, String path) {
    return rest.withBasicAuth(user, SiagaSpringBootTest.DEMO_PASSWORD).postForEntity(path, null, String.class);
  }

  void awaitAtLeast(String runId, int done) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < until) {
      NationalStart.Progress p = starts.progress(runId).orElseThrow();
      if (p.started() + p.skipped() + p.failed() >= done || !"RUNNING".equals(p.status())) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("run " + runId + " did not reach " + done);
  }

  NationalStart.Progress await(String runId) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < until) {
      NationalStart.Progress p = starts.progress(runId).orElseThrow();
      if (!"RUNNING".equals(p.status())) {
        return p;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("run " + runId + " did not finish");
  }
}

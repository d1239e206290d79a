package id.siaga.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.EngineUsers;
import id.siaga.SiagaSpringBootTest;
import id.siaga.region.Region;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An officer of Polres Palopo works only the tasks of Polres Palopo: not those of Kodim
 * Palopo (same region, other agency) nor of Polrestabes Makassar (same agency type, other region),
 * through the Java API and through the REST API.
 */
@SiagaSpringBootTest
class TaskAccessTest {

  static final String OFFICER = "polrespalopo";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;

  private Task polresPalopo;
  private Task kodimPalopo;
  private Task polresMakassar;

  @BeforeEach
  void startOneTaskPerAgency() {
    polresPalopo = startTask("polri7373", "73.73");
    kodimPalopo = startTask("tni7373", "73.73");
    polresMakassar = startTask("polri7371", "73.71");
  }

  @AfterEach
  void clearAuthentication() {
    identity.clearAuthentication();
    for (Task task : List.of(polresPalopo, kodimPalopo, polresMakassar)) {
      runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
    }
  }

  @Test
  void javaApiListsOnlyTheOfficersOwnAgencyTasks() {
    actAs(OFFICER);

    List<String> visible = tasks.createTaskQuery().list().stream().map(Task::getId).toList();

    assertThat(visible).contains(polresPalopo.getId()).doesNotContain(kodimPalopo.getId(), polresMakassar.getId());
    assertThat(tasks.createTaskQuery().taskCandidateGroup("tni7373").list()).isEmpty();
  }

  /**
   * The engine takes the officer's groups as they are ({@link AuthenticatedGroupsPlugin}) instead of
   * narrowing them with a query over every authorization: a group no authorization names changes
   * nothing, the officer's own group still counts.
   */
  @Test
  void theOfficersGroupsAreTakenAsTheyAreWithTheSameAnswer() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> groups = configuration.getCommandExecutorTxRequired().execute(context -> {
      assertThat(context.getAuthorizationManager())
          .isInstanceOf(AuthenticatedGroupsPlugin.AuthenticatedGroupsAuthorizationManager.class);
      return context.getAuthorizationManager().filterAuthenticatedGroupIds(List.of("polri7373", "kelompok-tanpa-hak"));
    });
    assertThat(groups).containsExactlyInAnyOrder("polri7373", "kelompok-tanpa-hak");

    identity.setAuthentication(OFFICER, List.of("kelompok-tanpa-hak", "polri7373"));
    assertThat(tasks.createTaskQuery().list()).extracting(Task::getId)
        .contains(polresPalopo.getId()).doesNotContain(kodimPalopo.getId(), polresMakassar.getId());
    assertThatThrownBy(() -> tasks.complete(kodimPalopo.getId())).isInstanceOf(AuthorizationException.class);
    identity.setAuthentication(OFFICER, List.of("kelompok-tanpa-hak"));
    assertThat(tasks.createTaskQuery().list()).extracting(Task::getId)
        .doesNotContain(polresPalopo.getId(), kodimPalopo.getId(), polresMakassar.getId());
  }

  @Test
  void javaApiRefusesToReadOrCompleteAnotherAgencysTask() {
    actAs(OFFICER);

    for (Task other : List.of(kodimPalopo, polresMakassar)) {
      assertThatThrownBy(() -> tasks.getVariables(other.getId())).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> tasks.complete(other.getId())).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> tasks.claim(other.getId(), OFFICER)).isInstanceOf(AuthorizationException.class);
    }
    identity.clearAuthentication();
    assertThat(tasks.createTaskQuery().taskId(kodimPalopo.getId()).count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().taskId(polresMakassar.getId()).count()).isEqualTo(1);
  }

  @Test
  void javaApiLetsTheOfficerCompleteTheirOwnTask() {
    actAs(OFFICER);

    tasks.complete(polresPalopo.getId());

    identity.clearAuthentication();
    assertThat(tasks.createTaskQuery().taskId(polresPalopo.getId()).count()).isZero();
  }

  @Test
  void restApiShowsAndCompletesOnlyTheOfficersOwnTasks() {
    TestRestTemplate officer = rest.withBasicAuth(OFFICER, SiagaSpringBootTest.DEMO_PASSWORD);

    ResponseEntity<Map[]> list = officer.getForEntity("/engine-rest/task", Map[].class);
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    assertThat(list.getBody()).extracting(m -> m.get("id"))
        .contains(polresPalopo.getId()).doesNotContain(kodimPalopo.getId(), polresMakassar.getId());

    for (Task other : List.of(kodimPalopo, polresMakassar)) {
      assertThat(officer.getForEntity("/engine-rest/task/" + other.getId(), String.class).getStatusCode().value())
          .isIn(403, 404);
      assertThat(officer.getForEntity("/engine-rest/task/" + other.getId() + "/variables", String.class)
          .getStatusCode().value()).isEqualTo(403);
      assertThat(officer.postForEntity("/engine-rest/task/" + other.getId() + "/complete", emptyJson(),
          String.class).getStatusCode().value()).isEqualTo(403);
    }
    assertThat(tasks.createTaskQuery().taskId(kodimPalopo.getId()).count()).isEqualTo(1);

    assertThat(officer.postForEntity("/engine-rest/task/" + polresPalopo.getId() + "/complete", emptyJson(),
        String.class).getStatusCode().value()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(polresPalopo.getId()).count()).isZero();
  }

  private Task startTask(String agencyGroup, String regionCode) {
    ProcessInstance instance = runtime.startProcessInstanceByKey("agency-task-probe",
        Map.of("agencyGroup", agencyGroup, Region.PROCESS_VARIABLE, regionCode));
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private void actAs(String userId) {
    EngineUsers.actAs(identity, userId);
  }

  private static HttpEntity<String> emptyJson() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>("{}", headers);
  }
}

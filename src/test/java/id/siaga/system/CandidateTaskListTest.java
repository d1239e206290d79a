package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.TasklistSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The officer's list of a candidate-group filter, answered by {@link CandidateTaskList}, is the
 * answer Camunda's own filter query gives, byte for byte, over both REST APIs: each request is sent
 * twice, once answered by the product and once by Camunda
 * ({@link CandidateTaskList#CAMUNDA_PATH_PROPERTY}), and {@link CandidateTaskList#ANSWERED} shows
 * which of them answered. Whatever the product does not handle (other criteria, another filter, a
 * task of the officer's group without its grant, a revoke, a filter the officer may not read) goes
 * to Camunda and gets Camunda's answer.
 */
@SiagaSpringBootTest
class CandidateTaskListTest {

  static final String OFFICER = "ujidaftar";
  static final String PASSWORD = "Kunci#Tugas2024x";
  static final String GROUP_A = "ujidaftara";
  static final String GROUP_B = "ujidaftarb";
  static final String OTHER = "ujidaftarlain";
  static final String TASKLIST_BODY = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;

  private final List<String> instances = new ArrayList<>();
  private final List<String> grants = new ArrayList<>();
  private final Date t0 = new Date(Date.UTC(126, 10, 20, 1, 0, 0));
  private String agencyFilter;
  private String overdueFilter;
  private String myFilter;
  private TasklistSession tasklist;

  @BeforeEach
  void tasksOfTheOfficersGroupsAndOthers() throws Exception {
    identity.clearAuthentication();
    repository.createDeployment().name("candidate-task-list-test").enableDuplicateFiltering(true)
        .addModelInstance("candidate-list-probe.bpmn", Bpmn.createExecutableProcess("candidate-list-probe")
            .name("Uji daftar tugas").camundaHistoryTimeToLive(1).startEvent("ProbeStart")
            .userTask("ProbeTask").name("${taskName}").camundaCandidateGroups("${candidates}")
            .endEvent("ProbeEnd").done())
        .deploy();
    for (String group : List.of(GROUP_A, GROUP_B, OTHER)) {
      identity.saveGroup(identity.newGroup(group));
    }
    User officer = identity.newUser(OFFICER);
    officer.setFirstName("Petugas");
    officer.setLastName("Uji");
    officer.setEmail(OFFICER + "@siaga.demo");
    officer.setPassword(PASSWORD);
    identity.saveUser(officer);
    identity.createMembership(OFFICER, GROUP_A);
    identity.createMembership(OFFICER, GROUP_B);
    grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS);

    start("Tugas A1", GROUP_A, 0);
    start("Tugas B2", GROUP_B, 1);
    start("Tugas AB3", GROUP_A + "," + GROUP_B, 2);
    Task claimed = start("Tugas A4 diklaim", GROUP_A, 3);
    tasks.setAssignee(claimed.getId(), "petugaslain");
    start("Tugas lain 5", OTHER, 4);
    Task suspended = start("Tugas A6 ditangguhkan", GROUP_A, 5);
    runtime.suspendProcessInstanceById(suspended.getProcessInstanceId());
    Task overdue = start("Tugas A7 terlambat", GROUP_A, 6);
    overdue.setDueDate(new Date(t0.getTime() - 3_600_000L));
    tasks.saveTask(overdue);
    Task late = start("Tugas B8 variabel menyusul", GROUP_B, 7);
    // set on the instance after the task was created: the task holds no copy of its own
    runtime.setVariable(late.getProcessInstanceId(), "title", "Perihal pada instans");
    ClockUtil.setCurrentTime(new Date(t0.getTime() + 3_600_000L));

    agencyFilter = filterId("Tugas instansi saya");
    overdueFilter = filterId("Terlambat");
    myFilter = filterId("Tugas saya");
    tasklist = TasklistSession.login(base(), OFFICER, PASSWORD);
  }

  @AfterEach
  void cleanUp() {
    System.clearProperty(CandidateTaskList.CAMUNDA_PATH_PROPERTY);
    ClockUtil.reset();
    identity.clearAuthentication();
    instances.forEach(id -> runtime.deleteProcessInstance(id, "test finished"));
    authorizations.createAuthorizationQuery().userIdIn(OFFICER).list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    grants.forEach(id -> {
      if (authorizations.createAuthorizationQuery().authorizationId(id).count() > 0) {
        authorizations.deleteAuthorization(id);
      }
    });
    identity.deleteUser(OFFICER);
    List.of(GROUP_A, GROUP_B, OTHER).forEach(identity::deleteGroup);
  }

  @Test
  void tasklistsListIsCamundasAnswerAndShowsOnlyTheOfficersActiveGroupTasks() throws Exception {
    String url = engineApi(agencyFilter) + "/list?firstResult=0&maxResults=15";

    String list = sameAnswer(() -> tasklist.post(url, TASKLIST_BODY), true);

    assertThat(list).contains("\"count\":6", "Tugas A1", "Tugas B2", "Tugas AB3", "Tugas A4 diklaim",
        "Tugas A7 terlambat", "Tugas B8 variabel menyusul", "Wilayah uji 1", "\"_embedded\"", "\"processDefinition\"")
        .doesNotContain("Tugas lain 5", "Tugas A6 ditangguhkan");
    // the instance's variable the officer may not read stays hidden, as Camunda hides it
    assertThat(list).doesNotContain("Perihal pada instans");
    // newest first after the filter's own order (due date): the order Camunda gives
    assertThat(list.indexOf("Tugas A7 terlambat")).isLessThan(list.indexOf("Tugas B2"));
    // the embedded process definition now comes from Camunda's HAL cache (EngineApiProviders)
    String definitionId = tasks.createTaskQuery().taskName("Tugas A1").singleResult().getProcessDefinitionId();
    org.camunda.bpm.engine.rest.cache.Cache cache = org.camunda.bpm.engine.rest.hal.Hal.getInstance()
        .getHalRelationCache(org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition.class);
    assertThat(cache).as("Camunda's HAL cache of process definitions").isNotNull();
    assertThat(cache.get(definitionId)).as("the probe's definition, cached").isNotNull();
  }

  @Test
  void pagesSortsTheOverdueFilterAndRestClientsAreCamundasAnswer() throws Exception {
    sameAnswer(() -> tasklist.post(engineApi(agencyFilter) + "/list?firstResult=2&maxResults=2", TASKLIST_BODY), true);
    sameAnswer(() -> tasklist.post(engineApi(agencyFilter) + "/list?firstResult=0&maxResults=15",
        "{\"sorting\":[{\"sortBy\":\"name\",\"sortOrder\":\"asc\"}]}"), true);
    sameAnswer(() -> tasklist.post(engineApi(agencyFilter) + "/list?firstResult=0&maxResults=15", "{}"), true);
    String overdue = sameAnswer(() -> tasklist.post(engineApi(overdueFilter) + "/list?firstResult=0&maxResults=15",
        TASKLIST_BODY), true);
    assertThat(overdue).contains("\"count\":1", "Tugas A7 terlambat");

    String count = sameAnswer(() -> basic("POST", "/engine-rest/filter/" + agencyFilter + "/count", "{}",
        "application/json"), true);
    assertThat(count).isEqualTo("{\"count\":7}");
    String json = sameAnswer(() -> basic("POST", "/engine-rest/filter/" + agencyFilter
        + "/list?firstResult=0&maxResults=3", TASKLIST_BODY, "application/json"), true);
    assertThat(json).startsWith("[{\"id\":");
    sameAnswer(() -> basic("GET", "/engine-rest/filter/" + agencyFilter + "/list", null, "application/json"), true);
    sameAnswer(() -> basic("GET", "/engine-rest/filter/" + agencyFilter + "/count", null, "application/json"), true);
  }

  @Test
  void whatTheListDoesNotHandleIsCamundasToAnswer() throws Exception {
    String url = engineApi(agencyFilter) + "/list?firstResult=0&maxResults=15";
    // further criteria, as Tasklist's search sends them, or a script trying other groups
    sameAnswer(() -> tasklist.post(url, "{\"nameLike\":\"%A1%\",\"active\":true}"), false);
    String otherGroups = sameAnswer(() -> tasklist.post(url, "{\"candidateGroups\":[\"" + OTHER + "\"]}"), false);
    assertThat(otherGroups).doesNotContain("Tugas lain 5");
    // another filter: the officer's own claimed tasks
    sameAnswer(() -> tasklist.post(engineApi(myFilter) + "/list?firstResult=0&maxResults=15", TASKLIST_BODY), false);
  }

  @Test
  void aGroupTaskWithoutItsGrantOrARevokeSendsTheRequestToCamunda() throws Exception {
    String url = engineApi(agencyFilter) + "/list?firstResult=0&maxResults=15";
    Task first = tasks.createTaskQuery().taskName("Tugas A1").singleResult();
    authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(first.getId()).list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));

    String withoutGrant = sameAnswer(() -> tasklist.post(url, TASKLIST_BODY), false);
    assertThat(withoutGrant).contains("\"count\":5").doesNotContain("Tugas A1");

    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(OFFICER);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(tasks.createTaskQuery().taskName("Tugas B2").singleResult().getId());
    revoke.removePermission(Permissions.READ);
    grants.add(authorizations.saveAuthorization(revoke).getId());
    String revoked = sameAnswer(() -> tasklist.post(url, TASKLIST_BODY), false);
    assertThat(revoked).doesNotContain("Tugas B2");
  }

  @Test
  void aVariableOnTheInstanceShowsWhenTheOfficerMayReadTheInstance() throws Exception {
    Task late = tasks.createTaskQuery().taskName("Tugas B8 variabel menyusul").singleResult();
    grant(Resources.PROCESS_INSTANCE, late.getProcessInstanceId(), Permissions.READ);

    String list = sameAnswer(() -> tasklist.post(engineApi(agencyFilter) + "/list?firstResult=0&maxResults=15",
        TASKLIST_BODY), true);

    assertThat(list).contains("Perihal pada instans");
  }

  @Test
  void aFilterTheOfficerMayNotReadGetsCamundasRefusal() throws Exception {
    Filter secret = filters.saveFilter(filters.newTaskFilter("Rahasia uji").setOwner("admin")
        .setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")));
    try {
      long answered = CandidateTaskList.ANSWERED.get();
      String status = basicStatus("/engine-rest/filter/" + secret.getId() + "/list");
      assertThat(status).matches("(?s)^(403|404) .*");
      assertThat(CandidateTaskList.ANSWERED.get()).isEqualTo(answered);
    } finally {
      filters.deleteFilter(secret.getId());
    }
  }

  /**
   * The list reads the request's body itself: an oversized one, sent in chunks so that no length
   * announces it, is still refused by the engine APIs' limit (413), and nothing is answered.
   */
  @Test
  void anOversizedListRequestIsRefused() throws Exception {
    byte[] big = ("{\"nameLike\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    long answered = CandidateTaskList.ANSWERED.get();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request("/engine-rest/filter/" + agencyFilter
            + "/list?firstResult=0&maxResults=15", "application/hal+json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    assertThat(response.body()).contains("Isi permintaan lebih dari 1048576 bita");
    assertThat(CandidateTaskList.ANSWERED.get()).isEqualTo(answered);
  }

  interface Call {
    String send() throws Exception;
  }

  /** The call answered by the product (or not, as expected) and by Camunda: the same body. */
  private String sameAnswer(Call call, boolean productAnswers) throws Exception {
    long before = CandidateTaskList.ANSWERED.get();
    String product = call.send();
    assertThat(CandidateTaskList.ANSWERED.get() - before).as("answered by the product's list")
        .isEqualTo(productAnswers ? 1 : 0);
    System.setProperty(CandidateTaskList.CAMUNDA_PATH_PROPERTY, "true");
    try {
      assertThat(product).isEqualTo(call.send());
    } finally {
      System.clearProperty(CandidateTaskList.CAMUNDA_PATH_PROPERTY);
    }
    return product;
  }

  private Task start(String name, String candidates, int minutes) {
    ClockUtil.setCurrentTime(new Date(t0.getTime() + minutes * 60_000L));
    ProcessInstance instance = runtime.startProcessInstanceByKey("candidate-list-probe", Map.of("taskName", name,
        "candidates", candidates, "regionName", "Wilayah uji " + (minutes + 1), "stageName", "Kampanye"));
    instances.add(instance.getId());
    // a due date of its own for every task, so that the filter's order (due date first) is one order
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    task.setDueDate(new Date(t0.getTime() + (minutes + 2) * 86_400_000L));
    tasks.saveTask(task);
    return task;
  }

  private void grant(org.camunda.bpm.engine.authorization.Resource resource, String id,
      org.camunda.bpm.engine.authorization.Permission permission) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(OFFICER);
    grant.setResource(resource);
    grant.setResourceId(id);
    grant.addPermission(permission);
    grants.add(authorizations.saveAuthorization(grant).getId());
  }

  private String filterId(String name) {
    return filters.createFilterQuery().filterName(name).singleResult().getId();
  }

  private String engineApi(String filterId) {
    return base() + "/camunda/api/engine/engine/default/filter/" + filterId;
  }

  private String basic(String method, String path, String body, String accept) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(request(path, accept)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private String basicStatus(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(request(path, "application/hal+json")
        .POST(HttpRequest.BodyPublishers.ofString(TASKLIST_BODY)).build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private HttpRequest.Builder request(String path, String accept) {
    return HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept)
        .header("Content-Type", "application/json").header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((OFFICER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }
}

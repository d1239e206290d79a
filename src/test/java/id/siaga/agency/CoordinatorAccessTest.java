package id.siaga.agency;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.EngineUsers;
import id.siaga.SiagaSpringBootTest;
import id.siaga.region.Region;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Coordinators: Cockpit for Kesbangpol and the national desk only; per-instance visibility by
 * region (regency coordinator → its region, province coordinator → its province, desk → all);
 * the three Tasklist filters exist once and serve every agency.
 */
@SiagaSpringBootTest
class CoordinatorAccessTest {

  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired TasklistFilters tasklistFilters;

  @AfterEach
  void clear() {
    identity.clearAuthentication();
  }

  @Test
  void officersGetTasklistAndCoordinatorsAlsoCockpit() {
    assertThat(canAccess("polrespalopo", "tasklist")).isTrue();
    assertThat(canAccess("polrespalopo", "cockpit")).isFalse();
    assertThat(canAccess("kesbangpolpalopo", "tasklist")).isTrue();
    assertThat(canAccess("kesbangpolpalopo", "cockpit")).isTrue();
    assertThat(canAccess("desknasional", "cockpit")).isTrue();
    assertThat(canAccess("polrespalopo", "admin")).isFalse();
  }

  @Test
  void coordinatorsSeeTheInstancesOfTheirOwnRegionOnly() {
    ProcessInstance palopo = start("73.73");
    ProcessInstance makassar = start("73.71");
    ProcessInstance samarinda = start("64.72");
    try {
      assertThat(visibleTo("kesbangpolpalopo")).contains(palopo.getId())
          .doesNotContain(makassar.getId(), samarinda.getId());
      assertThat(visibleTo("kesbangpolmakassar")).contains(makassar.getId())
          .doesNotContain(palopo.getId(), samarinda.getId());
      assertThat(visibleTo("kesbangpolsulsel")).contains(palopo.getId(), makassar.getId())
          .doesNotContain(samarinda.getId());
      assertThat(visibleTo("desknasional")).contains(palopo.getId(), makassar.getId(), samarinda.getId());
      assertThat(visibleTo("polrespalopo")).doesNotContain(palopo.getId(), makassar.getId(), samarinda.getId());
    } finally {
      identity.clearAuthentication();
      List.of(palopo, makassar, samarinda).forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test"));
    }
  }

  @Test
  void tasklistFiltersExistOnceAndShowEachAgencyItsOwnTasks() throws Exception {
    tasklistFilters.run(null);

    for (String name : List.of("Tugas instansi saya", "Tugas saya", "Terlambat")) {
      assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
    }
    ProcessInstance palopo = runtime.startProcessInstanceByKey("agency-task-probe",
        Map.of("agencyGroup", "polri7373", Region.PROCESS_VARIABLE, "73.73"));
    try {
      Filter agencyTasks = filters.createFilterQuery().filterName("Tugas instansi saya").singleResult();
      actAs("polrespalopo");
      List<Task> mine = filters.list(agencyTasks.getId());
      actAs("kodimpalopo");
      List<Task> kodims = filters.list(agencyTasks.getId());

      assertThat(mine).extracting(Task::getProcessInstanceId).contains(palopo.getId());
      assertThat(kodims).extracting(Task::getProcessInstanceId).doesNotContain(palopo.getId());
    } finally {
      identity.clearAuthentication();
      runtime.deleteProcessInstance(palopo.getId(), "test");
    }
  }

  private ProcessInstance start(String regionCode) {
    String polri = "polri" + regionCode.replace(".", "");
    return runtime.startProcessInstanceByKey("agency-task-probe",
        Map.of("agencyGroup", polri, Region.PROCESS_VARIABLE, regionCode));
  }

  private List<String> visibleTo(String userId) {
    actAs(userId);
    List<String> ids = runtime.createProcessInstanceQuery().list().stream().map(ProcessInstance::getId).toList();
    identity.clearAuthentication();
    return ids;
  }

  private boolean canAccess(String userId, String application) {
    List<String> groups = groupsOf(userId);
    return authorizations.isUserAuthorized(userId, groups, Permissions.ACCESS, Resources.APPLICATION, application);
  }

  private void actAs(String userId) {
    EngineUsers.actAs(identity, userId);
  }

  private List<String> groupsOf(String userId) {
    return EngineUsers.groupsOf(identity, userId);
  }
}

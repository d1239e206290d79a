package id.siaga.agency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every officer sees, created at start-up when missing (found by name, so a
 * restart creates nothing). One filter serves every agency: {@code ${currentUserGroups()}} is
 * evaluated for the officer who opens it.
 */
@Component
@Order(20)
class TasklistFilters implements ApplicationRunner {

  static final String AGENCY_TASKS = "Tugas instansi saya";
  static final String MY_TASKS = "Tugas saya";
  static final String OVERDUE = "Terlambat";

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  /** Shown under every task in the list: where, which stage, and what it is about. */
  static final List<Map<String, String>> SHOWN_VARIABLES = List.of(
      Map.of("name", "regionName", "label", "Wilayah"),
      Map.of("name", "stageName", "label", "Tahapan"),
      Map.of("name", "title", "label", "Perihal"));

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensure(AGENCY_TASKS, -10, "#2e7d32", "Tugas untuk instansi Anda, termasuk yang sudah diklaim",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().orderByDueDate().asc());
    ensure(MY_TASKS, -5, "#1565c0", "Tugas yang Anda klaim",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure(OVERDUE, 0, "#c62828", "Tugas instansi Anda yang melewati tenggat",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().dueBeforeExpression("${now()}").orderByDueDate().asc());
  }

  private void ensure(String name, int priority, String color, String description, TaskQuery query) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("color", color);
      properties.put("refresh", true);
      properties.put("variables", SHOWN_VARIABLES);
      filter = filters.saveFilter(filters.newTaskFilter(name).setProperties(properties).setQuery(query));
      LOG.info("Created Tasklist filter '{}'", name);
    } else if (!SHOWN_VARIABLES.equals(filter.getProperties().get("variables"))) {
      Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
      properties.put("variables", SHOWN_VARIABLES);
      filters.saveFilter(filter.setProperties(properties));
      LOG.info("Updated the variables shown by Tasklist filter '{}'", name);
    }
    boolean readableByAll = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filter.getId()).userIdIn(Authorization.ANY).count() > 0;
    if (!readableByAll) {
      Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      everyone.setResource(Resources.FILTER);
      everyone.setResourceId(filter.getId());
      everyone.addPermission(Permissions.READ);
      authorizations.saveAuthorization(everyone);
    }
  }
}

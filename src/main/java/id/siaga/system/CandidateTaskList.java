package id.siaga.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The officer's task list of a candidate-group filter ("tasks of my groups"), answered from the
 * officer's candidate-group links instead of from every open task.
 *
 * <p>Camunda writes the filter's SQL as {@code ACT_RU_TASK} outer-joined to its identity links and
 * to the authorizations, with the candidate group in the {@code WHERE}. H2 does not reorder outer
 * joins, so it reads every open task of the country for each officer (2.5 s at 100,000 tasks), and
 * on PostgreSQL the authorization joins of the count, the page and the variables are most of the
 * database's time (docs/performance.md, "Tasklist at scale"). Here the count and the page's ids
 * come from one indexed read that starts at the officer's groups; the tasks themselves, their
 * process definitions, assignees and any variable not on the task are then read through the
 * engine's own queries, with the officer's authorizations.
 *
 * <p>It answers only when its answer is the one Camunda's query would give, and otherwise returns
 * empty so that Camunda answers:
 * <ul>
 *   <li>the filter, extended by the request, asks for nothing but the current user's candidate
 *       groups ({@code ${currentUserGroups()}}), with or without assigned tasks, active or
 *       suspended, due before now, and an order of plain task columns;</li>
 *   <li>authorization is on, no revoke applies to the user (Camunda's own "is there any revoke"
 *       check), no tenant is involved and variable permissions are not enforced;</li>
 *   <li>every task counted carries a READ grant on itself to the user, one of the user's groups or
 *       everyone (the grant Camunda writes when it adds a candidate group). Such a task passes
 *       Camunda's check, and so does the reading of its own variables; a task of the officer's
 *       groups without such a grant (an administrator deleted it) sends the request to Camunda.</li>
 * </ul>
 * The tasks of the page are then read by the engine with the user's authorizations, and if any
 * of them does not come back, Camunda answers after all.
 */
@EngineAdapter
public final class CandidateTaskList {

  /** For measurement only (TasklistScaleBenchmark): with this system property {@code true}, Camunda answers every request. */
  public static final String CAMUNDA_PATH_PROPERTY = "siaga.tasklist.camunda-path";

  static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";
  static final String NOW = "${now()}";

  /** The keys the extended filter query may have, with what they must hold (null: any value handled below). */
  private static final Set<String> HANDLED_KEYS = Set.of("taskCandidateGroupInExpression", "includeAssignedTasks",
      "active", "suspended", "dueBeforeExpression", "orderingProperties");

  /** Task columns an order may name: the column of Camunda's {@code TaskQueryProperty}. */
  private static final Pattern ORDER_COLUMN = Pattern.compile(
      "(ID_|NAME_|DESCRIPTION_|PRIORITY_|ASSIGNEE_|CREATE_TIME_|DUE_DATE_|FOLLOW_UP_DATE_|PROC_INST_ID_|"
          + "EXECUTION_ID_|TASK_DEF_KEY_|LAST_UPDATED_)");

  private static final int READ = 2;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CandidateTaskList.class);

  /** How many requests this list answered (the rest went to Camunda); read by tests and benchmarks. */
  public static final java.util.concurrent.atomic.AtomicLong ANSWERED = new java.util.concurrent.atomic.AtomicLong();

  private final ProcessEngine engine;
  private final ProcessEngineConfigurationImpl configuration;
  private final NamedParameterJdbcTemplate jdbc;
  private final String prefix;

  public CandidateTaskList(ProcessEngine engine) {
    this.engine = engine;
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    DataSource dataSource = configuration.getDataSource();
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    this.prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
  }

  /** The engine this list reads. */
  ProcessEngine engine() {
    return engine;
  }

  /** A page of the list: the tasks in the filter's order, the count of all, and each task's shown variables. */
  public record Page(long count, List<Task> tasks, Map<String, List<VariableInstance>> variablesByScope,
      List<String> variableNames) {}

  /**
   * The count and a page of the filter extended by {@code extending} (null: none), with
   * {@code render} applied to it, or empty when Camunda's own query must answer. {@code maxResults}
   * null with {@code firstResult} null means the whole list, as Camunda's filter API has it;
   * {@code countOnly} skips the page. All of it (the engine's reads, the statement and what
   * {@code render} reads through the engine) runs in one engine command, so in one transaction on
   * one connection.
   */
  public <T> Optional<T> answer(String filterId, TaskQuery extending, Integer firstResult, Integer maxResults,
      boolean countOnly, java.util.function.Function<Page, T> render) {
    return configuration.getCommandExecutorTxRequired().execute(context ->
        inCommand(filterId, extending, firstResult, maxResults, countOnly).map(render));
  }

  private Optional<Page> inCommand(String filterId, TaskQuery extending, Integer firstResult, Integer maxResults,
      boolean countOnly) {
    if (Boolean.getBoolean(CAMUNDA_PATH_PROPERTY) || !configuration.isAuthorizationEnabled()
        || configuration.isEnforceSpecificVariablePermission() || !supportedDatabase()) {
      return camunda("configuration");
    }
    Authentication user = engine.getIdentityService().getCurrentAuthentication();
    if (user == null || user.getUserId() == null || user.getGroupIds() == null || user.getGroupIds().isEmpty()
        || (user.getTenantIds() != null && !user.getTenantIds().isEmpty())) {
      return camunda("no user with groups, or tenants");
    }
    Filter filter = engine.getFilterService().getFilter(filterId);
    if (filter == null || !"Task".equals(filter.getResourceType())) {
      return camunda("no task filter");
    }
    Filter extended = extending == null ? filter : filter.extend(extending);
    Optional<Sql> sql = Sql.of(extended.getQuery(), prefix);
    if (sql.isEmpty()) {
      return camunda(LOG.isDebugEnabled()
          ? "criteria not handled: " + new JsonTaskQueryConverter().toJsonObject(extended.getQuery())
          : "criteria not handled");
    }
    if (revokesApply(user)) {
      return camunda("revokes apply");
    }
    MapSqlParameterSource parameters = new MapSqlParameterSource()
        .addValue("groups", new ArrayList<>(new LinkedHashSet<>(user.getGroupIds())))
        .addValue("user", user.getUserId())
        .addValue("now", ClockUtil.getCurrentTime());
    int first = firstResult == null ? 0 : Math.max(0, firstResult);
    int max = maxResults == null ? Integer.MAX_VALUE : maxResults;
    // the page's ids with the count of all and of the granted ones beside each (one statement); the
    // count alone when no page is asked for or the page is empty
    List<String> ids = new ArrayList<>();
    long[] counts = {-1, -1};
    if (!countOnly && max > 0) {
      jdbc.query(sql.get().pageWithCounts(first, max), parameters, row -> {
        ids.add(row.getString(1));
        counts[0] = row.getLong(2);
        counts[1] = row.getLong(3);
      });
    }
    if (ids.isEmpty()) {
      Map<String, Object> counted = jdbc.queryForMap(sql.get().count(), parameters);
      counts[0] = ((Number) counted.get("TOTAL")).longValue();
      counts[1] = counted.get("GRANTED") == null ? 0 : ((Number) counted.get("GRANTED")).longValue();
    }
    long count = counts[0];
    if (counts[1] != count) {
      return camunda("a task of the groups without a READ grant");
    }
    if (countOnly) {
      ANSWERED.incrementAndGet();
      return Optional.of(new Page(count, List.of(), Map.of(), List.of()));
    }
    List<Task> tasks = ids.isEmpty() ? List.of() : inOrder(ids,
        engine.getTaskService().createTaskQuery().taskIdIn(ids.toArray(String[]::new)).list());
    if (tasks == null) {
      return camunda("a task of the page not readable");
    }
    List<String> names = variableNames(filter);
    if (tasks.stream().anyMatch(t -> t.getCaseExecutionId() != null || t.getCaseInstanceId() != null)) {
      return camunda("case tasks");
    }
    Page page = new Page(count, tasks, variables(tasks, names), names);
    ANSWERED.incrementAndGet();
    return Optional.of(page);
  }

  private static Optional<Page> camunda(String reason) {
    LOG.debug("Camunda's filter query answers: {}", reason);
    return Optional.empty();
  }

  private boolean supportedDatabase() {
    String type = configuration.getDatabaseType();
    return "h2".equals(type) || "postgres".equals(type);
  }

  /** The tasks in the order of the ids, or null if the engine did not return every one of them. */
  private static List<Task> inOrder(List<String> ids, List<Task> found) {
    Map<String, Task> byId = new HashMap<>();
    found.forEach(task -> byId.put(task.getId(), task));
    List<Task> ordered = new ArrayList<>(ids.size());
    for (String id : ids) {
      Task task = byId.get(id);
      if (task == null) {
        return null;
      }
      ordered.add(task);
    }
    return ordered;
  }

  @SuppressWarnings("unchecked")
  static List<String> variableNames(Filter filter) {
    Object variables = filter.getProperties() == null ? null : filter.getProperties().get("variables");
    if (!(variables instanceof List<?> list)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (Object variable : list) {
      if (variable instanceof Map<?, ?> map && map.get("name") instanceof String name) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * The shown variables of the page, by scope id, as Camunda's filter API reads them: the task's
   * own first (read without a second authorization check: each task was just read with the user's
   * READ on it, which is also what reading its own variables needs), then, only for names some
   * task does not hold itself, its execution's and its process instance's, read with the user's
   * authorizations as Camunda does.
   */
  private Map<String, List<VariableInstance>> variables(List<Task> tasks, List<String> names) {
    Map<String, List<VariableInstance>> byScope = new HashMap<>();
    if (tasks.isEmpty() || names.isEmpty()) {
      return byScope;
    }
    String[] nameArray = names.toArray(String[]::new);
    String[] taskIds = tasks.stream().map(Task::getId).toArray(String[]::new);
    List<VariableInstance> own = configuration.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      try {
        return engine.getRuntimeService().createVariableInstanceQuery().disableBinaryFetching()
            .disableCustomObjectDeserialization().variableNameIn(nameArray).variableScopeIdIn(taskIds).unlimitedList();
      } finally {
        context.enableAuthorizationCheck();
      }
    });
    group(own, byScope);
    Set<String> missing = new LinkedHashSet<>();
    Set<String> outerScopes = new LinkedHashSet<>();
    for (Task task : tasks) {
      Set<String> held = new java.util.HashSet<>();
      byScope.getOrDefault(task.getId(), List.of()).forEach(v -> held.add(v.getName()));
      for (String name : names) {
        if (!held.contains(name)) {
          missing.add(name);
          outerScopes.add(task.getExecutionId());
          outerScopes.add(task.getProcessInstanceId());
        }
      }
    }
    outerScopes.remove(null);
    if (!missing.isEmpty() && !outerScopes.isEmpty()) {
      group(engine.getRuntimeService().createVariableInstanceQuery().disableBinaryFetching()
          .disableCustomObjectDeserialization().variableNameIn(missing.toArray(String[]::new))
          .variableScopeIdIn(outerScopes.toArray(String[]::new)).unlimitedList(), byScope);
    }
    return byScope;
  }

  private static void group(Collection<VariableInstance> variables, Map<String, List<VariableInstance>> byScope) {
    for (VariableInstance variable : variables) {
      byScope.computeIfAbsent(((VariableInstanceEntity) variable).getVariableScopeId(), k -> new ArrayList<>())
          .add(variable);
    }
  }

  /**
   * Whether Camunda checks revokes for this user, asked of the command's authorization manager
   * ({@link RevokeCheck}: Camunda's own check, whose answer the engine's queries of the same command
   * then reuse). With any other manager the answer is yes, and Camunda answers the request.
   */
  private static boolean revokesApply(Authentication user) {
    return !(Context.getCommandContext().getAuthorizationManager() instanceof RevokeCheck manager)
        || manager.revokesApply(user.getUserId(), user.getGroupIds());
  }

  /** An authorization manager that tells whether Camunda checks revokes for a user (its own, cached per command). */
  public interface RevokeCheck {
    boolean revokesApply(String userId, List<String> groupIds);
  }

  /** The count and page statements for a supported query; empty when the query asks for more. */
  record Sql(String prefix, String from, String orderBy) {

    static Optional<Sql> of(TaskQueryImpl query, String prefix) {
      Set<String> keys = new java.util.HashSet<>(new JsonTaskQueryConverter().toJsonObject(query).keySet());
      if (query.getProcessInstanceIdIn() != null && query.getProcessInstanceIdIn().length == 0) {
        keys.remove("processInstanceIdIn"); // what Camunda's REST DTO always sets, and its SQL ignores
      }
      if (!HANDLED_KEYS.containsAll(keys)
          || !CURRENT_USER_GROUPS.equals(query.getExpressions().get("taskCandidateGroupIn"))
          || query.getQueries().size() != 1) {
        return Optional.empty();
      }
      for (String expression : query.getExpressions().keySet()) {
        if (!expression.equals("taskCandidateGroupIn") && !(expression.equals("dueBefore")
            && NOW.equals(query.getExpressions().get("dueBefore")))) {
          return Optional.empty();
        }
      }
      StringBuilder where = new StringBuilder(" from " + prefix + "ACT_RU_TASK T where T.ID_ in (select I.TASK_ID_ from "
          + prefix + "ACT_RU_IDENTITYLINK I where I.TYPE_ = 'candidate' and I.GROUP_ID_ in (:groups))"
          + " and T.TENANT_ID_ is null");
      if (!query.isIncludeAssignedTasksInternal()) {
        where.append(" and T.ASSIGNEE_ is null");
      }
      if (query.getSuspensionState() != null) {
        where.append(" and T.SUSPENSION_STATE_ = ").append(query.getSuspensionState().getStateCode());
      }
      if (query.getExpressions().containsKey("dueBefore")) {
        where.append(" and T.DUE_DATE_ < :now");
      }
      List<String> order = new ArrayList<>();
      for (QueryOrderingProperty ordering : query.getOrderingProperties()) {
        String column = ordering.getQueryProperty() == null ? null : ordering.getQueryProperty().getName();
        String function = ordering.getQueryProperty() == null ? null : ordering.getQueryProperty().getFunction();
        if (ordering.getRelation() != null || column == null || !ORDER_COLUMN.matcher(column).matches()
            || ordering.getDirection() == null || (function != null && !"LOWER".equals(function))) {
          return Optional.empty();
        }
        String expression = function == null ? "T." + column : function + "(T." + column + ")";
        order.add(expression + " " + ordering.getDirection().getName());
      }
      // Camunda's order when none is given (AbstractQuery's default); otherwise the id last, so that
      // tasks equal in every ordered column keep one order from page to page (Camunda leaves them to the database)
      if (order.stream().noneMatch(o -> o.startsWith("T.ID_ "))) {
        order.add("T.ID_ asc");
      }
      return Optional.of(new Sql(prefix, where.toString(), String.join(", ", order)));
    }

    /** Counts the tasks, and those of them that carry a READ grant to the user, a group of the user or everyone. */
    String count() {
      return "select count(*) as TOTAL, sum(" + granted() + ") as GRANTED" + from;
    }

    /** The page's ids, each with the count of all tasks and of the granted ones (window aggregates, before the limit). */
    String pageWithCounts(int first, int max) {
      return "select T.ID_, count(*) over () as TOTAL, sum(" + granted() + ") over () as GRANTED" + from
          + " order by " + orderBy + (max == Integer.MAX_VALUE ? "" : " limit " + max)
          + (first > 0 ? " offset " + first : "");
    }

    /** 1 for a task with a READ grant on itself to the user, a group of the user or everyone, else 0. */
    private String granted() {
      return "case when exists (select 1 from " + prefix + "ACT_RU_AUTHORIZATION A"
          + " where A.RESOURCE_ID_ = T.ID_ and A.RESOURCE_TYPE_ = " + Resources.TASK.resourceType()
          + " and A.TYPE_ in (0, 1) and (A.GROUP_ID_ in (:groups) or A.USER_ID_ in (:user, '*'))"
          + " and mod(A.PERMS_ / " + READ + ", 2) = 1) then 1 else 0 end";
    }

  }
}

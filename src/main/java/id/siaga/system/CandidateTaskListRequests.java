package id.siaga.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.dto.CountResultDto;
import org.camunda.bpm.engine.rest.dto.task.TaskDto;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.rest.hal.EmptyHalCollection;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.HalResource;
import org.camunda.bpm.engine.rest.hal.HalVariableValue;
import org.camunda.bpm.engine.rest.hal.task.HalTask;
import org.camunda.bpm.engine.rest.hal.task.HalTaskList;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the list and count requests of a candidate-group filter from {@link CandidateTaskList},
 * in the engine's REST API ({@code /engine-rest}) and in the webapps' engine API that Tasklist
 * calls ({@code /camunda/api/engine}). It runs inside those JAX-RS applications, so after their
 * authentication and CSRF checks, with the caller's identity set on the engine.
 *
 * <p>The answer is built by Camunda's own classes, as its filter resource builds it (HAL task list
 * with the assignees, process definitions and the filter's variables embedded; task DTOs; count),
 * and written by the application's own JSON providers. Whenever {@link CandidateTaskList} does not
 * answer (another filter, criteria it does not handle, an error of any kind) the request goes on,
 * unchanged, to Camunda's filter resource.
 */
@Provider
@PreMatching
@Priority(1000)
public class CandidateTaskListRequests implements ContainerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(CandidateTaskListRequests.class);

  /** {@code filter/{id}/list} or {@code /count}, with the engine named or not. */
  static final Pattern PATH = Pattern.compile("^/?(?:engine/([^/]+)/)?filter/([^/]+)/(list|count)/?$");

  private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE,
      Hal.APPLICATION_HAL_JSON_TYPE).add().build();

  /**
   * The list of the engine last asked for: one engine in the application (a test JVM may hold
   * several, one after the other, and keeps only the last one's list).
   */
  private static volatile CandidateTaskList last;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String method = request.getMethod();
    if (!HttpMethod.POST.equals(method) && !HttpMethod.GET.equals(method)) {
      return;
    }
    Matcher path = PATH.matcher(request.getUriInfo().getPath());
    if (!path.matches()) {
      return;
    }
    byte[] body;
    try {
      body = HttpMethod.POST.equals(method) && request.hasEntity() ? request.getEntityStream().readAllBytes()
          : new byte[0];
    } catch (EngineRequestLimits.BodyTooLarge e) {
      // answered as the limit's servlet filter answers it; Camunda's exception mapper would make it a 500
      request.abortWith(Response.status(413).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(EngineRequestLimits.refusal(EngineRequestLimits.TOO_LARGE)).build());
      return;
    }
    try {
      answer(request, path.group(1), path.group(2), "count".equals(path.group(3)), body)
          .ifPresent(request::abortWith);
    } catch (RuntimeException e) {
      LOG.debug("Camunda answers the filter request {}: {}", request.getUriInfo().getPath(), e.toString());
    } finally {
      if (HttpMethod.POST.equals(method)) {
        request.setEntityStream(new ByteArrayInputStream(body));
      }
    }
  }

  private Optional<Response> answer(ContainerRequestContext request, String engineName, String filterId,
      boolean count, byte[] body) throws IOException {
    MediaType type = MediaType.APPLICATION_JSON_TYPE;
    if (!count) {
      Variant variant = request.getRequest().selectVariant(VARIANTS);
      if (variant == null) {
        return Optional.empty();
      }
      type = variant.getMediaType();
    }
    MultivaluedMap<String, String> parameters = request.getUriInfo().getQueryParameters();
    Integer firstResult = integer(parameters.getFirst("firstResult"));
    Integer maxResults = integer(parameters.getFirst("maxResults"));
    if (firstResult != null && firstResult < 0 || maxResults != null && maxResults < 0) {
      return Optional.empty();
    }
    ProcessEngine engine = engine(engineName);
    if (engine == null) {
      return Optional.empty();
    }
    TaskQuery extending = extendingQuery(body, engine);
    CandidateTaskList list = last;
    if (list == null || list.engine() != engine) {
      list = new CandidateTaskList(engine);
      last = list;
    }
    if (count) {
      return list.answer(filterId, extending, firstResult, maxResults, true,
          found -> Response.ok(new CountResultDto(found.count()), MediaType.APPLICATION_JSON_TYPE).build());
    }
    boolean hal = Hal.APPLICATION_HAL_JSON_TYPE.equals(type);
    MediaType answerType = type;
    return list.answer(filterId, extending, firstResult, maxResults, false, found -> {
      Object entity;
      if (hal) {
        entity = found.tasks().isEmpty() ? new EmptyHalCollection(found.count()) : halList(found, engine);
      } else {
        entity = found.tasks().stream().map(TaskDto::fromEntity).toList();
      }
      return Response.ok(entity, answerType).build();
    });
  }

  /**
   * The engine the request names: the engines' registry first (a map), Camunda's REST lookup
   * (a service loader scan of the class path on every call) only if the registry does not know it.
   */
  private static ProcessEngine engine(String name) {
    ProcessEngine engine = org.camunda.bpm.engine.ProcessEngines.getProcessEngine(
        name == null ? org.camunda.bpm.engine.ProcessEngines.NAME_DEFAULT : name, false);
    return engine != null ? engine : EngineUtil.lookupProcessEngine(name);
  }

  /** The request's query, as Camunda's filter resource reads it; null for none. */
  private static TaskQuery extendingQuery(byte[] body, ProcessEngine engine) throws IOException {
    String json = new String(body, StandardCharsets.UTF_8).trim();
    if (json.isEmpty() || json.matches("\\{\\s*\\}")) {
      return null;
    }
    TaskQueryDto dto = EngineRestJson.SharedMapper.MAPPER.readValue(json, TaskQueryDto.class);
    dto.setObjectMapper(EngineRestJson.SharedMapper.MAPPER);
    return dto.toQuery(engine);
  }

  /** Camunda's HAL task list with the filter's variables of each task, as its filter resource embeds them. */
  @SuppressWarnings("unchecked")
  private static HalTaskList halList(CandidateTaskList.Page page, ProcessEngine engine) {
    HalTaskList halTasks = HalTaskList.generate(page.tasks(), page.count(), engine);
    if (page.variableNames().isEmpty()) {
      return halTasks;
    }
    for (HalTask halTask : (List<HalTask>) halTasks.getEmbedded("task")) {
      LinkedHashSet<String> scopes = new LinkedHashSet<>();
      scopes.add(halTask.getId());
      scopes.add(halTask.getExecutionId());
      scopes.add(halTask.getProcessInstanceId());
      scopes.remove(null);
      List<HalResource<?>> values = new ArrayList<>();
      Set<String> known = new HashSet<>();
      for (String scope : scopes) {
        for (VariableInstance variable : page.variablesByScope().getOrDefault(scope, List.of())) {
          if (known.add(variable.getName())) {
            values.add(HalVariableValue.generateVariableValue(variable, scope));
          }
        }
      }
      halTask.addEmbedded("variable", values);
    }
    return halTasks;
  }

  private static Integer integer(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: " + value, e);
    }
  }
}

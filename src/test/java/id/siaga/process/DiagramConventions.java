package id.siaga.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TimeCycle;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The conventions every process diagram under {@code bpmn/} keeps, checked without an engine, so
 * that a new process gets them by being put there (docs/architecture.md, "Diagram conventions"):
 * <ul>
 *   <li>{@code bpmn/<process-id>/<process-id>.bpmn}, one executable process, ids typed by their
 *       element ({@code …Task}, {@code …StartEvent}, {@code …Flow}, …);</li>
 *   <li>every user task: candidate groups from data (an expression), a due rule (property
 *       {@code due}, {@code camunda:dueDate="${deadlines.due(execution)}"}), a Camunda Form of its
 *       folder that resolves, and the deadline pattern attached: one non-interrupting timer with
 *       {@code ${deadlines.cycle(execution)}} → a {@code ${deadlineStep}} service task → an end
 *       event;</li>
 *   <li>no expression names a task or another element of the diagram;</li>
 *   <li>every element drawn;</li>
 *   <li>every service task that sends mail ({@code ${send…}}) asynchronous, with a retry cycle.</li>
 * </ul>
 */
final class DiagramConventions {

  static final String DUE_DATE = "${deadlines.due(execution)}";
  static final String DEADLINE_CYCLE = "${deadlines.cycle(execution)}";
  static final String DEADLINE_STEP = "${deadlineStep}";
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private DiagramConventions() {}

  /** Every process diagram of the product. */
  static List<Path> diagrams(Path root) throws IOException {
    try (var files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  /** What the diagram does wrong; empty when it keeps every convention. */
  static List<String> violations(Path file) throws IOException {
    List<String> found = new ArrayList<>();
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    String xml = Files.readString(file);
    String fileId = file.getFileName().toString().replaceFirst("\\.bpmn$", "");

    Collection<Process> processes = model.getModelElementsByType(Process.class);
    if (processes.size() != 1) {
      found.add("one process per file, found " + processes.size());
    }
    for (Process process : processes) {
      if (!process.getId().equals(fileId) || !file.getParent().getFileName().toString().equals(fileId)) {
        found.add("process " + process.getId() + " must be in bpmn/" + process.getId() + "/" + process.getId() + ".bpmn");
      }
    }

    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
    Collection<FlowElement> elements = model.getModelElementsByType(FlowElement.class);
    for (FlowElement element : elements) {
      String suffix = typedSuffix(element);
      if (!element.getId().matches("[A-Z][A-Za-z0-9]*" + suffix)) {
        found.add(element.getId() + ": id must be PascalCase and end in " + suffix);
      }
      boolean drawn = element instanceof SequenceFlow ? edges.contains(element.getId()) : shapes.contains(element.getId());
      if (!drawn) {
        found.add(element.getId() + ": not drawn");
      }
    }

    Set<String> ids = elements.stream().map(FlowElement::getId).collect(Collectors.toSet());
    Matcher expressions = EXPRESSION.matcher(xml);
    while (expressions.find()) {
      for (String id : ids) {
        if (Pattern.compile("\\b" + Pattern.quote(id) + "\\b").matcher(expressions.group()).find()) {
          found.add("expression " + expressions.group() + " names " + id);
        }
      }
    }

    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      found.addAll(userTaskViolations(model, task, file.getParent()));
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      String formRef = start.getAttributeValueNs(CAMUNDA, "formRef");
      if (formRef != null) {
        found.addAll(formViolations(start.getId(), formRef, file.getParent()));
      }
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String delegate = task.getCamundaDelegateExpression();
      if (delegate != null && delegate.startsWith("${send")) {
        boolean retries = task.getExtensionElements() != null && !task.getExtensionElements().getElementsQuery()
            .filterByType(CamundaFailedJobRetryTimeCycle.class).list().isEmpty();
        if (!task.isCamundaAsyncBefore() || !retries) {
          found.add(task.getId() + ": sends mail, so it must be asyncBefore with a failedJobRetryTimeCycle");
        }
      }
    }
    return found;
  }

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  private static List<String> userTaskViolations(BpmnModelInstance model, UserTask task, Path folder) throws IOException {
    List<String> found = new ArrayList<>();
    String id = task.getId();
    String groups = task.getCamundaCandidateGroups();
    if (groups == null || !groups.matches("\\$\\{[^}]+}")) {
      found.add(id + ": candidate groups must come from data (an expression), found " + groups);
    }
    if (task.getCamundaAssignee() != null || task.getCamundaCandidateUsers() != null) {
      found.add(id + ": routed to agencies, not to named users");
    }
    if (!DUE_DATE.equals(task.getCamundaDueDate())) {
      found.add(id + ": camunda:dueDate must be " + DUE_DATE);
    }
    boolean dueRule = task.getExtensionElements() != null && task.getExtensionElements().getElementsQuery()
        .filterByType(CamundaProperties.class).list().stream().flatMap(p -> p.getCamundaProperties().stream())
        .map(CamundaProperty::getCamundaName).anyMatch("due"::equals);
    if (!dueRule) {
      found.add(id + ": no due rule (extension property 'due')");
    }
    if (task.getCamundaFormRef() == null) {
      found.add(id + ": no Camunda Form (camunda:formRef)");
    } else {
      found.addAll(formViolations(id, task.getCamundaFormRef(), folder));
    }

    List<BoundaryEvent> deadlineTimers = model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(b -> b.getAttachedTo() == task)
        .filter(b -> b.getEventDefinitions().stream().anyMatch(d -> d instanceof TimerEventDefinition timer
            && timer.getTimeCycle() != null && DEADLINE_CYCLE.equals(cycle(timer.getTimeCycle()))))
        .toList();
    if (deadlineTimers.size() != 1) {
      found.add(id + ": needs exactly one deadline timer (" + DEADLINE_CYCLE + "), found " + deadlineTimers.size());
      return found;
    }
    BoundaryEvent timer = deadlineTimers.get(0);
    if (timer.cancelActivity()) {
      found.add(timer.getId() + ": the deadline timer must not interrupt the task");
    }
    List<FlowNode> next = timer.getOutgoing().stream().map(SequenceFlow::getTarget).toList();
    if (next.size() != 1 || !(next.get(0) instanceof ServiceTask step)
        || !DEADLINE_STEP.equals(step.getCamundaDelegateExpression())) {
      found.add(timer.getId() + ": must lead to one service task " + DEADLINE_STEP);
      return found;
    }
    List<FlowNode> end = step.getOutgoing().stream().map(SequenceFlow::getTarget).toList();
    if (end.size() != 1 || !(end.get(0) instanceof EndEvent)) {
      found.add(step.getId() + ": the deadline step ends the path (one end event)");
    }
    return found;
  }

  private static String cycle(TimeCycle cycle) {
    return cycle.getTextContent() == null ? null : cycle.getTextContent().strip();
  }

  private static List<String> formViolations(String owner, String formRef, Path folder) throws IOException {
    Path form = folder.resolve(formRef + ".form");
    if (!Files.exists(form)) {
      return List.of(owner + ": form " + formRef + " is not in " + folder);
    }
    JsonNode schema = JSON.readTree(form.toFile());
    if (!formRef.equals(schema.path("id").asText())) {
      return List.of(owner + ": " + form.getFileName() + " has id " + schema.path("id").asText() + ", not " + formRef);
    }
    return List.of();
  }

  private static final Map<Class<?>, String> SUFFIXES = Map.ofEntries(
      Map.entry(StartEvent.class, "StartEvent"), Map.entry(EndEvent.class, "EndEvent"),
      Map.entry(SequenceFlow.class, "Flow"), Map.entry(Gateway.class, "Gateway"),
      Map.entry(SubProcess.class, "SubProcess"), Map.entry(CallActivity.class, "CallActivity"),
      Map.entry(BusinessRuleTask.class, "Task"), Map.entry(Task.class, "Task"),
      Map.entry(IntermediateCatchEvent.class, "(Event|Timer)"), Map.entry(IntermediateThrowEvent.class, "Event"));

  private static String typedSuffix(FlowElement element) {
    if (element instanceof BoundaryEvent boundary) {
      return boundary.getEventDefinitions().stream().anyMatch(d -> d instanceof TimerEventDefinition) ? "Timer" : "Event";
    }
    return SUFFIXES.entrySet().stream().filter(e -> e.getKey().isInstance(element)).map(Map.Entry::getValue)
        .findFirst().orElse(element.getElementType().getTypeName());
  }
}

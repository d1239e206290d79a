package id.siaga.escalation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * Finds what a deadline path is about. A path starts at a timer boundary event of a user task and
 * passes service tasks; from any of them this walks back through the diagram to the boundary
 * event, and returns the open tasks of the user task it is attached to, in the scope where the
 * timer fired (one task; or every open instance of a multi-instance task).
 */
final class DeadlineScope {

  private DeadlineScope() {}

  /** The id of the user task the current deadline path belongs to. */
  static String attachedTaskKey(DelegateExecution execution) {
    Deque<FlowNode> toVisit = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    toVisit.add((FlowNode) execution.getBpmnModelElementInstance());
    while (!toVisit.isEmpty()) {
      FlowNode node = toVisit.poll();
      if (!seen.add(node.getId())) {
        continue;
      }
      if (node instanceof BoundaryEvent boundary) {
        return boundary.getAttachedTo().getId();
      }
      for (SequenceFlow incoming : node.getIncoming()) {
        toVisit.add(incoming.getSource());
      }
    }
    throw new IllegalStateException("activity " + execution.getCurrentActivityId()
        + " is not on a path that starts at a boundary timer of a user task");
  }

  /** The open tasks of {@code taskKey} below the scope in which the boundary timer fired. */
  static List<Task> openTasks(DelegateExecution execution, String taskKey) {
    String scopeId = execution.getParentId();
    return execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(taskKey).list().stream()
        .filter(task -> scopeId == null || isBelow(task.getExecutionId(), scopeId))
        .toList();
  }

  static List<String> candidateGroups(DelegateExecution execution, String taskId) {
    return execution.getProcessEngineServices().getTaskService().getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).distinct().toList();
  }

  private static boolean isBelow(String executionId, String scopeId) {
    ExecutionEntity current = Context.getCommandContext().getExecutionManager().findExecutionById(executionId);
    while (current != null) {
      if (scopeId.equals(current.getId())) {
        return true;
      }
      current = current.getParent();
    }
    return false;
  }
}

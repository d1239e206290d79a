package id.siaga.agency;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The caption under each task in Tasklist's list (region, stage, subject: the variables the
 * filters show, {@link TasklistFilters#SHOWN_VARIABLES}) is copied onto every user task as
 * task-local variables when the task is created. An officer may read their task's own variables
 * but not the process instance's, so without the copy an officer's list showed no caption (seen
 * with the demo users). Added to every user task by a parse listener, so no diagram repeats it.
 *
 * <p>The copies are written to the runtime tables only: their history would repeat the history of
 * the instance's own variables they were copied from, and cost three variable instances and three
 * details per task (measured in the Rakor and logistics benchmarks, docs/performance.md). The
 * engine's database history handler is wrapped so that it skips exactly those events.
 */
@Component
class TaskCaptions extends AbstractProcessEnginePlugin {

  static final List<String> NAMES = TasklistFilters.SHOWN_VARIABLES.stream().map(v -> v.get("name")).toList();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new WithoutCopies(new DbHistoryEventHandler()));
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
    TaskListener copy = TaskCaptions::copy;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, copy);
        }
      }
    });
  }

  static void copy(DelegateTask task) {
    if (task.getExecution() == null) {
      return;
    }
    for (String name : NAMES) {
      Object value = task.getExecution().getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    }
  }

  /** A caption copied onto a task: a task-local variable of one of the caption names. */
  static boolean isCopy(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
        && NAMES.contains(variable.getVariableName());
  }

  /** The engine's database history, without the history of the caption copies. */
  static final class WithoutCopies implements HistoryEventHandler {
    private final HistoryEventHandler database;

    WithoutCopies(HistoryEventHandler database) {
      this.database = database;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isCopy(event)) {
        database.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      for (HistoryEvent event : events) {
        handleEvent(event);
      }
    }
  }
}

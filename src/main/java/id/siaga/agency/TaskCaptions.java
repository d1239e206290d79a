package id.siaga.agency;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
 */
@Component
class TaskCaptions extends AbstractProcessEnginePlugin {

  static final List<String> NAMES = TasklistFilters.SHOWN_VARIABLES.stream().map(v -> v.get("name")).toList();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
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
}

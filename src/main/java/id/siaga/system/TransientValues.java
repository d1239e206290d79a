package id.siaga.system;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Values a process reads only in the transaction that sets them (a gateway's answer right after the
 * task or service task that works it out, a timer's due date when the timer is created): transient
 * variables, which the engine keeps in memory for the transaction and writes nowhere (no variable,
 * history or detail rows).
 */
public final class TransientValues {

  private TransientValues() {}

  /**
   * Sets the value as a transient variable, where {@code setVariable} puts it (the nearest scope that
   * has the name, else the process instance). An instance started before the value became transient
   * has it stored; there the stored variable is updated, since the engine refuses to replace a
   * stored variable by a transient one (ENGINE-17006).
   */
  public static void forThisTransaction(VariableScope scope, String name, TypedValue transientValue) {
    if (!transientValue.isTransient()) {
      throw new IllegalArgumentException("not a transient value: " + name);
    }
    if (scope.hasVariable(name) && !scope.getVariableTyped(name).isTransient()) {
      scope.setVariable(name, transientValue.getValue());
    } else {
      scope.setVariable(name, transientValue);
    }
  }
}

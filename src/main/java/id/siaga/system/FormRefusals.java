package id.siaga.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A refused form is the user's mistake and must read as one. The product checks a submitted task
 * form in a {@code complete} task listener; the engine wraps whatever a listener throws in
 * ENGINE-03051, so Tasklist would show "There was an exception while invoking the TaskListener…"
 * and the REST APIs would answer 500. This interceptor, outside the transaction (which has rolled
 * back by then), hands the {@link FormFieldValidationException} itself to the caller: the Java
 * API throws it, and both REST APIs (Tasklist's and {@code /engine-rest}) answer 400 with its
 * message.
 */
@Component
class FormRefusals extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new Unwrap());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  static final class Unwrap extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
          if (cause instanceof FormFieldValidationException refusal) {
            throw refusal;
          }
        }
        throw e;
      }
    }
  }
}

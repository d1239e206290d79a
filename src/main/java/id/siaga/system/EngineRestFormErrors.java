package id.siaga.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * A refused form is the user's error, not the server's. The engine wraps an exception thrown by a
 * task listener (where the product checks a submitted task form) in ENGINE-03051, and the REST
 * API then answers 500; this mapper finds the {@link FormFieldValidationException} inside and
 * answers 400 with its message, in Camunda's error format. Every other error keeps Camunda's own
 * answer.
 */
@Component
class EngineRestFormErrors implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(Mapper.class);
  }

  @Priority(Priorities.USER - 100)
  public static class Mapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof FormFieldValidationException refused) {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("type", FormFieldValidationException.class.getSimpleName());
          body.put("message", refused.getMessage());
          body.put("code", null);
          return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
      }
      return camunda.toResponse(exception);
    }
  }
}

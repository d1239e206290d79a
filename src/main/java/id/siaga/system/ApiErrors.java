package id.siaga.system;

import id.siaga.region.ImportRejectedException;
import id.siaga.region.KecamatanFileRejected;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Clear errors for the product's API: what was wrong, in Bahasa Indonesia, and nothing changed. */
@RestControllerAdvice(basePackages = "id.siaga")
class ApiErrors {

  @ExceptionHandler(ImportRejectedException.class)
  ResponseEntity<Map<String, Object>> rejected(ImportRejectedException e) {
    return body(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(),
        e.problems().stream().map(Object::toString).toList());
  }

  /** A per-kecamatan file (figures, TPS tiers) refused whole, each problem with its line. */
  @ExceptionHandler(KecamatanFileRejected.class)
  ResponseEntity<Map<String, Object>> fileRejected(KecamatanFileRejected e) {
    return body(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, Object>> badInput(IllegalArgumentException e) {
    return body(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
    List<String> problems = e.getBindingResult().getFieldErrors().stream()
        .map(f -> f.getField() + ": " + f.getDefaultMessage()).toList();
    return body(HttpStatus.BAD_REQUEST, "Data tidak sah", problems);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return body(HttpStatus.BAD_REQUEST, "Isi permintaan tidak dapat dibaca", List.of());
  }

  /** A form's rules refused what was submitted (a report filed through the API): every problem, nothing created. */
  @ExceptionHandler(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
  ResponseEntity<Map<String, Object>> refused(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException e) {
    return body(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
    return body(HttpStatus.FORBIDDEN, "Anda tidak berwenang untuk tindakan ini", List.of());
  }

  private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, List<String> problems) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("error", message);
    if (!problems.isEmpty()) {
      body.put("problems", problems);
    }
    return ResponseEntity.status(status).body(body);
  }
}

package id.siaga.system;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The operator audit for auditors (administrators: {@code /api/admin/**}): who used an operator's
 * tool, what, when, and the refused attempts, newest first.
 */
@RestController
@RequestMapping("/api/admin/audit")
class AuditController {

  private final OperatorAudit audit;

  AuditController(OperatorAudit audit) {
    this.audit = audit;
  }

  @GetMapping
  List<OperatorAudit.Entry> latest(@RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > EngineRequestLimits.MAX_PAGE_SIZE) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "limit harus antara 1 dan " + EngineRequestLimits.MAX_PAGE_SIZE);
    }
    return audit.latest(limit);
  }
}

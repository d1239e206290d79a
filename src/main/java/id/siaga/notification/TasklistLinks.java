package id.siaga.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The links a mail carries into this installation ({@code siaga.base-url}): Tasklist, a task, a page. */
@Component
public class TasklistLinks {

  private final String baseUrl;

  TasklistLinks(@Value("${siaga.base-url}") String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The link that opens one task in Tasklist. */
  public String task(String taskId) {
    return tasklist() + "#/?task=" + taskId;
  }

  /** The link to Tasklist itself. */
  public String tasklist() {
    return to("/camunda/app/tasklist/default/");
  }

  /** A link to a path of this installation, e.g. {@code /api/meetings/rakor-…}. */
  public String to(String path) {
    return baseUrl + path;
  }
}

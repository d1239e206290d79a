package id.siaga.threat;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How another feature files an early-warning report: the message that starts one, and its
 * variables, the start form's fields plus the officer who filed what it comes from. The
 * early-warning feature accepts it only from the server itself (a start without a signed-in user:
 * a job of the sending process); the engine's message endpoint is for administrators only.
 */
public final class ThreatReports {

  /** A patrol's situation report marked a kecamatan rawan. */
  public static final String RAWAN_MESSAGE = "RawanSituationReported";
  /** The officer the report is filed for (the one who filed the situation report). */
  public static final String FILED_BY = "filedByUser";

  private ThreatReports() {}

  public static Map<String, Object> report(String regionCode, String districtCode, ThreatCategory category,
      String severity, LocalDateTime observedLocal, String description, String filedBy) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("regionCode", regionCode);
    variables.put("districtCode", districtCode);
    variables.put("category", category.name());
    variables.put("severity", severity);
    variables.put("observedAt", observedLocal.withSecond(0).withNano(0).toString());
    variables.put("description", description);
    variables.put(FILED_BY, filedBy);
    return variables;
  }
}

package id.siaga.patrol;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a stage's patrols came to, per kecamatan and for the region: reports due, filed, late and
 * missed; the situations recorded; overrides; the BKO request. Plain rules over the records.
 */
record PatrolSummary(int reportsDue, int reportsFiled, int reportsLate, int reportsMissed, int overrides,
    int assigned, int kecamatan, List<District> districts) {

  record District(String districtCode, String plan, String overrideReason, boolean assigned, int aman, int waspada,
      int rawan, int incidents, Situation last) {}

  /**
   * @param now reports due by then count as due; open ones past their due instant as missed so far
   */
  static PatrolSummary of(List<PatrolDistrict> districts, List<PatrolReport> reports,
      Map<String, Map<Situation, Integer>> situations, Map<String, Integer> incidents, Map<String, Situation> last,
      Instant now) {
    int due = (int) reports.stream().filter(r -> !r.dueAt().isAfter(now)).count();
    int filed = (int) reports.stream().filter(r -> r.status() == PatrolReport.Status.FILED).count();
    int late = (int) reports.stream().filter(PatrolReport::late).count();
    int missed = (int) reports.stream().filter(r -> r.status() == PatrolReport.Status.MISSED
        || (r.status() == PatrolReport.Status.OPEN && !r.dueAt().isAfter(now))).count();
    List<District> rows = districts.stream().map(d -> {
      Map<Situation, Integer> counts = situations.getOrDefault(d.districtCode(), Map.of());
      return new District(d.districtCode(), d.plan().text(), d.overrideReason(), d.assigned(),
          counts.getOrDefault(Situation.AMAN, 0), counts.getOrDefault(Situation.WASPADA, 0),
          counts.getOrDefault(Situation.RAWAN, 0), incidents.getOrDefault(d.districtCode(), 0),
          last.get(d.districtCode()));
    }).toList();
    return new PatrolSummary(due, filed, late, missed, (int) districts.stream().filter(PatrolDistrict::overridden).count(),
        (int) districts.stream().filter(PatrolDistrict::assigned).count(), districts.size(), rows);
  }
}

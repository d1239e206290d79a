package id.siaga.earlywarning;

/** What triage does with a report. */
enum TriageDecision {
  /** To the handling agency the routing table names for the (confirmed or corrected) category. */
  TERUSKAN,
  /** A duplicate of an earlier report of the region: merged into it. */
  GABUNGKAN,
  /** Unfounded: rejected with a reason. */
  TOLAK
}

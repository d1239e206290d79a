package id.siaga.earlywarning;

/** What the handling agency does with a report. */
enum HandlingDecision {
  /** Handled, with an outcome. */
  DITANGANI,
  /** Not its remit: back to triage with a reason, for another agency. */
  BUKAN_KEWENANGAN
}

package id.siaga.earlywarning;

/** The names of the early-warning report's process variables and form fields. */
final class ReportVariables {

  static final String PROCESS_KEY = "early-warning-report";
  static final String DECISION_KEY = "report-routing";

  // the start form (and POST /api/reports)
  static final String DISTRICT_CODE = "districtCode";
  static final String CATEGORY = "category";
  static final String SEVERITY = "severity";
  static final String OBSERVED_AT = "observedAt";
  static final String DESCRIPTION = "description";
  static final String REPORTER_CONTACT = "reporterContact";
  static final String ON_BEHALF_OF = "onBehalfOf";
  /** The start form's fields that hold who reported: kept in the record for triage, removed from the instance. */
  static final java.util.List<String> IDENTITY_FIELDS = java.util.List.of(REPORTER_CONTACT, ON_BEHALF_OF,
      id.siaga.threat.ThreatReports.FILED_BY);

  // set by the server
  static final String REPORT_ID = "reportId";
  static final String REPORT_TEXT = "reportText";
  static final String TITLE = "title";
  static final String REGION_NAME = "regionName";
  static final String COORDINATOR_GROUP = "coordinatorGroup";
  static final String POLRES_GROUP = "polresGroup";
  static final String HANDLING_GROUP = "handlingGroup";
  static final String TRIAGE_DUE = "triageDue";
  static final String HANDLE_DUE = "handleDue";
  static final String DARURAT = "darurat";
  static final String TRIAGED = "triaged";
  static final String HANDLED = "handled";

  // the triage task
  static final String TRIAGE_DECISION = "triageDecision";
  static final String MERGE_INTO = "mergeInto";
  static final String REJECTION_REASON = "rejectionReason";
  static final String REPORTER_IDENTITY = "reporterIdentity";
  static final String ROUTE_SUGGESTION = "routeSuggestion";

  // the handling task
  static final String HANDLING_DECISION = "handlingDecision";
  static final String OUTCOME = "outcome";
  static final String OUTCOME_NOTES = "outcomeNotes";
  static final String SANCTION = "sanction";
  static final String RETURN_REASON = "returnReason";

  // the Sentra Gakkumdu steps of a suspected election offence
  static final String GAKKUMDU_ROUTE = "PIDANA_PEMILIHAN";
  static final String ROUTE = "route";
  static final String REVIEW_DUE = "reviewDue";
  static final String REVIEW_EXTENDED = "reviewExtended";
  static final String KEJARI_GROUP = "kejariGroup";
  static final String GAKKUMDU_GROUPS = "gakkumduGroups";
  static final String GAKKUMDU_DECISION = "gakkumduDecision";
  static final String STEP_DECISION = "stepDecision";
  static final String STEP_NOTES = "stepNotes";

  // the acknowledgement of a darurat report
  static final String ACKNOWLEDGEMENT = "acknowledgement";

  private ReportVariables() {}
}

package id.siaga.patrol;

/** The variables of the security processes: set by the server, never taken from a form. */
final class PatrolVariables {

  static final String PATROL_PROCESS = "patrol-assignment";
  static final String GUARD_PROCESS = "tps-security-plan";
  static final String REINFORCEMENT_PROCESS = "reinforcement-request";

  // both plans
  static final String REGION_NAME = "regionName";
  static final String STAGE_CODE = "stageCode";
  static final String TITLE = "title";
  static final String STARTED_BY = "startedBy";
  static final String POLRES_GROUP = "polresGroup";
  static final String KODIM_GROUP = "kodimGroup";
  static final String PEMDA_GROUP = "pemdaGroup";
  static final String COORDINATOR_GROUP = "coordinatorGroup";
  static final String PLAN_TEXT = "planText";
  static final String REINFORCEMENT_REQUESTED = "reinforcementRequested";
  static final String REINFORCEMENT_ID = "reinforcementId";

  // stage patrols
  static final String STAGE_PLAN_ID = "stagePlanId";
  static final String WINDOW_START = "windowStart";
  static final String WINDOW_END = "windowEnd";
  static final String WINDOW_TEXT = "windowText";
  static final String FIRST_REPORT = "firstReport";
  static final String REPORT_COUNT = "reportCount";
  static final String REVIEW_DUE_AT = "reviewDueAt";
  static final String ASSIGN_DUE_AT = "assignDueAt";
  // the report loop (local to the stage window)
  static final String NEXT_REPORT = "nextReport";
  static final String OPENED_REPORT = "openedReport";
  static final String OPENED_REPORT_DUE = "openedReportDue";
  static final String OPENED_REPORT_TITLE = "openedReportTitle";
  // one report period (local to its sub-process)
  static final String REPORT_NUMBER = "reportNumber";
  static final String ALERT = "alert";
  // one kecamatan (local to its sub-process)
  static final String DISTRICT_CODE = "districtCode";
  static final String DISTRICT_NAME = "districtName";
  static final String JOINT_WITH_TNI = "jointWithTni";
  static final String ASSIGNMENT_TEXT = "assignmentText";

  // TPS guard plan
  static final String GUARD_PLAN_ID = "guardPlanId";
  static final String POLICE_NEEDED = "policeNeeded";
  static final String LINMAS_NEEDED = "linmasNeeded";
  static final String PATTERNS_TEXT = "patternsText";
  static final String TNI_STANDBY_NEEDED = "tniStandbyNeeded";
  static final String SANGAT_RAWAN_TEXT = "sangatRawanText";

  // reinforcement request
  static final String POLDA_GROUP = "poldaGroup";
  static final String REQUEST_TEXT = "requestText";

  private PatrolVariables() {}
}

package id.siaga.logistics;

/** The variables of {@code logistics-distribution}: set by the server, never taken from a form. */
final class LogisticsVariables {

  static final String PROCESS_KEY = "logistics-distribution";

  // instance
  static final String LEG_ID = "legId";
  static final String DIRECTION = "direction";
  static final String REGION_NAME = "regionName";
  static final String KPU_GROUP = "kpuGroup";
  static final String KPU_PROVINCE_GROUP = "kpuProvinceGroup";
  static final String BAWASLU_GROUP = "bawasluGroup";
  static final String ESCORT_GROUP = "escortGroup";
  static final String HAS_PROVINCE_RACE = "hasProvinceRace";
  static final String HAS_LOCAL_RACE = "hasLocalRace";
  static final String ALLOCATION_TEXT = "allocationText";
  static final String WAREHOUSE_TEXT = "warehouseText";
  static final String REPLACEMENT_NEEDED = "replacementNeeded";
  static final String STARTED_BY = "startedBy";
  /** What Tasklist's list shows as "Perihal" under each task: the regency/city level or the kecamatan. */
  static final String TITLE = "title";

  // one kecamatan (local to its sub-process instance)
  static final String DISTRICT_CODE = "districtCode";
  /**
   * When the kecamatan's materials must arrive (a {@link java.util.Date}): the anchor of the due
   * rules of its dispatch ({@code var:arriveBy-1 18:00}) and arrival ({@code var:arriveBy}) tasks.
   */
  static final String ARRIVE_BY = "arriveBy";
  // read only in the transaction that sets them (transient): the deadline table's inputs, the
  // transport gateway's answer and the group of the transport task created in that transaction
  static final String TRANSPORT_GROUP = "transportGroup";
  static final String TRANSPORT_NEEDED = "transportNeeded";
  static final String TRANSPORT = "transport";
  static final String REMOTE = "remote";
  static final String VULNERABILITY = "vulnerability";
  // stored on instances of diagrams drawn before 2026-11-25 (LogisticsLeg.prepareKecamatan)
  static final String DISTRICT_NAME = "districtName";
  static final String PPK_GROUP = "ppkGroup";
  static final String PANWASCAM_GROUP = "panwascamGroup";
  static final String DAYS_BEFORE_VOTING = "daysBeforeVoting";
  static final String DISPATCH_DUE_RULE = "dispatchDueRule";
  static final String ARRIVAL_DUE_RULE = "arrivalDueRule";
  static final String SHORTFALL = "shortfall";
  static final String FINDING_COUNT = "findingCount";
  static final String FINDING_ID = "findingId";
  static final String FINDING_TEXT = "findingText";
  static final String WITNESS_GROUP = "witnessGroup";
  static final String DIFFERENCES = "reconciliationDifferences";

  private LogisticsVariables() {}
}

package id.siaga.agency;

/** Where an agency sits in the escalation chain. */
public enum AgencyLevel {
  REGENCY,
  PROVINCE,
  NATIONAL
}

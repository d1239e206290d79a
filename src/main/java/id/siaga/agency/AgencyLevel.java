package id.siaga.agency;

/** Where an agency sits in the escalation chain. */
public enum AgencyLevel {
  /** Ad-hoc election bodies of a kecamatan (PPK, Panwascam). */
  DISTRICT,
  REGENCY,
  /** Province counterparts; for TNI the Korem, which follows the army's territory. */
  PROVINCE,
  /** The top of a line (KPU RI, Bawaslu RI, Mabes Polri, the Kodam, Kejaksaan Agung, Kemendagri) and the national desk. */
  NATIONAL
}

package id.siaga.agency;

/** Where an agency's name comes from. */
public enum NameOrigin {
  /** Made from the agency type and the region ("Polres Kota Gowa"): not checked against the unit. */
  GENERATED,
  /** The real unit name from the reference file shipped with the product (agency/units.yaml), with its source. */
  REFERENCE,
  /** Set by an administrator through the API; later imports keep it. */
  ADMIN
}

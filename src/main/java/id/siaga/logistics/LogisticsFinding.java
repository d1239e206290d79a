package id.siaga.logistics;

import java.time.Instant;

/**
 * A finding of a leg: what the Panwascam saw while supervising (a wet box, a broken seal), or a
 * TPS whose return does not reconcile.
 *
 * @param kind SUPERVISION or RECONCILIATION
 * @param status OPEN, CORRECTED (KPU acted on it) or REVIEWED (Bawaslu reviewed a difference)
 */
public record LogisticsFinding(String findingId, String legId, String districtCode, String kind, String category,
    String description, String foundBy, Instant foundAt, String status, String response) {

  public static final String SUPERVISION = "SUPERVISION";
  public static final String RECONCILIATION = "RECONCILIATION";
}

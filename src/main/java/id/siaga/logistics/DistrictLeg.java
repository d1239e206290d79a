package id.siaga.logistics;

import java.time.Instant;

/**
 * One kecamatan of a leg: its figures when the leg started, the transport support asked for, its
 * deadline and what has happened so far ({@code siaga_logistics_district}).
 *
 * @param support NONE, TNI or PEMDA
 */
public record DistrictLeg(String legId, String districtCode, int tpsCount, int voters, boolean remote,
    TransportMode transport, String support, Instant arriveBy, Instant dispatchedAt, Instant receivedAt,
    Instant deliveredAt, Integer tpsServed) {

  public static final String NO_SUPPORT = "NONE";
}

package id.siaga.logistics;

import java.time.Instant;

/** One leg of the logistics distribution of a region in an election: {@code siaga_logistics_leg}. */
public record Leg(String legId, String processInstanceId, String electionId, String regionCode,
    LegDirection direction, boolean open, String startedBy, Instant startedAt, Instant closedAt) {}

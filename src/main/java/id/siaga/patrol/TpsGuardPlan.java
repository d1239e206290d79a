package id.siaga.patrol;

import java.time.Instant;

/** The voting-day TPS guard plan of one regency or city ({@code siaga_guard_plan}). */
public record TpsGuardPlan(String guardPlanId, String processInstanceId, String electionId, String regionCode,
    String patterns, int policeNeeded, int linmasNeeded, Integer policeAvailable, String policeReason,
    String approvedBy, Instant approvedAt, Integer linmasAvailable, String linmasReason, Instant linmasAt,
    Integer tniStandby, Instant tniAt, boolean ready, String startedBy, Instant startedAt, Instant closedAt) {}

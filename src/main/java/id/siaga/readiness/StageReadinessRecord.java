package id.siaga.readiness;

import java.time.Instant;
import java.util.List;

/** One stage's readiness of one race region ({@code siaga_stage_readiness}). */
public record StageReadinessRecord(String readinessId, String processInstanceId, String electionId, String regionCode,
    String stageCode, String raceLevel, Instant stageStartsAt, List<String> workstreams, Declaration declaration,
    String declarationNotes, String summary, String declaredBy, Instant declaredAt, Instant startedAt) {}

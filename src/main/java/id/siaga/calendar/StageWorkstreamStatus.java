package id.siaga.calendar;

import java.util.Optional;

/**
 * What a feature says about its workstream in one region and stage, for the coordinator's stage
 * readiness declaration (and the readiness board). Each feature implements it for the workstreams
 * it owns; the readiness feature asks every implementation (Spring hands it all of them), so
 * neither knows the other (docs/architecture.md).
 */
public interface StageWorkstreamStatus {

  /** The process key of the workstream, as {@code stage-workstreams.dmn} names it. */
  String workstream();

  /**
   * One line in Bahasa Indonesia on where the workstream of this region and stage stands, or empty
   * when it has not been started.
   */
  Optional<String> summary(String electionId, String regionCode, String stageCode);
}

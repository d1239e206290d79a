package id.siaga.patrol;

import java.time.Instant;

/**
 * A request of Polres for reinforcement (BKO, bawah kendali operasi) from its Polda
 * ({@code siaga_reinforcement}): what a plan needs beyond what Polres declared available.
 */
public record Reinforcement(String reinforcementId, String processInstanceId, String electionId, String regionCode,
    Purpose purpose, String sourceId, int requested, int needed, int available, Decision decision, Integer granted,
    String reason, String decidedBy, Instant requestedAt, Instant decidedAt) {

  public enum Purpose {
    PATROL("patroli tahapan"),
    TPS_GUARD("pengamanan TPS");

    private final String label;

    Purpose(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Polda's answer: in full, in part, or refused. */
  public enum Decision {
    PENUH("dipenuhi seluruhnya"),
    SEBAGIAN("dipenuhi sebagian"),
    DITOLAK("ditolak");

    private final String label;

    Decision(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}

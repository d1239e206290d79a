package id.siaga.readiness;

/**
 * The state of one region's stage on the readiness board, one of seven, by this precedence: a
 * declaration wins once made (siap, siap dengan catatan, belum siap); otherwise an escalated open
 * task (dieskalasi) over an overdue one (terlambat) over a stage readiness under way (berjalan) over
 * nothing started (belum mulai). Plain rules.
 */
public enum CellState {
  BELUM_MULAI("belum mulai"),
  BERJALAN("berjalan"),
  TERLAMBAT("terlambat"),
  DIESKALASI("dieskalasi"),
  SIAP("siap"),
  SIAP_DENGAN_CATATAN("siap dengan catatan"),
  BELUM_SIAP("belum siap");

  private final String label;

  CellState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static CellState of(boolean started, Declaration declared, int overdueTasks, int escalatedTasks) {
    if (declared != null) {
      return switch (declared) {
        case SIAP -> SIAP;
        case SIAP_DENGAN_CATATAN -> SIAP_DENGAN_CATATAN;
        case BELUM_SIAP -> BELUM_SIAP;
      };
    }
    if (escalatedTasks > 0) {
      return DIESKALASI;
    }
    if (overdueTasks > 0) {
      return TERLAMBAT;
    }
    return started ? BERJALAN : BELUM_MULAI;
  }
}

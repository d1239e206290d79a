package id.siaga.patrol;

import java.util.List;

/** A tier file rejected whole: nothing was written. */
class TiersRejectedException extends RuntimeException {

  private final transient List<String> problems;

  TiersRejectedException(List<String> problems) {
    super("Berkas tingkat kerawanan TPS ditolak, tidak ada data yang diubah");
    this.problems = List.copyOf(problems);
  }

  List<String> problems() {
    return problems;
  }
}

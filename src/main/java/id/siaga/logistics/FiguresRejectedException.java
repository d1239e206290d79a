package id.siaga.logistics;

import java.util.List;

/** A figures file rejected whole: nothing was written. */
class FiguresRejectedException extends RuntimeException {

  private final transient List<String> problems;

  FiguresRejectedException(List<String> problems) {
    super("Berkas data kecamatan ditolak, tidak ada data yang diubah");
    this.problems = List.copyOf(problems);
  }

  List<String> problems() {
    return problems;
  }
}

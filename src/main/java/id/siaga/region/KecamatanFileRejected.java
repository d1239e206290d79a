package id.siaga.region;

import java.util.List;

/** A per-kecamatan file rejected whole, each problem with its line: nothing was written. */
public class KecamatanFileRejected extends RuntimeException {

  private final transient List<String> problems;

  public KecamatanFileRejected(String message, List<String> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}

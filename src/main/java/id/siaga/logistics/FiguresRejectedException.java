package id.siaga.logistics;

import id.siaga.region.KecamatanFileRejected;
import java.util.List;

/** A figures file rejected whole: nothing was written. */
class FiguresRejectedException extends KecamatanFileRejected {

  FiguresRejectedException(List<String> problems) {
    super("Berkas data kecamatan ditolak, tidak ada data yang diubah", problems);
  }
}

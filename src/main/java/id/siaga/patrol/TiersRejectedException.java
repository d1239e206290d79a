package id.siaga.patrol;

import id.siaga.region.KecamatanFileRejected;
import java.util.List;

/** A tier file rejected whole: nothing was written. */
class TiersRejectedException extends KecamatanFileRejected {

  TiersRejectedException(List<String> problems) {
    super("Berkas tingkat kerawanan TPS ditolak, tidak ada data yang diubah", problems);
  }
}

package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The engine's English prefix goes, the product's Bahasa message stays; anything else is left as it is. */
class FormRefusalMessagesTest {

  @Test
  void onlyThePrefixBeforeTheProductsOwnMessageIsRemoved() {
    assertThat(FormRefusalMessages.withoutEnginePrefix("Cannot submit task form 4f2a-11f1: Isian tidak sah: Alasan"
        + " wajib diisi. Tidak ada yang diubah.")).isEqualTo("Isian tidak sah: Alasan wajib diisi. Tidak ada yang diubah.");
    assertThat(FormRefusalMessages.withoutEnginePrefix("Cannot instantiate process definition logistics-distribution:1:"
        + "a12b: Isian tidak sah: Kode 73 bukan kabupaten/kota")).isEqualTo("Isian tidak sah: Kode 73 bukan kabupaten/kota");
    assertThat(FormRefusalMessages.withoutEnginePrefix("Cannot submit task form 9: Tugas 9 sudah tidak ada"))
        .isEqualTo("Tugas 9 sudah tidak ada");
    // the engine's own errors keep their words: they are not the product's to reword
    assertThat(FormRefusalMessages.withoutEnginePrefix("Cannot submit task form 9: ENGINE-03051 listener failed"))
        .isEqualTo("Cannot submit task form 9: ENGINE-03051 listener failed");
    assertThat(FormRefusalMessages.withoutEnginePrefix(null)).isNull();
  }
}

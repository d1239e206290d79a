package id.siaga.region;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Whether the country (regions, agencies and their groups, and in the demo its users) is there to
 * work with. It is {@link State#READY} except while the demo's first start imports the national
 * files in the background ({@link State#LOADING}) or when that import failed ({@link State#FAILED}):
 * then the product's pages and APIs answer "Sedang memuat data wilayah" instead of an empty or
 * half-made country (see docs/architecture.md, "The first start loads the country in the
 * background").
 */
@Component
public class NationalData {

  /** Shown to officers and coordinators while the country is being loaded. */
  public static final String LOADING_MESSAGE =
      "Sedang memuat data wilayah (impor nasional pertama kali). Silakan coba lagi dalam beberapa detik.";

  /** Shown when the first import failed; the log names the problem. */
  public static final String FAILED_MESSAGE =
      "Data wilayah gagal dimuat. Hubungi administrator (lihat log aplikasi); aplikasi akan mencoba lagi saat dijalankan ulang.";

  public enum State { LOADING, READY, FAILED }

  private volatile State state = State.READY;
  private volatile CountDownLatch settled = new CountDownLatch(0);

  public State state() {
    return state;
  }

  public boolean isReady() {
    return state == State.READY;
  }

  /** The message for callers while the country is not ready; null when it is. */
  public String message() {
    return switch (state) {
      case LOADING -> LOADING_MESSAGE;
      case FAILED -> FAILED_MESSAGE;
      case READY -> null;
    };
  }

  /** The country is being loaded from now on: every caller waits. */
  public synchronized void loading() {
    if (state != State.LOADING) {
      settled = new CountDownLatch(1);
      state = State.LOADING;
    }
  }

  /** Everything is written and committed: open the gate. */
  public synchronized void ready() {
    state = State.READY;
    settled.countDown();
  }

  /** The load failed; the gate stays closed until a restart loads again. */
  public synchronized void failed() {
    state = State.FAILED;
    settled.countDown();
  }

  /**
   * Waits until loading has ended (ready or failed) and returns the state; still {@code LOADING}
   * when the time ran out.
   */
  public State awaitSettled(Duration timeout) throws InterruptedException {
    settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return state;
  }
}

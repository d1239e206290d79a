package id.siaga.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Facts of a feature's record that never change once written (a leg's election and region, a
 * readiness's stage start), read once per node and kept: a bounded map of the most recently used,
 * shared by threads. Since the facts never change, no node can hold a stale copy; what does change
 * is read from the table each time. A record's facts are read outside the lock, so two threads may
 * read the same record once each; they keep the same facts.
 */
public final class KeptFacts<V> {

  private final Map<String, V> kept;

  /** @param bound how many records' facts are kept at most (the least recently used go first) */
  public KeptFacts(int bound) {
    this.kept = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > bound;
      }
    };
  }

  /** The facts kept for this key, or null. */
  public V find(String key) {
    synchronized (kept) {
      return kept.get(key);
    }
  }

  /** The facts kept for this key, read with {@code read} the first time. */
  public V get(String key, Function<String, V> read) {
    V known = find(key);
    if (known != null) {
      return known;
    }
    V facts = read.apply(key);
    keep(key, facts);
    return facts;
  }

  public void keep(String key, V facts) {
    synchronized (kept) {
      kept.put(key, facts);
    }
  }

  public void forget(String key) {
    synchronized (kept) {
      kept.remove(key);
    }
  }
}

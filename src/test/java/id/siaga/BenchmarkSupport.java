package id.siaga;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the benchmarks measure the same way: elapsed time, heap, and the jobs a process created. */
public final class BenchmarkSupport {

  private BenchmarkSupport() {}

  /**
   * The URL of an in-memory H2 database named so, with the product's H2 settings (those of the demo
   * profile's file database: application-demo.yaml), so that the benchmarks measure the product as
   * it is configured and the bare engine on the same database.
   */
  public static String h2Memory(String name) {
    return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256";
  }

  /** Jobs the process created, by type, from the job log (a row in state 0 for each job created). */
  public static Map<String, Long> createdJobs(JdbcTemplate jdbc, String processKey) {
    Map<String, Long> created = new TreeMap<>();
    jdbc.queryForList("select JOB_DEF_TYPE_ as T, count(*) as N from ACT_HI_JOB_LOG where JOB_STATE_ = 0"
        + " and PROCESS_DEF_KEY_ = ? group by JOB_DEF_TYPE_", processKey)
        .forEach(row -> created.put(String.valueOf(row.get("T")), ((Number) row.get("N")).longValue()));
    return created;
  }

  public static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> d = new TreeMap<>();
    after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
    return d;
  }

  /** Adds each table's rows between {@code before} and {@code after} to {@code total} (a phase run in pieces). */
  public static void addDifference(Map<String, Long> total, Map<String, Long> after, Map<String, Long> before) {
    difference(after, before).forEach((table, rows) -> total.merge(table, rows, Long::sum));
  }

  /** Rows of every table (H2), to see what a phase leaves behind. */
  public static Map<String, Long> rowCounts(JdbcTemplate jdbc) {
    Map<String, Long> counts = new TreeMap<>();
    for (String table : jdbc.queryForList("select table_name from information_schema.tables"
        + " where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'", String.class)) {
      counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
    }
    return counts;
  }

  /** H2 only: counts every statement from now on (its text, executions), replacing the counts so far. */
  public static void countStatements(JdbcTemplate jdbc) {
    jdbc.execute("set query_statistics false");
    jdbc.execute("set query_statistics_max_entries 5000");
    jdbc.execute("set query_statistics true");
  }

  /** H2 only: the statements counted since {@link #countStatements}, by text, most executed first; counting stops. */
  public static Map<String, Long> countedStatements(JdbcTemplate jdbc) {
    Map<String, Long> counted = new java.util.LinkedHashMap<>();
    jdbc.query("select sql_statement, execution_count from information_schema.query_statistics"
        + " order by execution_count desc", rs -> {
          counted.merge(rs.getString(1), rs.getLong(2), Long::sum);
        });
    jdbc.execute("set query_statistics false");
    counted.keySet().removeIf(sql -> sql.toLowerCase().contains("query_statistics"));
    return counted;
  }

  /** Prints the statements counted, per unit of work (e.g. per region), each as its first characters. */
  public static void printStatements(String label, Map<String, Long> counted, int units) {
    long all = counted.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf("  statements, %s: %.1f in all%n", label, (double) all / units);
    counted.forEach((sql, n) -> System.out.printf("    %6.2f  %s%n", (double) n / units,
        sql.replaceAll("\\s+", " ").substring(0, Math.min(150, sql.replaceAll("\\s+", " ").length()))));
  }

  public static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  public static long heapAfterGc() {
    System.gc();
    return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
  }

  /** The sum of the heap pools' peaks since the last reset (the pools peak at different moments: an upper bound). */
  public static long poolPeaks() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /**
   * Samples the heap used (MemoryMXBean) every 50 ms between start and stop; resets the pools' peaks
   * at start; {@link #gcMillis()} is the time the collectors reported between the last start and stop.
   */
  public static final class HeapSampler {
    private final AtomicLong peak = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;
    private long gcAtStart;
    private long gcMillis;

    /** The collectors' time (ms) between the last start and stop. */
    public long gcMillis() {
      return gcMillis;
    }

    static long collectorMillis() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    public void start() {
      gcAtStart = collectorMillis();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      peak.set(0);
      running.set(true);
      thread = new Thread(() -> {
        while (running.get()) {
          peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    public long stop() {
      gcMillis = collectorMillis() - gcAtStart;
      running.set(false);
      if (thread != null) {
        thread.interrupt();
        try {
          thread.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        thread = null;
      }
      return peak.get();
    }
  }

  /**
   * Before each measured phase, PostgreSQL's planner statistics as a running server has them once
   * autovacuum has analyzed the previous bulk work (the national start writes about 20,000 variables
   * in seconds; its first stage comes days later). Without it the product's first stage ran on the
   * statistics of nearly empty tables: the planner looked up an execution's variables through the
   * index on TASK_ID_ and filtered 19,599 rows (5 ms instead of 0.05 ms, 2,180 times), while the bare
   * phases, which ran after the board's analyze, did not. Untimed, before product and bare alike.
   */
  public static void settle(JdbcTemplate jdbc) {
    if (isPostgres(jdbc)) {
      jdbc.execute("analyze");
    }
  }

  public static boolean isPostgres(JdbcTemplate jdbc) {
    return jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()).contains("PostgreSQL");
  }
}

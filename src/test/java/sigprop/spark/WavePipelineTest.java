package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Waves two at a time on a real local[2] session with the fair scheduler, as sweeps run. */
class WavePipelineTest {
  /** Task start and end times (ns) by "job:task", written by tasks in this JVM (local mode). */
  static final Map<String, long[]> TIMES = new ConcurrentHashMap<>();

  static SparkSession spark;
  static SparkContext sc;

  @BeforeAll
  static void start() {
    SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("wave-pipeline-test")
        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1");
    SchedulerPools.configure(conf); // as SparkSessions.start does
    spark = SparkSession.builder().config(conf).getOrCreate();
    sc = spark.sparkContext();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Runs a job of tasks sleeping the given milliseconds each, recording their times. */
  static void sleepJob(String name, int... millis) {
    List<Integer> ms = IntStream.of(millis).boxed().toList();
    JavaSparkContext.fromSparkContext(sc).parallelize(ms, ms.size()).foreachPartition(it -> {
      int task = org.apache.spark.TaskContext.getPartitionId();
      long begin = System.nanoTime();
      Thread.sleep(it.next());
      TIMES.put(name + ":" + task, new long[] {begin, System.nanoTime()});
    });
  }

  static long startOf(String job, int task) {
    return TIMES.get(job + ":" + task)[0];
  }

  static long endOf(String job, int task) {
    return TIMES.get(job + ":" + task)[1];
  }

  @Test
  void theNextWaveStartsInTheSlotTheCurrentOneLeavesAndAtMostTwoRunAtOnce() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Long> finished = new ArrayList<>();
    try (WavePipeline pipeline = new WavePipeline(sc)) {
      for (int k = 0; k < 4; k++) {
        String name = "order-" + k;
        pipeline.submit("test-wave-" + k, "test", () -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          // Three tasks on two slots: one slot is free for the last 300 ms of the wave.
          sleepJob(name, 300, 300, 300);
          running.decrementAndGet();
          synchronized (finished) {
            finished.add(System.nanoTime());
          }
          return null;
        });
      }
      pipeline.finish();
    }
    assertEquals(2, most.get(), "two waves in flight, never more");
    assertEquals(4, finished.size());
    for (int k = 0; k < 3; k++) {
      // The scheduler order is the submission order: wave k's jobs come before wave k+1's.
      int[] ids = sc.statusTracker().getJobIdsForGroup("test-wave-" + k);
      int[] next = sc.statusTracker().getJobIdsForGroup("test-wave-" + (k + 1));
      assertTrue(ids[0] < next[0], "wave " + k + " queued before wave " + (k + 1));
    }
    // Wave 1's first task took the slot wave 0's first two tasks left, while wave 0 still ran.
    assertTrue(startOf("order-1", 0) < endOf("order-0", 2) - 100_000_000L,
        "wave 1 started in the free slot while wave 0 still ran");
  }

  @Test
  void sideJobsTakeTheNextFreeSlotBeforeQueuedWaveTasks() throws Exception {
    try (WavePipeline pipeline = new WavePipeline(sc)) {
      Future<?>[] side = new Future<?>[1];
      pipeline.submit("test-side-wave", "test", () -> {
        sleepJob("side-wave", 400, 400, 400, 400, 400, 400);
        return null;
      });
      side[0] = pipeline.side(() -> {
        sleepJob("side", 10);
        return null;
      });
      side[0].get();
      pipeline.finish();
    }
    assertEquals("FAIR", sc.getSchedulingMode().toString());
    assertEquals(1, sc.getPoolForName(SchedulerPools.SIDE).get().minShare(),
        "the side pool comes from sigprop's pools file");
    // The wave's third and later tasks were waiting when the side job came; it went first.
    long sideStart = startOf("side", 0);
    for (int t = 2; t < 6; t++) {
      assertTrue(sideStart <= startOf("side-wave", t), "side job before wave task " + t);
    }
  }

  @Test
  void aFailedWaveStopsTheOneBesideItAndItsErrorIsThrown() throws Exception {
    long begin = System.nanoTime();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
      try (WavePipeline pipeline = new WavePipeline(sc)) {
        pipeline.submit("test-fail-0", "test", () -> {
          sleepJob("fail-0", 100);
          throw new IllegalStateException("wave 0 broke");
        });
        // 40 s of work if it were not cancelled.
        pipeline.submit("test-fail-1", "test", () -> {
          sleepJob("fail-1", IntStream.generate(() -> 1000).limit(80).toArray());
          return null;
        });
        pipeline.finish();
      }
    });
    assertEquals("wave 0 broke", e.getMessage());
    double seconds = (System.nanoTime() - begin) / 1e9;
    assertTrue(seconds < 20, "the second wave was cancelled, not run to its end: " + seconds);
    // Cancelling is asynchronous (the scheduler's event loop ends the job, then the listener
    // bus reports it): wait for it, within bounds, instead of racing it.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (sc.statusTracker().getActiveJobIds().length > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
      sc.listenerBus().waitUntilEmpty();
    }
    assertEquals(0, sc.statusTracker().getActiveJobIds().length, "no job left running");
  }
}

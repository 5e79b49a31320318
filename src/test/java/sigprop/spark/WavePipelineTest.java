package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

  /** Latches counted down by tasks as they start, by "job:task". */
  static final Map<String, CountDownLatch> STARTED = new ConcurrentHashMap<>();
  /** For a wave's last task: whether the next wave's first task started while it ran. */
  static final Map<String, Boolean> OVERLAPPED = new ConcurrentHashMap<>();

  /** The body of one task, given its index; shipped to the (local) executor. */
  interface TaskBody extends Serializable {
    void run(int task) throws Exception;
  }

  static CountDownLatch started(String key) {
    return STARTED.computeIfAbsent(key, k -> new CountDownLatch(1));
  }

  /** Runs a job of {@code tasks} tasks; each counts down its start latch and records its times. */
  static void job(String name, int tasks, TaskBody body) {
    List<Integer> ids = IntStream.range(0, tasks).boxed().toList();
    JavaSparkContext.fromSparkContext(sc).parallelize(ids, tasks).foreachPartition(it -> {
      int task = org.apache.spark.TaskContext.getPartitionId();
      long begin = System.nanoTime();
      started(name + ":" + task).countDown();
      body.run(task);
      TIMES.put(name + ":" + task, new long[] {begin, System.nanoTime()});
    });
  }

  /** Runs a job of tasks sleeping the given milliseconds each, recording their times. */
  static void sleepJob(String name, int... millis) {
    job(name, millis.length, task -> Thread.sleep(millis[task]));
  }

  static long startOf(String job, int task) {
    return TIMES.get(job + ":" + task)[0];
  }

  @Test
  void theNextWaveStartsInTheSlotTheCurrentOneLeavesAndAtMostTwoRunAtOnce() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Long> finished = new ArrayList<>();
    try (WavePipeline pipeline = new WavePipeline(sc)) {
      for (int k = 0; k < 4; k++) {
        String name = "order-" + k;
        String next = k < 3 ? "order-" + (k + 1) + ":0" : null;
        pipeline.submit("test-wave-" + k, "test", () -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          // Three tasks on two slots: the third runs alone until the next wave's first task
          // has started beside it, which it can only do in the slot this wave left free (an
          // order, not a timing: a next wave that waited for this one's end times out).
          job(name, 3, task -> {
            if (task < 2) {
              Thread.sleep(300);
            } else if (next != null) {
              OVERLAPPED.put(name, started(next).await(20, TimeUnit.SECONDS));
            }
          });
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
      assertEquals(true, OVERLAPPED.get("order-" + k),
          "wave " + (k + 1) + " started in the free slot while wave " + k + " still ran");
    }
  }

  /** Whether the side job is queued beside the wave's job, or already done. */
  static boolean sideQueuedOrDone() {
    return TIMES.containsKey("side:0") || sc.statusTracker().getActiveJobIds().length >= 2;
  }

  @Test
  void sideJobsTakeTheNextFreeSlotBeforeQueuedWaveTasks() throws Exception {
    try (WavePipeline pipeline = new WavePipeline(sc)) {
      Future<?>[] side = new Future<?>[1];
      pipeline.submit("test-side-wave", "test", () -> {
        // Task 0 holds its slot until the side job is queued, and 400 ms more for its task to
        // reach the scheduler; task 1 holds the other slot until the side job has run. So one
        // slot frees while the side job waits beside four wave tasks, and it must take it,
        // however slowly the side thread starts (an order, not a timing).
        job("side-wave", 6, task -> {
          long deadline = System.nanoTime() + 20_000_000_000L;
          while (task == 0 && !sideQueuedOrDone() && System.nanoTime() < deadline) {
            Thread.sleep(10);
          }
          while (task == 1 && !TIMES.containsKey("side:0") && System.nanoTime() < deadline) {
            Thread.sleep(10);
          }
          Thread.sleep(task == 0 ? 400 : 50);
        });
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

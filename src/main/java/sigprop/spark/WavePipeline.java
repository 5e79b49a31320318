package sigprop.spark;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;

/**
 * Runs the sweep's waves two at a time, each in its own driver thread and Spark job group, the
 * next one's job queued behind the current one's. The scheduler then gives a slot that the
 * current wave's last tasks leave free to the next wave's first task, and the current wave
 * commits while the next one runs (its cells commit takes the first slot that frees); waiting
 * for each wave before starting the next left both slots idle for about 0.4 s per wave (the
 * last tasks' tail, the commit, the next job's start). A killed sweep loses at most the two
 * waves in flight.
 *
 * <p>Side jobs (the theory table, a wave's cells commit) run in the {@link SchedulerPools#SIDE}
 * pool, which the fair scheduler serves before the waves' pool whenever it has a task waiting;
 * under the FIFO scheduler they simply wait their turn.
 */
final class WavePipeline implements AutoCloseable {
  private static final int IN_FLIGHT = 2;

  private final SparkContext sc;
  private final ExecutorService threads;
  private final Deque<Wave> inFlight = new ArrayDeque<>();

  private record Wave(String group, Future<?> done) {}

  WavePipeline(SparkContext sc) {
    this.sc = sc;
    AtomicInteger n = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "sigprop-wave-" + n.getAndIncrement());
      t.setDaemon(true);
      return t;
    });
  }

  /** Runs {@code side} in its own thread in the side pool; its result is in the future. */
  <T> Future<T> side(Callable<T> side) {
    return threads.submit(() -> inSidePool(sc, side));
  }

  /** Runs {@code body} with this thread's jobs in the side pool. */
  static <T> T inSidePool(SparkContext sc, Callable<T> body) throws Exception {
    String before = sc.getLocalProperty("spark.scheduler.pool");
    sc.setLocalProperty("spark.scheduler.pool", SchedulerPools.SIDE);
    try {
      return body.call();
    } finally {
      sc.setLocalProperty("spark.scheduler.pool", before);
    }
  }

  /**
   * Starts {@code wave}, whose Spark jobs run in job group {@code group} (described as
   * {@code description} in Spark's UI), once fewer than two waves are in flight, and returns
   * when its first job is queued (or it ended). Throws the failure of an earlier wave, after
   * stopping the others.
   */
  void submit(String group, String description, Callable<?> wave) throws Exception {
    while (inFlight.size() >= IN_FLIGHT) {
      awaitOldest();
    }
    Future<?> done = threads.submit(() -> {
      sc.setJobGroup(group, description, false);
      try {
        return wave.call();
      } finally {
        sc.clearJobGroup();
      }
    });
    inFlight.add(new Wave(group, done));
    // Job order is the scheduler's order: the next wave starts only after this one is queued.
    while (!done.isDone() && sc.statusTracker().getJobIdsForGroup(group).length == 0) {
      Thread.sleep(2);
    }
  }

  /** Waits for every wave in flight; throws the first failure, after stopping the others. */
  void finish() throws Exception {
    while (!inFlight.isEmpty()) {
      awaitOldest();
    }
  }

  private void awaitOldest() throws Exception {
    Wave oldest = inFlight.removeFirst();
    try {
      oldest.done().get();
    } catch (ExecutionException e) {
      cancelAll();
      throw e.getCause() instanceof Exception x ? x : e;
    }
  }

  /** Cancels the waves still in flight and waits until their threads have ended. */
  private void cancelAll() {
    for (Wave w : inFlight) {
      sc.cancelJobGroup(w.group());
    }
    for (Wave w : inFlight) {
      try {
        w.done().get();
      } catch (ExecutionException | InterruptedException ignored) {
        // Their failure is the cancellation; the first failure is the one reported.
      }
    }
    inFlight.clear();
  }

  /** Stops the waves still in flight (after a failure) and the threads. */
  @Override
  public void close() {
    cancelAll();
    threads.shutdown();
    try {
      threads.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepLockTest {
  @TempDir
  java.nio.file.Path dir;

  private FileSystem fs() throws IOException {
    return FileSystem.getLocal(new Configuration());
  }

  /**
   * Two runs taking the mark at the same instant, into a fresh folder and over a stale mark (a
   * run killed on this host): exactly one holds it each time, and the other is refused.
   */
  @Test
  void twoRunsAtOnceNeverBothHoldTheMark() throws Exception {
    FileSystem fs = fs();
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    String staleMark = "host=" + java.net.InetAddress.getLocalHost().getHostName() + "\npid="
        + ended.pid() + "\nsince=2026-01-01T00:00:00Z\n";
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int trial = 0; trial < 100; trial++) {
        Path root = new Path(dir.resolve("t" + trial).toUri());
        if (trial % 2 == 1) {
          fs.mkdirs(root);
          Files.writeString(java.nio.file.Path.of(root.toUri()).resolve(SweepLock.NAME),
              staleMark);
        }
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<SweepLock.Attempt>> runs = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
          runs.add(pool.submit(() -> {
            start.await();
            return SweepLock.acquire(fs, root);
          }));
        }
        SweepLock.Attempt a = runs.get(0).get();
        SweepLock.Attempt b = runs.get(1).get();
        assertTrue((a.lock() == null) != (b.lock() == null), "trial " + trial + ": one holder");
        SweepLock.Attempt refused = a.lock() == null ? a : b;
        assertTrue(refused.refusal().contains("is writing")
            || refused.refusal().contains("at the same moment"), refused.refusal());
        (a.lock() == null ? b : a).lock().close();
        assertFalse(fs.exists(new Path(root, SweepLock.NAME)), "released, trial " + trial);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** An empty or garbled mark is unreadable, not another host's: judged by its age alone. */
  @Test
  void anUnreadableMarkIsSaidToBeSoAndTakenOverOnceOld() throws Exception {
    FileSystem fs = fs();
    Path root = new Path(dir.toUri());
    java.nio.file.Path mark = dir.resolve(SweepLock.NAME);
    Files.writeString(mark, "");
    SweepLock.Attempt fresh = SweepLock.acquire(fs, root);
    assertNull(fresh.lock());
    assertTrue(fresh.refusal().startsWith("a sweep run whose mark cannot be read is writing"),
        fresh.refusal());
    assertTrue(fresh.refusal().contains("(its mark, unreadable, was refreshed"), fresh.refusal());
    Files.setLastModifiedTime(mark, java.nio.file.attribute.FileTime.fromMillis(
        System.currentTimeMillis() - SweepLock.STALE_MILLIS - 1000));
    try (SweepLock taken = SweepLock.acquire(fs, root).lock()) {
      assertNotNull(taken);
      assertTrue(Files.readString(mark).startsWith("host="));
    }
  }

  /** A run whose mark another took over (judged stale) leaves the new owner's mark alone. */
  @Test
  void aRunRemovesOnlyItsOwnMark() throws Exception {
    FileSystem fs = fs();
    Path root = new Path(dir.toUri());
    SweepLock mine = SweepLock.acquire(fs, root).lock();
    java.nio.file.Path mark = dir.resolve(SweepLock.NAME);
    Files.delete(mark);
    Files.writeString(mark, "host=elsewhere.invalid\npid=1\n");
    mine.close();
    assertEquals("host=elsewhere.invalid\npid=1\n", Files.readString(mark));
  }
}

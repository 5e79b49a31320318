package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --master is checked before anything starts: Spark's forms pass, anything else exits 2. */
class MasterCheckTest {
  @TempDir Path dir;

  @Test
  void localMastersGiveTheirThreadCount() {
    assertEquals(1, SparkSessions.localCores("local"));
    assertEquals(4, SparkSessions.localCores("local[4]"));
    assertEquals(2, SparkSessions.localCores("local[2,4]"));
    assertEquals(3, SparkSessions.localCores("local[ 3 , 2 ]"));
    assertEquals(Runtime.getRuntime().availableProcessors(), SparkSessions.localCores("local[*]"));
    assertEquals(Runtime.getRuntime().availableProcessors(),
        SparkSessions.localCores("local[*,3]"));
    assertEquals(2, SparkSessions.localCores("local-cluster[3,2,1024]"));
  }

  @Test
  void cellsGetTheHeapOfTheJvmThatRunsThem() {
    // Less the 300 MiB Spark keeps for its own objects.
    long here = Runtime.getRuntime().maxMemory() - (300L << 20);
    assertEquals(here / 2, SparkSessions.heapPerTask("local[2]"));
    assertEquals(here, SparkSessions.heapPerTask("local"));
    // Executors of their own, with Spark's default spark.executor.memory, 1g (local-cluster's
    // executors are not this JVM either).
    assumeTrue(System.getProperty("spark.executor.memory") == null);
    assertEquals(724L << 19, SparkSessions.heapPerTask("local-cluster[2,2,1024]"));
    assertEquals(724L << 20, SparkSessions.heapPerTask("spark://127.0.0.1:7077"));
  }

  @Test
  void aStandaloneMasterWithoutExecutorCoresGetsANote() {
    assumeTrue(System.getProperty("spark.executor.cores") == null);
    String note = SparkSessions.executorCoresNote("spark://127.0.0.1:7077");
    assertTrue(note != null && note.startsWith("spark.executor.cores is not set"), note);
    assertEquals(null, SparkSessions.executorCoresNote("local[2]"));
    assertEquals(null, SparkSessions.executorCoresNote("yarn"));
    System.setProperty("spark.executor.cores", "2");
    try {
      assertEquals(null, SparkSessions.executorCoresNote("spark://127.0.0.1:7077"));
      assertEquals(724L << 19, SparkSessions.heapPerTask("spark://127.0.0.1:7077"));
    } finally {
      System.clearProperty("spark.executor.cores");
    }
  }

  @Test
  void aHeapWithinSparksReserveLeavesCellsNoRoomRatherThanUncheckedOnes() {
    assumeTrue(System.getProperty("spark.executor.memory") == null);
    System.setProperty("spark.executor.memory", "256m");
    try {
      assertEquals(1, SparkSessions.heapPerTask("spark://127.0.0.1:7077"));
    } finally {
      System.clearProperty("spark.executor.memory");
    }
  }

  @Test
  void malformedMastersAreRefusedWithTheirText() {
    for (String bad : new String[] {"local[x]", "local[", "local[2", "local[]", "local[0]",
        "localhost", "local[2,x]", "spark:/host:7077", "cluster", "bogus://x"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> SparkSessions.checkMaster(bad), bad);
      assertTrue(e.getMessage().startsWith("--master: '" + bad + "'"), e.getMessage());
    }
    for (String good : new String[] {"local[2]", "spark://127.0.0.1:7077", "yarn",
        "k8s://https://host:6443", "local-cluster[2,1,1024]"}) {
      SparkSessions.checkMaster(good);
    }
  }

  @Test
  void sweepWithABadMasterExitsTwoBeforeReadingAnything() throws Exception {
    Path out = dir.resolve("out");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SweepCommand.run(new String[] {"no-such.yaml", "--out", out.toString(),
        "--master", "local[x]"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, code, text);
    assertTrue(text.startsWith("sigprop sweep: --master: 'local[x]' is not a local master"), text);
    assertFalse(text.contains("Exception"), text);
    assertFalse(Files.exists(out));
  }
}

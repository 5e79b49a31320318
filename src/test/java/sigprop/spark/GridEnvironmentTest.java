package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sigprop.experiment.ConfigLoader;
import sigprop.experiment.GridCommand;

/**
 * grid reads configs and checks memory as sweep does: a config grid accepts is one sweep runs,
 * and a config location sweep reads, grid reads. No Spark starts.
 */
class GridEnvironmentTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int grid(String... args) {
    return GridCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new GridEnvironment());
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void fileUrisAreReadLikeSweepReadsThem() throws IOException {
    Path config = dir.resolve("ok.yaml");
    Files.copy(Path.of("conf/example.yaml"), config);
    assertEquals(0, grid(config.toUri().toString()), err());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("24 cells"), out::toString);
  }

  /**
   * A file URI of a path with a space: as Java, Python and browsers write it ({@code %20}), and as
   * Hadoop reads one (the space itself). The escaped form was refused as "no such file".
   */
  @Test
  void fileUrisOfAPathWithASpaceAreReadEscapedOrAsWritten() throws IOException {
    Path config = Files.createDirectories(dir.resolve("my sweeps")).resolve("ex ample.yaml");
    Files.copy(Path.of("conf/example.yaml"), config);
    String escaped = config.toUri().toString();
    assertTrue(escaped.contains("my%20sweeps/ex%20ample.yaml"), escaped);
    assertEquals(0, grid(escaped), err());
    assertEquals(0, grid("file://" + config), err());
    // A name that really holds the escape is still found as written.
    Path literal = dir.resolve("a%20b.yaml");
    Files.copy(Path.of("conf/example.yaml"), literal);
    assertEquals(0, grid("file://" + literal), err());
    assertEquals(2, grid("file://" + dir.resolve("my%20sweeps/none.yaml")));
    assertTrue(err().contains("no such file"), err());
  }

  @Test
  void theTimeIsEstimatedOnTheLocalMastersThreads() {
    assertEquals(0, grid("conf/example.yaml", "--master", "local[3]", "--gflops", "1"), err());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains(" on 3 cores at 1.00 GFLOP/s"),
        out::toString);
    out.reset();
    assertEquals(0, grid("conf/example.yaml", "--master", "local[3]", "--cores", "5",
        "--gflops", "1"), err());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains(" on 5 cores at 1.00 GFLOP/s"),
        out::toString);
  }

  /**
   * A local-cluster runs workers × cores per worker cells at once (grid said 2 cores for 2 × 2);
   * a cluster's cores are not known here, and the estimate says whose cores it used.
   */
  @Test
  void theTimeOfALocalClusterCountsEveryWorkerAndAClustersSaysItUsedThisMachines() {
    assertEquals(0, grid("conf/example.yaml", "--master", "local-cluster[2,2,1024]", "--gflops",
        "1"), err());
    String local = out.toString(StandardCharsets.UTF_8);
    assertTrue(local.contains(" on 4 cores at 1.00 GFLOP/s"), local);
    assertTrue(!local.contains("cluster's master"), local);
    out.reset();
    assertEquals(0, grid("conf/example.yaml", "--master", "spark://nohost.invalid:7077",
        "--gflops", "1"), err());
    int here = Runtime.getRuntime().availableProcessors();
    String cluster = out.toString(StandardCharsets.UTF_8);
    assertTrue(cluster.contains(" on " + here + (here == 1 ? " core" : " cores")
        + " at 1.00 GFLOP/s"), cluster);
    assertTrue(cluster.contains("note: a cluster's master runs the cells on its executors'"
        + " cores, which grid does not know: the time is for this machine's " + here
        + "; --cores N gives the cluster's"), cluster);
    out.reset();
    assertEquals(0, grid("conf/example.yaml", "--master", "spark://nohost.invalid:7077",
        "--cores", "16", "--gflops", "1"), err());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains(" on 16 cores at 1.00 GFLOP/s")
        && !out.toString(StandardCharsets.UTF_8).contains("cluster's master"), out::toString);
  }

  @Test
  void unreachableLocationsAreSaidPlainly() {
    IOException host = assertThrows(IOException.class,
        () -> ConfigText.read("hdfs://no-such-host.invalid:1/x.yaml"));
    assertEquals("unknown host no-such-host.invalid", host.getMessage());
    IOException scheme = assertThrows(IOException.class, () -> ConfigText.read("s3a://b/x.yaml"));
    assertTrue(scheme.getMessage().startsWith("no file system for this scheme on the classpath"),
        scheme.getMessage());
    assertEquals(2, grid("s3a://b/x.yaml"));
    assertTrue(err().contains("sigprop grid: cannot read s3a://b/x.yaml: no file system"), err());
  }

  @Test
  void cellsAreCheckedAgainstTheHeapEachTaskSlotGets() throws Exception {
    long here = Runtime.getRuntime().maxMemory() - (300L << 20); // less Spark's reserve
    GridEnvironment env = new GridEnvironment();
    assertEquals(here / 2, env.heapPerCell("local[2]"));
    assertEquals(here, env.heapPerCell("local[1]"));
    // A cell needing about 0.7 of the heap (memory grows linearly with depth): fine on one
    // thread, too large on two.
    long region = env.regionBytes("local[1]");
    long perLayer = memory(101, region) - memory(1, region);
    long depth = (long) ((0.7 * here - memory(1, region)) / (perLayer / 100.0));
    String[] cell = concat(CELL, "--set", "grid.depth=" + depth);
    assertEquals(0, grid(concat(cell, "--master", "local[1]")), err());
    assertEquals(2, grid(concat(cell, "--master", "local[2]")));
    assertTrue(err().contains("heap a cell gets"), err());
    assertEquals(2, grid(concat(cell, "--master", "local[2]", "--heap-mb", "1024")));
    assertTrue(err().contains("--master and --heap-mb are two ways to say the heap"), err());
    assertEquals(2, grid("conf/example.yaml", "--master", "local[0]"));
  }

  private static final String[] CELL = {"conf/example.yaml", "--set", "grid.init=normal", "--set",
      "grid.norm=none", "--set", "seeds=1", "--set", "network.width=512", "--set",
      "input.width=512", "--set", "input.batch=64"};

  /** The estimated memory of CELL at a depth. */
  private static long memory(long depth, long region) throws Exception {
    List<String> overrides = new ArrayList<>();
    for (int i = 2; i < CELL.length; i += 2) {
      overrides.add(CELL[i]);
    }
    overrides.add("grid.depth=" + depth);
    return ConfigLoader.parse(Files.readString(Path.of(CELL[0])), CELL[0], overrides, 0)
        .experiments().get(0).cells().get(0).memoryBytes(region);
  }

  private static String[] concat(String[] a, String... b) {
    String[] c = new String[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}

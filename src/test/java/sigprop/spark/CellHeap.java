package sigprop.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.catalyst.InternalRow;
import sigprop.experiment.CellResult;
import sigprop.experiment.CellRunner;
import sigprop.experiment.CellSpec;
import sigprop.experiment.CellStatus;
import sigprop.experiment.ConfigException;
import sigprop.experiment.ConfigLoader;
import sigprop.net.HeapRegions;

/**
 * The heap one cell really needs, against its memory estimate: the smallest {@code -Xmx} (in
 * MiB, bisected to 2%) at which the cell completes in a fresh JVM under G1, running as an
 * executor runs it ({@link CellRunner#run}, then its cells-table row and layers rows while the
 * result is still held). Prints one line per cell: the estimate ({@link
 * CellSpec#memoryBytes(long)}), the heap validation admits it at (the smallest heap H with
 * estimate(G1 regions of H) ≤ H), the measured smallest heap, and their ratio (≥ 1: safe).
 *
 * <p>Not a unit test (a large cell takes minutes of bisection). How to run: {@code
 * jobs/cell-heap} (the table in docs/CONFIG.md, or the cells given), or by hand:
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java --add-modules=jdk.incubator.vector \
 *   -cp target/test-classes:target/classes:$(cat target/cp.txt) sigprop.spark.CellHeap \
 *   network.depth=500 network.width=512 input.batch=64 [record.steps=[0,2] ...]
 * </pre>
 * The arguments are {@code --set} overrides of a one-cell config ({@link #BASE}); {@code --run}
 * first runs the cell in this JVM instead (exit 0 when it completed, 3 when it failed), which is
 * what the bisection's child JVMs do; {@code --estimate} first prints only the estimate's parts.
 */
public final class CellHeap {
  /** The config the overrides apply to: one tanh cell, every site, recorded at step 0. */
  static final String BASE = String.join("\n",
      "sweep: heap",
      "input: {batch: 64, width: 64}",
      "network: {depth: 4, width: 64, activation: tanh, classes: 10}",
      "loss: {type: cross_entropy}",
      "record: {steps: [0]}",
      "seeds: 1",
      "");
  private static final long MIB = 1L << 20;

  private CellHeap() {}

  /** Bisects the cell's smallest heap, or with --run first, runs it here. */
  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 && args[0].startsWith("--") ? args[0] : "";
    List<String> overrides = new ArrayList<>(List.of(args).subList(mode.isEmpty() ? 0 : 1,
        args.length));
    CellSpec cell = cell(overrides);
    if (mode.equals("--run")) {
      System.exit(runHere(cell) ? 0 : 3);
    }
    long admitted = admittedHeapMib(cell);
    if (mode.equals("--estimate")) {
      System.out.println(String.join(" ", overrides) + " | admitted at " + admitted + " MiB | "
          + cell.memory(HeapRegions.forHeap(admitted * MIB)));
      return;
    }
    long measured = smallestHeapMib(overrides, admitted);
    System.out.println(String.format(Locale.ROOT,
        "%s | estimate %d MiB | admitted at %d MiB | ran in %d MiB | admitted/ran %.2f",
        String.join(" ", overrides), cell.memoryBytes(HeapRegions.forHeap(admitted * MIB)) / MIB,
        admitted, measured, (double) admitted / measured));
  }

  /** The first cell of the base config with these overrides, unchecked against any heap. */
  public static CellSpec cell(List<String> overrides) throws ConfigException {
    return ConfigLoader.parse(BASE, "CellHeap", overrides, 0).cells().get(0);
  }

  /**
   * The smallest heap in MiB that validation admits the cell at when it runs alone: the
   * smallest H whose estimate, with G1's regions for H, is at most H.
   */
  static long admittedHeapMib(CellSpec cell) {
    for (long mib = 1; ; mib = Math.max(mib + 1, mib * 101 / 100)) {
      if (cell.memoryBytes(HeapRegions.forHeap(mib * MIB)) <= mib * MIB) {
        // Step back to the exact MiB within the last stride.
        long low = Math.max(1, mib * 100 / 101);
        while (low < mib && cell.memoryBytes(HeapRegions.forHeap(low * MIB)) > low * MIB) {
          low++;
        }
        return low;
      }
    }
  }

  /**
   * Bisects -Xmx to 2%, starting at the heap validation admits the cell at (whether it runs
   * there is the safety question) and half of it.
   */
  private static long smallestHeapMib(List<String> overrides, long admitted)
      throws IOException, InterruptedException {
    long high = Math.max(32, admitted);
    while (!completes(overrides, high)) {
      System.out.println("  NOT SAFE: fails at " + high + " MiB");
      if (high > 4 * admitted) {
        throw new IllegalStateException("the cell fails at 4 × the admitted heap too");
      }
      high *= 2;
    }
    long low = 4; // fails: a JVM with Spark's classes loaded needs more
    if (high / 2 > low) {
      if (completes(overrides, high / 2)) {
        high /= 2;
      } else {
        low = high / 2;
      }
    }
    while (high - low > Math.max(1, high / 50)) {
      long mid = (low + high) / 2;
      if (completes(overrides, mid)) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return high;
  }

  /**
   * Whether the cell completes in a child JVM with this -Xmx: false when it ran out of heap;
   * IllegalStateException, with the child's output, when it failed for another reason (which
   * bisecting the heap cannot cure).
   */
  static boolean completes(List<String> overrides, long heapMib)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "-Xmx" + heapMib + "m", "-XX:+UseG1GC", "--add-modules=jdk.incubator.vector",
        "-cp", System.getProperty("java.class.path"), CellHeap.class.getName(), "--run"));
    command.addAll(overrides);
    Path log = Files.createTempFile("cell-heap", ".log");
    try {
      Process child = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!child.waitFor(10, TimeUnit.MINUTES)) {
        child.destroyForcibly();
        throw new IllegalStateException("no end after 10 minutes in -Xmx" + heapMib + "m");
      }
      String output = Files.readString(log);
      boolean ok = child.exitValue() == 0;
      if (!ok && !output.contains("OutOfMemoryError")) {
        throw new IllegalStateException("the cell failed in -Xmx" + heapMib + "m, not for"
            + " want of heap (exit " + child.exitValue() + "):\n" + output);
      }
      System.err.println("  -Xmx" + heapMib + "m: " + (ok ? "ok" : "out of heap"));
      return ok;
    } finally {
      Files.delete(log);
    }
  }

  /** Runs the cell as CellTask does; prints its status and the heap pools' peaks. */
  private static boolean runHere(CellSpec cell) {
    CellResult result = CellRunner.run(cell);
    boolean ok = result.status() != CellStatus.FAILED;
    try {
      CellTable.row(result, "heap", "heap");
      List<InternalRow> rows = LayerInternalRows.of(result);
      ok &= rows.size() == result.records().size();
    } catch (OutOfMemoryError e) {
      System.out.println(e);
      ok = false;
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println(result.status() + " " + result.message() + ", heap pools' peaks "
        + peak / MIB + " MiB");
    return ok;
  }
}

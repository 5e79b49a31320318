package sigprop.experiment;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The dry-run view of a sweep: per experiment its grid shape, estimated work, time and memory,
 * and on request its cells (id, seed and the parameters that vary between them).
 */
final class PlanSummary {
  private PlanSummary() {}

  /**
   * Prints the summary; {@code heapBytes} is the heap each cell was checked against, and the
   * memory figures count G1 regions of {@code region} bytes (those of the JVMs running cells);
   * times follow from the work at {@code time}'s rate and cores.
   */
  static void print(SweepPlan plan, long heapBytes, long region, boolean listCells,
      TimeEstimate time, PrintStream out) {
    out.println("sweep " + plan.sweep() + " (" + plan.source() + "), config hash "
        + plan.configHash().substring(0, 16));
    double totalFlops = 0;
    double totalWork = 0;
    double maxCellWork = 0;
    long maxMemory = 0;
    for (ExperimentPlan e : plan.experiments()) {
      out.println(e.name() + ": " + e.shape());
      if (e.repeats() != null) {
        out.println("  note:   " + e.repeats());
      }
      double flops = e.flops();
      double maxFlops = e.maxFlops();
      double work = e.work();
      double maxWork = e.maxWork();
      long memory = e.maxMemoryBytes(region);
      long summed = e.summedMemoryBytes(region);
      out.println("  work:   " + Sizes.gflop(flops) + " in total, max " + Sizes.gflop(maxFlops)
          + " per cell");
      out.println("  time:   about " + TimeEstimate.duration(time.seconds(work, maxWork))
          + " on " + cores(time) + " for " + Sizes.gflop(work) + " of cost-model work, max "
          + TimeEstimate.duration(time.cellSeconds(maxWork))
          + " per cell");
      out.println("  memory: max " + Sizes.bytes(memory) + " per cell, " + Sizes.bytes(summed)
          + " summed over cells");
      if (listCells) {
        printCells(e, out);
      }
      totalFlops += flops;
      totalWork += work;
      maxCellWork = Math.max(maxCellWork, maxWork);
      maxMemory = Math.max(maxMemory, memory);
    }
    out.println("total: " + plan.cellCount() + (plan.cellCount() == 1 ? " cell, " : " cells, ")
        + Sizes.gflop(totalFlops) + ", max " + Sizes.bytes(maxMemory) + " per cell"
        + (heapBytes > 0 ? " (heap per cell " + Sizes.bytes(heapBytes) + ")" : ""));
    // A sweep pools every experiment's cells (largest first), so the total is one pool's time.
    out.println("time:  about " + TimeEstimate.duration(time.seconds(totalWork, maxCellWork))
        + " on " + cores(time) + " at " + String.format(Locale.ROOT, "%.3g", time.ratePerCore()
        / 1e9) + " GFLOP/s per core (" + time.rateSource() + ")");
    out.println("       an estimate: the cost model's work (products, elementwise work, a cost per"
        + " record) ÷ (rate × cores), at least the longest cell; it leaves out Spark's start-up"
        + " (about 5 s), the JIT's warm-up and other load on the cores");
  }

  private static String cores(TimeEstimate time) {
    return time.cores() + (time.cores() == 1 ? " core" : " cores");
  }

  private static void printCells(ExperimentPlan e, PrintStream out) {
    Set<String> varying = varying(e.cells());
    Map<String, String> fixed = new LinkedHashMap<>();
    if (!e.cells().isEmpty()) {
      e.cells().get(0).parameters().forEach((k, v) -> {
        if (!varying.contains(k)) {
          fixed.put(k, v);
        }
      });
    }
    out.println("  fixed: " + join(fixed));
    for (CellSpec c : e.cells()) {
      Map<String, String> shown = new LinkedHashMap<>();
      for (Axis a : e.axes()) {
        putIfVarying(shown, c, a.name(), varying);
      }
      for (String k : c.parameters().keySet()) {
        putIfVarying(shown, c, k, varying); // e.g. width when a widths axis varies
      }
      out.println("    " + c.id() + "  seed=" + c.seed() + (shown.isEmpty() ? "" : "  ")
          + join(shown));
    }
  }

  private static void putIfVarying(Map<String, String> shown, CellSpec c, String key,
      Set<String> varying) {
    if (varying.contains(key) && !shown.containsKey(key)) {
      shown.put(key, c.parameters().getOrDefault(key, "-"));
    }
  }

  /** Parameter keys whose value (or presence) differs between cells. */
  private static Set<String> varying(List<CellSpec> cells) {
    Set<String> keys = new HashSet<>();
    if (cells.isEmpty()) {
      return keys;
    }
    Map<String, String> first = cells.get(0).parameters();
    for (CellSpec c : cells) {
      Set<String> all = new HashSet<>(first.keySet());
      all.addAll(c.parameters().keySet());
      for (String k : all) {
        if (!java.util.Objects.equals(first.get(k), c.parameters().get(k))) {
          keys.add(k);
        }
      }
    }
    return keys;
  }

  private static String join(Map<String, String> params) {
    List<String> parts = new ArrayList<>();
    params.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(" ", parts);
  }
}

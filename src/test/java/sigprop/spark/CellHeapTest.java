package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import sigprop.experiment.CellSpec;

/**
 * A moderately sized cell runs, as an executor runs it, in a fresh JVM whose heap is the
 * smallest its memory estimate admits (about 80 MiB): the estimate is an upper bound.
 */
class CellHeapTest {
  @Test
  void aCellRunsInTheHeapItsEstimateAdmits() throws Exception {
    List<String> overrides = List.of("network.depth=60", "network.width=256",
        "input.width=256", "input.batch=256", "network.norm=batch");
    CellSpec cell = CellHeap.cell(overrides);
    long admitted = CellHeap.admittedHeapMib(cell);
    assertTrue(admitted > 48 && admitted < 128, admitted + " MiB");
    assertTrue(CellHeap.completes(overrides, admitted), "fails in -Xmx" + admitted + "m");
  }
}

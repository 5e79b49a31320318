package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** G1's regions as the memory estimate counts them. */
class HeapRegionsTest {
  private static final long MIB = 1L << 20;

  @Test
  void regionSizesFollowG1sErgonomics() {
    assertEquals(MIB, HeapRegions.forHeap(1L << 30), "1 GiB / 2048 = 512 KiB → at least 1 MiB");
    assertEquals(2 * MIB, HeapRegions.forHeap(4L << 30));
    assertEquals(2 * MIB, HeapRegions.forHeap(3L << 30), "1.5 MiB rounded up");
    assertEquals(8 * MIB, HeapRegions.forHeap(10L << 30), "5 MiB rounded up");
    assertEquals(32 * MIB, HeapRegions.forHeap(128L << 30), "at most 32 MiB");
    assertEquals(0, HeapRegions.forHeap(0));
  }

  @Test
  void theFormulaIsThisJvmsOwnChoice() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(
        HotSpotDiagnosticMXBean.class);
    if (!vm.getVMOption("UseG1GC").getValue().equals("true")) {
      return; // another collector: no regions to compare
    }
    long heap = Long.parseLong(vm.getVMOption("MaxHeapSize").getValue());
    long region = Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue());
    assertEquals(region, HeapRegions.forHeap(heap), "heap " + heap);
  }

  @Test
  void arraysOfHalfARegionOrMoreTakeWholeRegions() {
    assertEquals(4 * MIB, HeapRegions.footprint(2 * MIB, 2 * MIB), "512² doubles: two regions");
    assertEquals(512 * 1024, HeapRegions.footprint(512 * 1024, 2 * MIB), "below half a region");
    assertEquals(MIB, HeapRegions.footprint(512 * 1024, MIB), "256² doubles in 1 MiB regions");
    assertEquals(MIB, HeapRegions.footprint(MIB - 16, MIB), "header included: one region");
    assertEquals(2 * MIB, HeapRegions.footprint(MIB - 15, MIB));
    assertEquals(2 * MIB, HeapRegions.footprint(2 * MIB, 0), "no regions: the raw size");
  }

  @Test
  void theNetworkEstimateCountsEachHumongousWeightAndMomentumBuffer() {
    NetworkSpec net = new NetworkSpec(512, Collections.nCopies(500, 512),
        StandardActivation.TANH, Norm.LAYER, NormPlacement.BEFORE_ACTIVATION, 1e-5,
        InitSpec.of(InitScheme.XAVIER_NORMAL), InitSpec.of(InitScheme.ZEROS), 10,
        StandardActivation.LINEAR);
    PassMemory raw = PassMemory.of(net, 64, WeightMode.KEPT, true, true, 0);
    PassMemory g1 = PassMemory.of(net, 64, WeightMode.KEPT, true, true, 2 * MIB);
    // 500 weight matrices of 2 MiB and 16 bytes take 4 MiB each (raw: 2 MiB and the header),
    // and as many momentum buffers; the 512-wide input's weights too.
    long perMatrix = 4 * MIB - (2 * MIB + 16);
    assertEquals(raw.parameters() + 500 * perMatrix, g1.parameters());
    assertEquals(raw.momentum() + 500 * perMatrix, g1.momentum());
    // The two weight-sized scratch buffers (∂L/∂W of the 512 × 512 layers and of the input
    // layer share a shape); the 64 × 512 tensors (256 KiB) stay below half a region.
    assertEquals(raw.scratch() + perMatrix, g1.scratch());
    assertTrue(g1.total() > 1.9 * 2 * 500 * 2 * MIB);
  }
}

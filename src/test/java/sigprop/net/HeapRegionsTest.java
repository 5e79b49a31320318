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
    long raw = net.estimatedBytes(64, true, WeightMode.KEPT, 0);
    long g1 = net.estimatedBytes(64, true, WeightMode.KEPT, 2 * MIB);
    // 500 weight matrices of 2 MiB and as many momentum buffers, each taking 4 MiB, and the two
    // weight-sized scratch tensors; the 64 × 512 tensors (256 KiB) stay below half a region.
    assertEquals(raw + 2 * 500 * 2 * MIB + 2 * 2 * MIB, g1 - slabRounding(net, 64, 2 * MIB));
    assertEquals(raw, net.estimatedBytes(64, true, WeightMode.KEPT));
    assertTrue(g1 > 1.9 * 2 * 500 * 2 * MIB);
  }

  /** What the kept tensors' slabs add in regions. */
  private static long slabRounding(NetworkSpec net, int batch, long region) {
    long kept = 0;
    for (int l = 1; l <= net.depth() + 1; l++) {
      kept += (long) batch * net.width(l);
    }
    long slab = KeptTensors.SLAB_DOUBLES;
    return kept / slab * (HeapRegions.footprint(8 * slab, region) - 8 * slab)
        + HeapRegions.footprint(8 * (kept % slab), region) - 8 * (kept % slab);
  }
}

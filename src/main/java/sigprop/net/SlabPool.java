package sigprop.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Slabs of kept tensors that released networks gave back, for the next network built in this
 * JVM. A sweep's executor runs cell after cell of the same shape, and each fresh slab (up to
 * 32 MiB) is a G1 humongous allocation: a depth-100 cell at width and batch 256 took two, and a
 * 200-cell sweep's humongous allocations set off about 60 concurrent marking cycles and as many
 * young collections, CPU the other cell thread then lacks.
 *
 * <p>A network takes free slabs only of exactly the lengths it needs and drops every other free
 * slab before it allocates, so the pool holds only what cells released since the last network
 * was built: memory their slots no longer use. One pool per JVM, not per thread: Spark hands a
 * task to any idle thread of its pool, and a slab left with an idle thread would stay out of
 * reach (and in the heap) until that thread ends.
 */
final class SlabPool {
  private static final List<double[]> FREE = new ArrayList<>();

  private SlabPool() {}

  /**
   * Slabs of the given lengths: free slabs where one has exactly that length, new ones
   * otherwise; the other free slabs are dropped first.
   */
  static double[][] take(int[] lengths) {
    double[][] slabs = new double[lengths.length][];
    synchronized (FREE) {
      for (int i = 0; i < lengths.length; i++) {
        for (int j = 0; j < FREE.size(); j++) {
          if (FREE.get(j).length == lengths[i]) {
            slabs[i] = FREE.remove(j);
            break;
          }
        }
      }
      FREE.clear();
    }
    for (int i = 0; i < lengths.length; i++) {
      if (slabs[i] == null) {
        slabs[i] = new double[lengths[i]];
      }
    }
    return slabs;
  }

  /** Gives slabs back to the pool; the caller must not touch them afterwards. */
  static void give(double[][] slabs) {
    synchronized (FREE) {
      for (double[] slab : slabs) {
        FREE.add(slab);
      }
    }
  }

  /** Doubles held free, for tests. */
  static long freeDoubles() {
    synchronized (FREE) {
      long n = 0;
      for (double[] slab : FREE) {
        n += slab.length;
      }
      return n;
    }
  }
}

package sigprop.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Slabs of kept tensors that released networks gave back, for the next network built on the
 * same thread. A sweep's executor thread runs cell after cell of the same shape, and each fresh
 * slab (up to 32 MiB) is a G1 humongous allocation: a depth-100 cell at width and batch 256
 * took two, and a 200-cell sweep's humongous allocations set off about 60 concurrent marking
 * cycles and as many young collections, CPU the other cell thread then lacks. Reused slabs are
 * taken only at exactly the length asked for, and whatever the new network cannot use is
 * dropped before it allocates, so a thread never holds more than its current network's slabs.
 * Contents are whatever the last network left: forward writes every kept value before backward
 * reads it.
 */
final class SlabPool {
  private static final ThreadLocal<List<double[]>> FREE = ThreadLocal.withInitial(ArrayList::new);

  private SlabPool() {}

  /**
   * Slabs of the given lengths: this thread's free slabs where one has exactly that length, new
   * ones otherwise; the thread's other free slabs are dropped first.
   */
  static double[][] take(int[] lengths) {
    List<double[]> free = FREE.get();
    double[][] slabs = new double[lengths.length][];
    for (int i = 0; i < lengths.length; i++) {
      for (int j = 0; j < free.size(); j++) {
        if (free.get(j).length == lengths[i]) {
          slabs[i] = free.remove(j);
          break;
        }
      }
    }
    free.clear();
    for (int i = 0; i < lengths.length; i++) {
      if (slabs[i] == null) {
        slabs[i] = new double[lengths[i]];
      }
    }
    return slabs;
  }

  /** Gives slabs back to this thread's pool; the caller must not touch them afterwards. */
  static void give(double[][] slabs) {
    List<double[]> free = FREE.get();
    for (double[] slab : slabs) {
      free.add(slab);
    }
  }

  /** Doubles this thread holds free, for tests. */
  static long freeDoubles() {
    long n = 0;
    for (double[] slab : FREE.get()) {
      n += slab.length;
    }
    return n;
  }
}

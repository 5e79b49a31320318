package sigprop.net;

/**
 * What an array really takes on HotSpot's default collector, G1: an array of at least half a
 * region is "humongous" and gets whole regions of its own, so a 2 MiB weight matrix (512 × 512
 * doubles plus its 16-byte header) takes two 2 MiB regions, twice its size. Memory estimates
 * that ignore this let cells through that then run out of heap (measured: a 500-layer,
 * 512-wide cell training with momentum needed 4.2 GB under G1 and 2.2 GB under the serial
 * collector, its estimate without regions 2.2 GB).
 */
public final class HeapRegions {
  /** Bytes before an array's elements (compressed class pointers, 64-bit JVM). */
  static final long ARRAY_HEADER = 16;
  private static final long MIN_REGION = 1L << 20;
  private static final long MAX_REGION = 32L << 20;

  private HeapRegions() {}

  /**
   * G1's region size for a maximum heap, as its ergonomics choose it when not told (JDK 17's
   * HeapRegion::setup_heap_region_size): heap / 2048 rounded up to a power of two, between
   * 1 MiB and 32 MiB.
   */
  public static long forHeap(long heapBytes) {
    if (heapBytes <= 0) {
      return 0;
    }
    long target = Math.max(MIN_REGION, heapBytes / 2048);
    long rounded = Long.highestOneBit(target) == target ? target : Long.highestOneBit(target) << 1;
    return Math.min(MAX_REGION, rounded);
  }

  /**
   * The heap an array with this many bytes of elements occupies: its size, or whole regions when
   * it is humongous. {@code regionBytes} ≤ 0 means no regions (the raw size).
   */
  public static long footprint(long elementBytes, long regionBytes) {
    long bytes = elementBytes + ARRAY_HEADER;
    if (regionBytes <= 0 || 2 * bytes < regionBytes) {
      return elementBytes;
    }
    return (bytes + regionBytes - 1) / regionBytes * regionBytes;
  }
}

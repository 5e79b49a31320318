package sigprop.net;

/**
 * The z tensors that forward keeps for backward, one per layer, packed end to end into a few
 * large arrays ("slabs") of at most {@value #SLAB_DOUBLES} doubles instead of one array each.
 *
 * <p>Why: G1 gives every array of half a region or more (512 KiB with its default 1 MiB regions
 * up to 2 GiB heaps) whole regions of its own, so a 2 MiB array plus its 16-byte header takes
 * 3 MiB and a 512 KiB one 1 MiB; a -Xmx2g heap holds only 679 arrays of 512 × 512 doubles. A
 * 32 MiB slab wastes at most one region (3%).
 */
final class KeptTensors {
  /** The largest slab: 32 MiB, larger tensors get an array of their own size. */
  static final int SLAB_DOUBLES = 1 << 22;

  private final double[][] arrays;
  private final int[] offsets;
  private final long doubles;

  /** Room for tensors of the given lengths, allocated now (so a pass cannot run out later). */
  KeptTensors(int[] lengths) {
    arrays = new double[lengths.length][];
    offsets = new int[lengths.length];
    long total = 0;
    int first = 0;
    while (first < lengths.length) {
      // The slab holds tensors first..end-1: as many as fit, at least one.
      long size = lengths[first];
      int end = first + 1;
      while (end < lengths.length && size + lengths[end] <= SLAB_DOUBLES) {
        size += lengths[end];
        end++;
      }
      double[] slab = new double[Math.toIntExact(size)];
      int offset = 0;
      for (int i = first; i < end; i++) {
        arrays[i] = slab;
        offsets[i] = offset;
        offset += lengths[i];
      }
      total += size;
      first = end;
    }
    doubles = total;
  }

  /** The array holding tensor i. */
  double[] array(int i) {
    return arrays[i];
  }

  /** Where tensor i starts in {@link #array(int)}. */
  int offset(int i) {
    return offsets[i];
  }

  /** Doubles held, for memory reports. */
  long doubles() {
    return doubles;
  }
}

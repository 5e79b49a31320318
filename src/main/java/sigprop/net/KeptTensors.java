package sigprop.net;

import java.util.Arrays;

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
  private final double[][] slabs;
  private boolean released;

  /**
   * Room for tensors of the given lengths, allocated now (so a pass cannot run out later), in
   * slabs the {@link SlabPool} gives where it has them.
   */
  KeptTensors(int[] lengths) {
    arrays = new double[lengths.length][];
    offsets = new int[lengths.length];
    int[] slabOf = new int[lengths.length];
    int[] sizes = pack(lengths, slabOf, offsets);
    long total = 0;
    for (int length : lengths) {
      total += length;
    }
    slabs = SlabPool.take(sizes);
    for (int i = 0; i < lengths.length; i++) {
      arrays[i] = slabs[slabOf[i]];
    }
    doubles = total;
  }

  /** The slab lengths tensors of these lengths take (for memory estimates). */
  static int[] slabLengths(int[] lengths) {
    return pack(lengths, new int[lengths.length], new int[lengths.length]);
  }

  /**
   * Tensors end to end, a new slab whenever the next would take this one past SLAB_DOUBLES: a
   * slab holds as many as fit, at least one. Fills each tensor's slab and offset; returns the
   * slabs' lengths.
   */
  private static int[] pack(int[] lengths, int[] slabOf, int[] offsets) {
    int[] sizes = new int[lengths.length];
    int count = 0;
    for (int i = 0; i < lengths.length; i++) {
      if (count == 0 || (long) sizes[count - 1] + lengths[i] > SLAB_DOUBLES) {
        count++;
      }
      slabOf[i] = count - 1;
      offsets[i] = sizes[count - 1];
      sizes[count - 1] = Math.toIntExact((long) sizes[count - 1] + lengths[i]);
    }
    return Arrays.copyOf(sizes, count);
  }

  /**
   * Gives the slabs to the {@link SlabPool} for the next network; the tensors must not
   * be used afterwards. Idempotent.
   */
  void release() {
    if (!released) {
      released = true;
      Arrays.fill(arrays, null);
      SlabPool.give(slabs);
    }
  }

  /** Whether {@link #release} was called. */
  boolean released() {
    return released;
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

package sigprop.net;

import java.util.SplittableRandom;

/**
 * Random streams keyed by (seed, layer, purpose) only, never by thread, partition or time, so a
 * cell draws the same numbers wherever and however often it runs.
 */
public final class RandomStreams {
  private RandomStreams() {}

  /** The stream for one (seed, layer, purpose). */
  public static SplittableRandom of(long seed, int layer, Purpose purpose) {
    long key = mix(seed);
    key = mix(key ^ (0x9E3779B97F4A7C15L * (layer + 1L)));
    key = mix(key ^ (0xC2B2AE3D27D4EB4FL * (purpose.ordinal() + 1L)));
    return new SplittableRandom(key);
  }

  /** Fills {@code out} with standard normals. */
  public static void standardNormals(SplittableRandom rng, double[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = rng.nextGaussian();
    }
  }

  /** Fills {@code out} with uniforms on [−1, 1). */
  public static void symmetricUniforms(SplittableRandom rng, double[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = 2.0 * rng.nextDouble() - 1.0;
    }
  }

  /** SplitMix64's finalizer: a bijective 64-bit mix. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

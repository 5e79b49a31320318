package sigprop.net;

/**
 * One thread's packing buffers for {@link VectorMatMul}, grown on demand and reused across calls.
 * Every element the kernel reads is written by the packing of the same call first, so the
 * leftovers of earlier calls never reach a result.
 */
final class KernelScratch {
  private double[] packedA = new double[0];
  private double[] packedB = new double[0];
  /** One MR × NR tile of c, for tiles cut by the edge of c. */
  final double[] tile;

  KernelScratch(int tileSize) {
    this.tile = new double[tileSize];
  }

  /** A buffer of at least {@code size} doubles for the packed block of a. */
  double[] packedA(int size) {
    if (packedA.length < size) {
      packedA = new double[size];
    }
    return packedA;
  }

  /** A buffer of at least {@code size} doubles for the packed block of b. */
  double[] packedB(int size) {
    if (packedB.length < size) {
      packedB = new double[size];
    }
    return packedB;
  }
}

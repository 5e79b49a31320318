package sigprop.net;

/** Chooses the matrix kernel once per JVM: the fastest one this runtime supports. */
public final class MatMuls {
  private static final MatMul BEST = choose();

  private MatMuls() {}

  /** The kernel every network uses unless given another. */
  public static MatMul best() {
    return BEST;
  }

  private static MatMul choose() {
    return PlainMatMul.INSTANCE;
  }
}

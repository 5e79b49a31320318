package sigprop.net;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Chooses the matrix kernel once per JVM: {@link VectorMatMul} when the {@code
 * jdk.incubator.vector} module is in the boot layer and passes a self-test, else {@link
 * PlainMatMul}. The system property {@code sigprop.matmul=plain|vector} forces the choice.
 */
public final class MatMuls {
  /** The system property that forces a kernel. */
  public static final String PROPERTY = "sigprop.matmul";

  private static final String VECTOR_MODULE = "jdk.incubator.vector";
  // Named, not referenced: loading VectorMatMul without the module would fail.
  private static final String VECTOR_CLASS = "sigprop.net.VectorMatMul";

  private static final MatMul BEST;
  /** Why no kernel could be chosen (a forced one unusable or misspelt), or null. */
  private static final String REFUSAL;

  static {
    MatMul chosen = null;
    String refusal = null;
    try {
      chosen = choose(System.getProperty(PROPERTY));
    } catch (IllegalArgumentException | IllegalStateException e) {
      refusal = e.getMessage();
    }
    BEST = chosen;
    REFUSAL = refusal;
  }

  private MatMuls() {}

  /**
   * The kernel every network uses unless given another; throws IllegalStateException, at every
   * call and with the reason, when {@link #PROPERTY} forces a kernel this JVM cannot run (not an
   * ExceptionInInitializerError once and NoClassDefFoundError after).
   */
  public static MatMul best() {
    if (BEST == null) {
      throw new IllegalStateException(REFUSAL);
    }
    return BEST;
  }

  /** Whether the Vector API module was given to this JVM ({@code --add-modules}). */
  public static boolean vectorModulePresent() {
    return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
  }

  /**
   * The kernel for a value of {@link #PROPERTY}: null or empty picks the best available one;
   * "vector" fails when the Vector API kernel is unusable rather than silently running slowly.
   */
  static MatMul choose(String forced) {
    if (forced == null || forced.isBlank()) {
      MatMul vector = vectorOrNull();
      return vector != null ? vector : PlainMatMul.INSTANCE;
    }
    switch (forced.trim()) {
      case "plain":
        return PlainMatMul.INSTANCE;
      case "vector":
        return requireVector();
      default:
        throw new IllegalArgumentException(
            PROPERTY + " must be plain or vector, got '" + forced + "'");
    }
  }

  private static MatMul requireVector() {
    MatMul vector = vectorOrNull();
    if (vector == null) {
      throw new IllegalStateException(PROPERTY + "=vector but module " + VECTOR_MODULE
          + (vectorModulePresent() ? " failed the self-test" : " is absent (--add-modules)"));
    }
    return vector;
  }

  private static MatMul vectorOrNull() {
    if (!vectorModulePresent()) {
      return null;
    }
    MatMul vector;
    try {
      vector = (MatMul) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      warn("cannot load " + VECTOR_CLASS + ": " + e);
      return null;
    }
    if (!passesSelfTest(vector)) {
      warn(vector + " failed its self-test");
      return null;
    }
    return vector;
  }

  // The module was asked for, so falling back to the slow kernel deserves a visible reason.
  private static void warn(String message) {
    System.getLogger(MatMuls.class.getName())
        .log(System.Logger.Level.WARNING, message + "; using " + PlainMatMul.INSTANCE.name());
  }

  /**
   * Products of random doubles, for all three ops, equal to the bit to the plain kernel's fused
   * multiply-add chains (both kernels promise that); the shapes cut tiles at every edge so the
   * packing and edge paths run too.
   */
  static boolean passesSelfTest(MatMul candidate) {
    int m = 7, k = 5, n = 19;
    Matrix a = new Matrix(m, k);
    Matrix b = new Matrix(k, n);
    SplittableRandom random = new SplittableRandom(20261207);
    for (int i = 0; i < a.size(); i++) {
      a.data[i] = random.nextDouble(-1, 1);
    }
    for (int i = 0; i < b.size(); i++) {
      b.data[i] = random.nextDouble(-1, 1);
    }
    Matrix bT = b.transpose();
    Matrix aT = a.transpose();
    Matrix want = new Matrix(m, n);
    PlainMatMul.INSTANCE.ab(a, b, want);
    try {
      Matrix got = new Matrix(m, n);
      got.fill(Double.NaN); // a kernel that skips elements must not pass on leftovers
      candidate.ab(a, b, got);
      boolean ok = Arrays.equals(want.data, got.data);
      got.fill(Double.NaN);
      candidate.abT(a, bT, got);
      ok &= Arrays.equals(want.data, got.data);
      got.fill(Double.NaN);
      candidate.aTb(aT, b, got);
      return ok && Arrays.equals(want.data, got.data);
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}

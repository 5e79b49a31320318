package sigprop.net;

import java.util.Arrays;

/**
 * Chooses the bulk tanh once per JVM: {@link VectorTanhKernel} when the {@code
 * jdk.incubator.vector} module is present and the kernel reproduces the scalar bits on a
 * self-test, else {@link ScalarTanhKernel}. Both give the same bits, so the choice changes speed
 * only. The system property {@code sigprop.tanh=scalar|vector} forces it.
 */
final class TanhKernels {
  /** The system property that forces a kernel. */
  static final String PROPERTY = "sigprop.tanh";

  // Named, not referenced: loading VectorTanhKernel without the module would fail.
  private static final String VECTOR_CLASS = "sigprop.net.VectorTanhKernel";

  private static final TanhKernel BEST;
  /** Why no kernel could be chosen (a forced one unusable or misspelt), or null. */
  private static final String REFUSAL;

  static {
    TanhKernel chosen = null;
    String refusal = null;
    try {
      chosen = choose(System.getProperty(PROPERTY));
    } catch (IllegalArgumentException | IllegalStateException e) {
      refusal = e.getMessage();
    }
    BEST = chosen;
    REFUSAL = refusal;
  }

  private TanhKernels() {}

  /** The kernel the activations use; IllegalStateException with the reason if none could be. */
  static TanhKernel best() {
    if (BEST == null) {
      throw new IllegalStateException(REFUSAL);
    }
    return BEST;
  }

  /** The kernel for a value of {@link #PROPERTY}: null or empty picks the fastest usable one. */
  static TanhKernel choose(String forced) {
    String key = forced == null ? "" : forced.trim();
    switch (key) {
      case "":
        TanhKernel vector = vectorOrNull();
        return vector != null ? vector : ScalarTanhKernel.INSTANCE;
      case "scalar":
        return ScalarTanhKernel.INSTANCE;
      case "vector":
        TanhKernel required = vectorOrNull();
        if (required == null) {
          throw new IllegalStateException(PROPERTY + "=vector but the Vector API kernel is"
              + " unavailable (module absent or self-test failed)");
        }
        return required;
      default:
        throw new IllegalArgumentException(
            PROPERTY + " must be scalar or vector, got '" + forced + "'");
    }
  }

  private static TanhKernel vectorOrNull() {
    if (!MatMuls.vectorModulePresent()) {
      return null;
    }
    try {
      TanhKernel k = (TanhKernel) Class.forName(VECTOR_CLASS).getDeclaredConstructor()
          .newInstance();
      return passesSelfTest(k) ? k : null;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  /**
   * Same bits as the scalar kernel on values across both branches, the tails, zeros of both
   * signs, subnormals, infinities and NaN, at an offset and with a ragged tail.
   */
  static boolean passesSelfTest(TanhKernel candidate) {
    double[] x = {0.0, -0.0, 1e-310, -3e-8, 0.1, -0.3, 0.5, -0.55, 0.6249, 0.625, -0.7, 1.0,
        -2.5, 9.0, -19.1, 40.0, -400.0, 800.0, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NaN, 0.3, -1e-3, 3.7, 0.61, -5.0};
    int n = x.length - 1;
    double[] want = new double[n];
    double[] wantD = new double[n];
    ScalarTanhKernel.INSTANCE.tanhWithDerivative(x, 1, want, 0, wantD, 0, n);
    double[] got = new double[n];
    double[] gotD = new double[n];
    candidate.tanhWithDerivative(x, 1, got, 0, gotD, 0, n);
    double[] plain = new double[n];
    candidate.tanh(x, 1, plain, 0, n);
    return Arrays.equals(want, got) && Arrays.equals(wantD, gotD)
        && Arrays.equals(want, plain);
  }
}

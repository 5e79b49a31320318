package sigprop.net;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Weight initialization schemes for a fanIn × fanOut weight matrix (fan_in = inputs = rows,
 * fan_out = outputs = columns). Each constant's javadoc gives its formula and source; its code
 * sits in the constant. Schemes of one family draw the same numbers at the same seed: every
 * normal scheme scales the same standard normals, every uniform scheme the same U[−1, 1) draws,
 * so comparisons between schemes are paired.
 */
public enum InitScheme {
  /** W = 0. */
  ZEROS(Map.of()) {
    @Override void fill(Matrix w, InitSpec s, SplittableRandom rng) {
      w.fill(0.0);
    }
    @Override public double meanSquare(int fanIn, int fanOut, InitSpec s) {
      return 0.0;
    }
  },
  /** W = value. */
  CONSTANT(defaults("value", 0.0)) {
    @Override void fill(Matrix w, InitSpec s, SplittableRandom rng) {
      w.fill(s.number("value"));
    }
    @Override public double meanSquare(int fanIn, int fanOut, InitSpec s) {
      double c = s.number("value");
      return c * c;
    }
  },
  /** W ~ N(0, std²); the seed homework's "normal" is N(0, 1) (torch.randn). */
  NORMAL(defaults("std", 1.0)) {
    @Override double normalStd(int fanIn, int fanOut, InitSpec s) {
      return s.number("std");
    }
  },
  /** W ~ U[−a, a]; a = 1 is the practical work's "completely wrong" init. */
  UNIFORM(defaults("a", 1.0)) {
    @Override double uniformBound(int fanIn, int fanOut, InitSpec s) {
      return s.number("a");
    }
  },
  /** W ~ U[−1/√fan_in, 1/√fan_in]: the "standard" init of Glorot and Bengio (2010), eq. 1. */
  GLOROT_STANDARD(Map.of()) {
    @Override double uniformBound(int fanIn, int fanOut, InitSpec s) {
      return 1.0 / Math.sqrt(fanIn);
    }
  },
  /** W ~ U[±gain·√(6/(fan_in+fan_out))] (Glorot and Bengio 2010, eq. 16; torch xavier_uniform_). */
  XAVIER_UNIFORM(defaults("gain", 1.0)) {
    @Override double uniformBound(int fanIn, int fanOut, InitSpec s) {
      return s.number("gain") * Math.sqrt(6.0 / (fanIn + fanOut));
    }
  },
  /** W ~ N(0, gain²·2/(fan_in+fan_out)) (Glorot and Bengio 2010; torch xavier_normal_). */
  XAVIER_NORMAL(defaults("gain", 1.0)) {
    @Override double normalStd(int fanIn, int fanOut, InitSpec s) {
      return s.number("gain") * Math.sqrt(2.0 / (fanIn + fanOut));
    }
  },
  /**
   * W ~ N(0, gain²/fan_mode), gain = calculate_gain(nonlinearity) (He et al. 2015; torch
   * kaiming_normal_); mode fan_in (default) or fan_out, nonlinearity default relu.
   */
  KAIMING_NORMAL(defaults("mode", "fan_in", "nonlinearity", "relu", "slope", 0.01)) {
    @Override double normalStd(int fanIn, int fanOut, InitSpec s) {
      return kaimingGain(s) / Math.sqrt(fan(fanIn, fanOut, s.word("mode")));
    }
  },
  /** W ~ U[±gain·√(3/fan_mode)] (He et al. 2015; torch kaiming_uniform_). */
  KAIMING_UNIFORM(defaults("mode", "fan_in", "nonlinearity", "relu", "slope", 0.01)) {
    @Override double uniformBound(int fanIn, int fanOut, InitSpec s) {
      return kaimingGain(s) * Math.sqrt(3.0 / fan(fanIn, fanOut, s.word("mode")));
    }
  },
  /** W ~ N(0, 1/fan_in) (LeCun et al. 1998; Keras lecun_normal without truncation). */
  LECUN_NORMAL(Map.of()) {
    @Override double normalStd(int fanIn, int fanOut, InitSpec s) {
      return 1.0 / Math.sqrt(fanIn);
    }
  },
  /** W ~ U[±√(3/fan_in)] (LeCun et al. 1998; Keras lecun_uniform). */
  LECUN_UNIFORM(Map.of()) {
    @Override double uniformBound(int fanIn, int fanOut, InitSpec s) {
      return Math.sqrt(3.0 / fanIn);
    }
  },
  /**
   * Keras VarianceScaling: n = fan_in | fan_out | fan_avg; normal N(0, scale/n); uniform
   * U[±√(3·scale/n)]; truncated_normal cut at ±2σ with σ = √(scale/n)/0.87962566103423978 so the
   * std after truncation is √(scale/n).
   */
  VARIANCE_SCALING(defaults("scale", 1.0, "mode", "fan_in", "distribution", "truncated_normal")) {
    @Override void fill(Matrix w, InitSpec s, SplittableRandom rng) {
      double target = Math.sqrt(s.number("scale") / fan(w.rows, w.cols, s.word("mode")));
      switch (s.word("distribution")) {
        case "uniform":
          uniform(w, Math.sqrt(3.0) * target, rng);
          break;
        case "normal":
          normal(w, target, rng);
          break;
        default:
          truncatedNormal(w, target / TRUNCATED_STD_AT_2, 2.0, rng);
      }
    }
    @Override public double meanSquare(int fanIn, int fanOut, InitSpec s) {
      return s.number("scale") / fan(fanIn, fanOut, s.word("mode"));
    }
  },
  /**
   * W ~ N(0, std²) truncated (redrawn) outside ±bound·std, bound = 2 by default; no correction,
   * so the std after truncation is 0.8796·std at bound 2.
   */
  TRUNCATED_NORMAL(defaults("std", 1.0, "bound", 2.0)) {
    @Override void fill(Matrix w, InitSpec s, SplittableRandom rng) {
      truncatedNormal(w, s.number("std"), s.number("bound"), rng);
    }
    @Override public double meanSquare(int fanIn, int fanOut, InitSpec s) {
      double std = s.number("std");
      return std * std * truncatedVarianceFactor(s.number("bound"));
    }
  },
  /**
   * W = gain·Q, Q Haar-distributed (semi-)orthogonal: QR of a Gaussian matrix with Q's columns
   * multiplied by sign(diag R) (Saxe et al. 2014; torch orthogonal_). WᵀW = gain²·I when fan_in ≥
   * fan_out, WWᵀ = gain²·I otherwise.
   */
  ORTHOGONAL(defaults("gain", 1.0)) {
    @Override void fill(Matrix w, InitSpec s, SplittableRandom rng) {
      int tall = Math.max(w.rows, w.cols);
      int thin = Math.min(w.rows, w.cols);
      double[][] g = new double[tall][thin];
      for (double[] row : g) {
        for (int j = 0; j < thin; j++) {
          row[j] = rng.nextGaussian();
        }
      }
      QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(g, false));
      RealMatrix q = qr.getQ();
      RealMatrix r = qr.getR();
      double gain = s.number("gain");
      for (int i = 0; i < tall; i++) {
        for (int j = 0; j < thin; j++) {
          double v = gain * q.getEntry(i, j) * Math.signum(r.getEntry(j, j));
          if (w.rows >= w.cols) {
            w.set(i, j, v);
          } else {
            w.set(j, i, v);
          }
        }
      }
    }
    @Override public double meanSquare(int fanIn, int fanOut, InitSpec s) {
      double gain = s.number("gain");
      return gain * gain / Math.max(fanIn, fanOut);
    }
    @Override public boolean cheapToRedraw() {
      return false; // a QR factorization per draw: ~n³ work, as much as a pass's products
    }
  },
  /** W = gain·I (rectangular: ones on the main diagonal), torch eye_. */
  IDENTITY(defaults("gain", 1.0)) {
    @Override void fill(Matrix w, InitSpec s, SplittableRandom rng) {
      w.fill(0.0);
      for (int i = 0; i < Math.min(w.rows, w.cols); i++) {
        w.set(i, i, s.number("gain"));
      }
    }
    @Override public double meanSquare(int fanIn, int fanOut, InitSpec s) {
      double gain = s.number("gain");
      return gain * gain * Math.min(fanIn, fanOut) / ((double) fanIn * fanOut);
    }
  },
  /**
   * In every column, ⌈fraction·fan_in⌉ entries are zero and the rest N(0, std²): Martens's (2010)
   * sparse init of each unit's incoming weights. torch's sparse_ (sparsity = fraction, std 0.01)
   * zeros the same share along the other axis of its out × in weight: the same variance up to
   * the rounding of the count.
   */
  SPARSE(defaults("fraction", 0.1, "std", 0.01)) {
    @Override void fill(Matrix w, InitSpec s, SplittableRandom rng) {
      normal(w, s.number("std"), rng);
      int zeros = (int) Math.ceil(s.number("fraction") * w.rows);
      int[] rows = new int[w.rows];
      for (int j = 0; j < w.cols; j++) {
        for (int i = 0; i < rows.length; i++) {
          rows[i] = i;
        }
        for (int z = 0; z < zeros; z++) { // partial Fisher-Yates: the first `zeros` of a shuffle
          int pick = z + rng.nextInt(rows.length - z);
          int t = rows[z];
          rows[z] = rows[pick];
          rows[pick] = t;
          w.set(rows[z], j, 0.0);
        }
      }
    }
    @Override public double meanSquare(int fanIn, int fanOut, InitSpec s) {
      double std = s.number("std");
      int zeros = (int) Math.ceil(s.number("fraction") * fanIn);
      return std * std * (fanIn - zeros) / fanIn;
    }
  };

  /** Std of N(0, 1) truncated to ±2 (Keras's correction constant). */
  public static final double TRUNCATED_STD_AT_2 = 0.87962566103423978;

  /** Allowed values of the word-valued parameters. */
  public static final Map<String, List<String>> WORDS = Map.of(
      "mode", List.of("fan_in", "fan_out", "fan_avg"),
      "distribution", List.of("normal", "truncated_normal", "uniform"),
      "nonlinearity", List.of("linear", "sigmoid", "tanh", "relu", "leaky_relu", "selu"));

  private final Map<String, Object> defaults;

  InitScheme(Map<String, Object> defaults) {
    this.defaults = defaults;
  }

  /** The parameters this scheme takes, with their defaults (Double or String values). */
  public Map<String, Object> defaults() {
    return defaults;
  }

  /** The config name, e.g. {@code xavier_normal}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Fills w (fanIn × fanOut) from rng. */
  void fill(Matrix w, InitSpec s, SplittableRandom rng) {
    double std = normalStd(w.rows, w.cols, s);
    if (!Double.isNaN(std)) {
      normal(w, std, rng);
    } else {
      uniform(w, uniformBound(w.rows, w.cols, s), rng);
    }
  }

  /**
   * Whether a draw costs about as much as writing the matrix (no factorization), so that a pass
   * may draw the weights again instead of keeping them ({@link WeightMode#REDRAWN}).
   */
  public boolean cheapToRedraw() {
    return true;
  }

  /**
   * E[w²] of one entry, the σ_w²/fan_in of mean-field theory; equals the variance for the
   * zero-mean schemes.
   */
  public double meanSquare(int fanIn, int fanOut, InitSpec s) {
    double std = normalStd(fanIn, fanOut, s);
    if (!Double.isNaN(std)) {
      return std * std;
    }
    double a = uniformBound(fanIn, fanOut, s);
    return a * a / 3.0;
  }

  /** The std of a plain normal scheme; NaN for schemes that are not. */
  double normalStd(int fanIn, int fanOut, InitSpec s) {
    return Double.NaN;
  }

  /** The bound a of a U[−a, a] scheme. */
  double uniformBound(int fanIn, int fanOut, InitSpec s) {
    throw new IllegalStateException(this + " defines neither fill nor a normal or uniform scale");
  }

  /** Parses a scheme name; unknown names get the closest valid one suggested. */
  public static InitScheme fromKey(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    switch (k) {
      case "he_normal": return KAIMING_NORMAL;
      case "he_uniform": return KAIMING_UNIFORM;
      default:
        for (InitScheme s : values()) {
          if (s.key().equals(k)) {
            return s;
          }
        }
        throw new IllegalArgumentException(Names.unknown("init scheme", key, keys()));
    }
  }

  /** Every valid scheme name (aliases he_normal and he_uniform included). */
  public static List<String> keys() {
    List<String> keys = new java.util.ArrayList<>();
    for (InitScheme s : values()) {
      keys.add(s.key());
    }
    keys.add("he_normal");
    keys.add("he_uniform");
    return keys;
  }

  static double fan(int fanIn, int fanOut, String mode) {
    switch (mode) {
      case "fan_out": return fanOut;
      case "fan_avg": return 0.5 * (fanIn + fanOut);
      default: return fanIn;
    }
  }

  /** torch.nn.init.calculate_gain of the scheme's nonlinearity (or an explicit "gain"). */
  static double kaimingGain(InitSpec s) {
    String nl = s.word("nonlinearity");
    switch (nl) {
      case "tanh": return 5.0 / 3.0;
      case "relu": return Math.sqrt(2.0);
      case "leaky_relu": {
        double slope = s.number("slope");
        return Math.sqrt(2.0 / (1.0 + slope * slope));
      }
      case "selu": return 0.75;
      default: return 1.0; // linear, sigmoid
    }
  }

  static void normal(Matrix w, double std, SplittableRandom rng) {
    RandomStreams.standardNormals(rng, w.data);
    for (int i = 0; i < w.data.length; i++) {
      w.data[i] *= std;
    }
  }

  static void uniform(Matrix w, double a, SplittableRandom rng) {
    RandomStreams.symmetricUniforms(rng, w.data);
    for (int i = 0; i < w.data.length; i++) {
      w.data[i] *= a;
    }
  }

  /**
   * N(0, std²) truncated to ±bound·std: the same standard normals as NORMAL where they fall
   * inside, so comparisons with NORMAL stay paired entry by entry; each one outside is replaced
   * by a draw from the truncated distribution by its inverse CDF, one uniform from the same
   * stream after all the normals (a rejection loop would need ~1/bound draws a value for small
   * bounds, and would shift every later entry of the stream).
   */
  static void truncatedNormal(Matrix w, double std, double bound, SplittableRandom rng) {
    RandomStreams.standardNormals(rng, w.data);
    double low = Gaussian.cdf(-bound);
    double mass = Gaussian.cdf(bound) - low;
    for (int i = 0; i < w.data.length; i++) {
      double z = w.data[i];
      if (Math.abs(z) > bound) {
        z = Gaussian.inverseCdf(low + rng.nextDouble() * mass);
        z = Math.max(-bound, Math.min(bound, z)); // the inverse's last-bit rounding
      }
      w.data[i] = std * z;
    }
  }

  /** Var of N(0,1) truncated to ±b: 1 − 2bϕ(b)/(2Φ(b) − 1). */
  static double truncatedVarianceFactor(double b) {
    double mass = 2.0 * Gaussian.cdf(b) - 1.0;
    return 1.0 - 2.0 * b * Gaussian.pdf(b) / mass;
  }

  private static Map<String, Object> defaults(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}

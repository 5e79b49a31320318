package sigprop.net;

import java.util.Locale;
import java.util.SplittableRandom;

/** The loss kinds a config can name; each draws its labels or targets from a given stream. */
public enum LossType {
  /** Softmax cross-entropy with labels uniform over the classes (the default). */
  CROSS_ENTROPY {
    @Override public Loss create(int batch, int classes, SplittableRandom rng) {
      int[] labels = new int[batch];
      for (int i = 0; i < batch; i++) {
        labels[i] = rng.nextInt(classes);
      }
      return new CrossEntropyLoss(labels);
    }
  },
  /** Mean squared error to N(0, 1) targets. */
  MSE {
    @Override public Loss create(int batch, int classes, SplittableRandom rng) {
      Matrix t = new Matrix(batch, classes);
      RandomStreams.standardNormals(rng, t.data);
      return new MeanSquaredErrorLoss(t);
    }
  },
  /** The sum of the outputs: an upstream gradient of ones. */
  SUM_OF_OUTPUTS {
    @Override public Loss create(int batch, int classes, SplittableRandom rng) {
      return new SumOfOutputsLoss();
    }
  };

  /** The loss for a batch, its labels or targets drawn from rng. */
  public abstract Loss create(int batch, int classes, SplittableRandom rng);

  /** The config name. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a config name; unknown names get the closest valid one. */
  public static LossType fromKey(String key) {
    for (LossType t : values()) {
      if (t.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    java.util.List<String> keys = new java.util.ArrayList<>();
    for (LossType t : values()) {
      keys.add(t.key());
    }
    throw new IllegalArgumentException(Names.unknown("loss", key, keys));
  }
}

package sigprop.net;

import java.util.HashMap;
import java.util.Map;

/**
 * Reusable work matrices keyed by (shape, slot), so a pass over hundreds of equal layers
 * allocates a handful of buffers instead of one per layer.
 */
final class Scratch {
  static final int GRAD_Z = 0;
  static final int GRAD_MID = 1;
  static final int GRAD_GAMMA = 2;
  static final int GRAD_BETA = 3;
  static final int GRAD_WEIGHT = 4;
  static final int GRAD_BIAS = 5;
  static final int GRAD_A = 6;
  static final int GRAD_B = 7;
  static final int MID_A = 8;
  static final int OUT_A = 9;
  static final int MID_B = 10;
  static final int OUT_B = 11;
  static final int DERIV_A = 12;
  static final int DERIV_B = 13;
  static final int Z = 14;
  static final int WEIGHTS = 15;
  static final int SCALED_INPUT = 16;
  static final int SCALED_OUTPUT_GRADIENT = 17;

  private final Map<Long, Matrix> buffers = new HashMap<>();

  /** The buffer for this shape and slot; contents are whatever the last user left. */
  Matrix get(int rows, int cols, int slot) {
    long key = ((long) rows << 36) ^ ((long) cols << 8) ^ slot;
    return buffers.computeIfAbsent(key, k -> new Matrix(rows, cols));
  }

  /** Buffers held, for tests. */
  int buffers() {
    return buffers.size();
  }

  /** Total doubles held, for memory reports. */
  long doubles() {
    long n = 0;
    for (Matrix m : buffers.values()) {
      n += m.size();
    }
    return n;
  }
}

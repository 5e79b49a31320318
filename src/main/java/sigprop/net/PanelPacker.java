package sigprop.net;

import java.util.Arrays;

/**
 * Copies a block of a matrix operand into the panel layout that {@link VectorMicroKernel} streams
 * through, so the kernel reads both operands with unit stride whatever their storage order.
 *
 * <p>An operand is seen as lanes × k: lanes are the rows of a (or the columns of b), and element
 * (lane, p) lives at {@code src[lane · laneStride + p · kStride]}. Transposed storage only swaps
 * the two strides. Lanes are grouped into panels of {@code width}; inside a panel, the {@code
 * width} values of one p are adjacent: {@code dst[panel · width · kc + p · width + lane % width]}.
 * Lanes past the end are zero, so the kernel always works on whole panels.
 */
final class PanelPacker {
  private PanelPacker() {}

  /** Packs lanes [lane0, lane0 + lanes) × p in [p0, p0 + kc) into panels of {@code width}. */
  static void pack(double[] src, int laneStride, int kStride, int lane0, int lanes, int p0, int kc,
      int width, double[] dst) {
    for (int l = 0, base = 0; l < lanes; l += width, base += width * kc) {
      int valid = Math.min(width, lanes - l);
      int origin = (lane0 + l) * laneStride + p0 * kStride;
      if (laneStride == 1) {
        // Lanes adjacent in memory (b stored k × n, or a stored k × m): copy a run per p.
        for (int p = 0; p < kc; p++) {
          int d = base + p * width;
          System.arraycopy(src, origin + p * kStride, dst, d, valid);
          if (valid < width) {
            Arrays.fill(dst, d + valid, d + width, 0.0);
          }
        }
      } else {
        // Lanes are rows of the storage: read each along p, write with stride width.
        for (int q = 0; q < valid; q++) {
          int s = origin + q * laneStride;
          for (int p = 0; p < kc; p++) {
            dst[base + p * width + q] = src[s + p * kStride];
          }
        }
        for (int q = valid; q < width; q++) {
          for (int p = 0; p < kc; p++) {
            dst[base + p * width + q] = 0.0;
          }
        }
      }
    }
  }
}

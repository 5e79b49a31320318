package sigprop.net;

import static sigprop.net.VectorMicroKernel.MR;
import static sigprop.net.VectorMicroKernel.NR;

import java.util.Arrays;

/**
 * Cache-blocked, packed matrix products on a Vector API register block (GotoBLAS loop order).
 *
 * <p>Each element of c is the sequential FMA chain s = fma(a_ip, b_pj, s) over p = 0..k-1 from
 * s = 0, whatever the shapes, blocking or JIT tier: results are deterministic and bit-identical
 * to that scalar chain. Single-threaded; shareable between threads (scratch is per thread).
 * Loading this class needs the {@code jdk.incubator.vector} module; use {@link MatMuls#best()}.
 *
 * <p>The first products in a JVM run the Vector API uncompiled, hundreds of times slower than
 * scalar code, until C2 compiles the kernel: expect a one-time cost of about 0.1–0.4 s.
 */
public final class VectorMatMul implements MatMul {
  /** Depth of a packed block: a KC × NR panel of b (32 KB with AVX-512) stays in L1. */
  static final int KC = 256;
  /** Rows of a per packed block: MC × KC of a (192 KB) stays in L2 while b's panels stream. */
  static final int MC = 16 * MR;
  /** Columns of b per packed block: KC × NC of b (512 KB) shares the 1 MB L2 with a's block. */
  static final int NC = NR * Math.max(1, 256 / NR);

  /**
   * Up to this many rows of c, b's panels are read in place when its rows are contiguous (ab,
   * aTb): packing b costs a full pass over it, repaid only when enough row tiles reuse a panel
   * (measured here: in place 1.3–2× faster up to 18 rows, slower from 24 at k = n = 512).
   */
  static final int IN_PLACE_MAX_ROWS = 3 * MR;

  // Per thread, at most (MC + NC) · KC doubles (0.7 MB with AVX-512) are kept between calls.
  private static final ThreadLocal<KernelScratch> SCRATCH =
      ThreadLocal.withInitial(() -> new KernelScratch(MR * NR));

  /** A kernel; all instances share the per-thread scratch. */
  public VectorMatMul() {}

  @Override
  public void ab(Matrix a, Matrix b, Matrix c) {
    MatMul.checkShapes(a.rows, a.cols, b.cols, b.rows, c, "ab");
    checkNoAlias(a, b, c, "ab");
    int k = a.cols, n = b.cols;
    multiply(a.data, k, 1, b.data, 1, n, c.data, a.rows, k, n);
  }

  @Override
  public void abT(Matrix a, Matrix b, Matrix c) {
    MatMul.checkShapes(a.rows, a.cols, b.rows, b.cols, c, "abT");
    checkNoAlias(a, b, c, "abT");
    int k = a.cols;
    multiply(a.data, k, 1, b.data, k, 1, c.data, a.rows, k, b.rows);
  }

  @Override
  public void aTb(Matrix a, Matrix b, Matrix c) {
    MatMul.checkShapes(a.cols, a.rows, b.cols, b.rows, c, "aTb");
    checkNoAlias(a, b, c, "aTb");
    int m = a.cols, n = b.cols;
    multiply(a.data, 1, m, b.data, 1, n, c.data, m, a.rows, n);
  }

  @Override
  public String name() {
    return "vector";
  }

  @Override
  public String toString() {
    return name() + "[" + MR + "x" + NR + ", KC=" + KC + ", MC=" + MC + ", NC=" + NC + "]";
  }

  // c is overwritten block by block while a and b are still being read, so they must differ.
  private static void checkNoAlias(Matrix a, Matrix b, Matrix c, String op) {
    if (c.data == a.data || c.data == b.data) {
      throw new IllegalArgumentException(op + ": result " + c + " shares storage with an operand");
    }
  }

  /**
   * c (m × n, row-major) = A·B with A(i, p) = a[i·aRow + p·aDepth] and B(p, j) = b[j·bCol +
   * p·bDepth]: the strides say how each operand is stored, so one loop nest serves all three ops.
   */
  private static void multiply(double[] a, int aRow, int aDepth, double[] b, int bCol, int bDepth,
      double[] c, int m, int k, int n) {
    if (k == 0) {
      Arrays.fill(c, 0.0);
      return;
    }
    if (m == 0 || n == 0) {
      return;
    }
    KernelScratch scratch = SCRATCH.get();
    int depth = Math.min(k, KC);
    double[] packedA = scratch.packedA(Math.min(roundUp(m, MR), MC) * depth);
    double[] packedB = scratch.packedB(Math.min(roundUp(n, NR), NC) * depth);
    // In place, only a ragged last panel of b is packed (reading NR columns would run past it).
    boolean inPlace = bCol == 1 && m <= IN_PLACE_MAX_ROWS;
    for (int jc = 0; jc < n; jc += NC) {
      int nc = Math.min(NC, n - jc);
      int inPlaceCols = inPlace ? nc / NR * NR : 0;
      for (int pc = 0; pc < k; pc += KC) {
        int kc = Math.min(KC, k - pc);
        boolean accumulate = pc > 0;
        PanelPacker.pack(b, bCol, bDepth, jc + inPlaceCols, nc - inPlaceCols, pc, kc, NR,
            packedB);
        for (int ic = 0; ic < m; ic += MC) {
          int mc = Math.min(MC, m - ic);
          PanelPacker.pack(a, aRow, aDepth, ic, mc, pc, kc, MR, packedA);
          for (int jr = 0; jr < nc; jr += NR) {
            boolean direct = jr < inPlaceCols;
            double[] panel = direct ? b : packedB;
            int panelOff = direct ? pc * bDepth + jc + jr : (jr - inPlaceCols) * kc;
            int ldb = direct ? bDepth : NR;
            for (int ir = 0; ir < mc; ir += MR) {
              int cOff = (ic + ir) * n + jc + jr;
              int rows = Math.min(MR, mc - ir);
              int cols = Math.min(NR, nc - jr);
              if (rows == MR && cols == NR) {
                VectorMicroKernel.multiply(packedA, ir * kc, panel, panelOff, ldb, kc,
                    c, cOff, n, accumulate);
              } else {
                edgeTile(packedA, ir * kc, panel, panelOff, ldb, kc, c, cOff, n, rows, cols,
                    accumulate, scratch.tile);
              }
            }
          }
        }
      }
    }
  }

  // A tile cut by the edge of c runs through a whole scratch tile (its padding lanes are zero
  // times real values and are dropped), so the chain per element is the same as in whole tiles.
  private static void edgeTile(double[] packedA, int aOff, double[] panel, int bOff, int ldb,
      int kc, double[] c, int cOff, int ldc, int rows, int cols, boolean accumulate,
      double[] tile) {
    if (accumulate) {
      for (int r = 0; r < rows; r++) {
        System.arraycopy(c, cOff + r * ldc, tile, r * NR, cols);
      }
    }
    VectorMicroKernel.multiply(packedA, aOff, panel, bOff, ldb, kc, tile, 0, NR, accumulate);
    for (int r = 0; r < rows; r++) {
      System.arraycopy(tile, r * NR, c, cOff + r * ldc, cols);
    }
  }

  private static int roundUp(int x, int multiple) {
    return (x + multiple - 1) / multiple * multiple;
  }
}

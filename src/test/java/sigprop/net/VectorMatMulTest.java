package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The vector kernel against the plain one and against a scalar FMA chain, on shapes that cut the
 * register block (6 × 2·VL) and the cache blocks (KC = 256, MC = 96, NC = 256) at every edge,
 * with b packed and (up to 18 rows of c) read in place.
 */
class VectorMatMulTest {
  private static final MatMul VECTOR = new VectorMatMul();
  private static final MatMul PLAIN = PlainMatMul.INSTANCE;

  /** The three products, each given the logical shape m × k times k × n. */
  enum Op {
    AB, ABT, ATB;

    Matrix left(Matrix a) {
      return this == ATB ? a.transpose() : a;
    }

    Matrix right(Matrix b) {
      return this == ABT ? b.transpose() : b;
    }

    void run(MatMul kernel, Matrix left, Matrix right, Matrix c) {
      switch (this) {
        case AB:
          kernel.ab(left, right, c);
          break;
        case ABT:
          kernel.abT(left, right, c);
          break;
        default:
          kernel.aTb(left, right, c);
      }
    }
  }

  /** Edge shapes {m, k, n}, then seeded random ones up to past every cache block. */
  private static List<int[]> shapes() {
    List<int[]> shapes = new ArrayList<>(List.of(
        new int[] {1, 1, 1}, new int[] {1, 10, 10}, new int[] {10, 10, 1}, new int[] {1, 1, 37},
        new int[] {37, 1, 1}, new int[] {5, 1, 7}, new int[] {6, 3, 16}, new int[] {12, 8, 32},
        new int[] {0, 4, 5}, new int[] {4, 0, 5}, new int[] {4, 5, 0}, new int[] {0, 0, 0},
        new int[] {97, 300, 270}, new int[] {200, 257, 33}, new int[] {1, 513, 1},
        new int[] {1, 300, 270}, new int[] {18, 260, 40}, new int[] {19, 260, 40},
        new int[] {25, 40, 33}));
    SplittableRandom random = new SplittableRandom(20261122);
    for (int t = 0; t < 40; t++) {
      int m = 1 + random.nextInt(70), k = 1 + random.nextInt(70), n = 1 + random.nextInt(70);
      shapes.add(new int[] {m, k, n});
    }
    return shapes;
  }

  private static Matrix gaussian(int rows, int cols, SplittableRandom random) {
    Matrix x = new Matrix(rows, cols);
    for (int i = 0; i < x.size(); i++) {
      // Some exact zeros and a spread of magnitudes, as in real activations and gradients.
      double u = random.nextDouble();
      x.data[i] = u < 0.05 ? 0.0 : (u - 0.5) * Math.scalb(1.0, random.nextInt(-8, 9));
    }
    return x;
  }

  private static Matrix abs(Matrix x) {
    Matrix y = new Matrix(x.rows, x.cols);
    for (int i = 0; i < x.size(); i++) {
      y.data[i] = Math.abs(x.data[i]);
    }
    return y;
  }

  /** c_ij = the chain s = fma(a_ip, b_pj, s) over p = 0..k-1 from s = 0, as the kernel promises. */
  private static Matrix fmaChain(Matrix a, Matrix b) {
    Matrix c = new Matrix(a.rows, b.cols);
    for (int i = 0; i < a.rows; i++) {
      for (int j = 0; j < b.cols; j++) {
        double s = 0.0;
        for (int p = 0; p < a.cols; p++) {
          s = Math.fma(a.get(i, p), b.get(p, j), s);
        }
        c.set(i, j, s);
      }
    }
    return c;
  }

  /**
   * Rounding bound. Both kernels sum the k products of c_ij = Σ_p a_ip·b_pj in order p = 0..k-1
   * (plain: round the product, round the sum; vector: one fused rounding per step). For such a
   * recursive inner product |ĉ − c| ≤ γ_k Σ_p |a_ip||b_pj| with γ_k = k·u / (1 − k·u), u = 2^-53
   * (Higham, Accuracy and Stability of Numerical Algorithms, eq. 3.4/3.5). By the triangle
   * inequality the two kernels differ by at most 2γ_k Σ|a||b| = k·eps·Σ|a||b| / (1 − k·u), eps =
   * 2u = ulp(1). Σ|a||b| is itself computed (relative error ≤ γ_k), so for k·u < 1e-3 the factor
   * 1.01 covers both: |c − c_ref| ≤ 1.01·k·eps·(|a|·|b|)_ij. Products here stay far from
   * underflow, which the bound would otherwise need an absolute term for.
   */
  @Test
  void matchesPlainWithinRoundingBound() {
    SplittableRandom random = new SplittableRandom(1);
    for (int[] shape : shapes()) {
      int m = shape[0], k = shape[1], n = shape[2];
      Matrix a = gaussian(m, k, random);
      Matrix b = gaussian(k, n, random);
      Matrix magnitude = new Matrix(m, n);
      PLAIN.ab(abs(a), abs(b), magnitude);
      for (Op op : Op.values()) {
        Matrix left = op.left(a), right = op.right(b);
        Matrix want = new Matrix(m, n);
        op.run(PLAIN, left, right, want);
        Matrix got = new Matrix(m, n);
        got.fill(Double.NaN); // the kernel must overwrite every element
        op.run(VECTOR, left, right, got);
        for (int i = 0; i < m * n; i++) {
          double bound = 1.01 * k * Math.ulp(1.0) * magnitude.data[i];
          double error = Math.abs(got.data[i] - want.data[i]);
          if (!(error <= bound)) {
            fail(op + " " + m + "x" + k + "x" + n + " at " + i / n + "," + i % n + ": got "
                + got.data[i] + ", plain " + want.data[i] + ", error " + error + " > " + bound);
          }
        }
      }
    }
  }

  @Test
  void equalsScalarFmaChainBitForBit() {
    SplittableRandom random = new SplittableRandom(2);
    for (int[] shape : shapes()) {
      int m = shape[0], k = shape[1], n = shape[2];
      Matrix a = gaussian(m, k, random);
      Matrix b = gaussian(k, n, random);
      Matrix want = fmaChain(a, b);
      for (Op op : Op.values()) {
        Matrix got = new Matrix(m, n);
        op.run(VECTOR, op.left(a), op.right(b), got);
        assertArrayEquals(want.data, got.data, () -> op + " " + m + "x" + k + "x" + n);
        // The fallback kernel gives the same bits: a cell's numbers do not depend on which ran.
        Matrix plain = new Matrix(m, n);
        plain.fill(Double.NaN);
        op.run(PLAIN, op.left(a), op.right(b), plain);
        assertArrayEquals(want.data, plain.data, () -> "plain " + op + " " + m + "x" + k + "x" + n);
      }
    }
  }

  @Test
  void infinityAndNanPropagateLikeTheScalarChain() {
    SplittableRandom random = new SplittableRandom(3);
    Matrix a = gaussian(13, 9, random);
    Matrix b = gaussian(9, 21, random);
    a.set(2, 4, Double.POSITIVE_INFINITY);
    b.set(7, 20, Double.NaN);
    Matrix want = fmaChain(a, b);
    for (Op op : Op.values()) {
      Matrix got = new Matrix(13, 21);
      op.run(VECTOR, op.left(a), op.right(b), got);
      assertArrayEquals(want.data, got.data, op::toString);
    }
  }

  @Test
  void repeatedCallsAreBitIdentical() {
    SplittableRandom random = new SplittableRandom(4);
    Matrix a = gaussian(61, 300, random);
    Matrix b = gaussian(300, 45, random);
    Matrix other = gaussian(7, 7, random);
    for (Op op : Op.values()) {
      Matrix left = op.left(a), right = op.right(b);
      Matrix first = new Matrix(61, 45);
      op.run(VECTOR, left, right, first);
      for (int run = 0; run < 3; run++) {
        // Another product in between leaves different leftovers in the per-thread scratch.
        VECTOR.ab(other, other, new Matrix(7, 7));
        Matrix again = new Matrix(61, 45);
        again.fill(run);
        op.run(VECTOR, left, right, again);
        assertArrayEquals(first.data, again.data, op + " run " + run);
      }
    }
  }

  @Test
  void sharedInstanceGivesTheSameBitsOnEveryThread() throws Exception {
    SplittableRandom random = new SplittableRandom(5);
    Matrix a = gaussian(50, 270, random);
    Matrix b = gaussian(270, 40, random);
    Matrix want = new Matrix(50, 40);
    VECTOR.ab(a, b, want);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Matrix>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          Matrix c = new Matrix(50, 40);
          for (int r = 0; r < 20; r++) {
            VECTOR.ab(a, b, c);
          }
          return c;
        }));
      }
      for (Future<Matrix> result : results) {
        assertArrayEquals(want.data, result.get().data);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rejectsMismatchedShapesAndAliasing() {
    Matrix a = new Matrix(3, 4);
    Matrix square = new Matrix(4, 4);
    assertThrows(IllegalArgumentException.class, () -> VECTOR.ab(a, new Matrix(5, 2), a));
    assertThrows(IllegalArgumentException.class,
        () -> VECTOR.abT(a, new Matrix(2, 5), new Matrix(3, 2)));
    assertThrows(IllegalArgumentException.class,
        () -> VECTOR.aTb(a, new Matrix(3, 2), new Matrix(2, 4)));
    assertThrows(IllegalArgumentException.class, () -> VECTOR.ab(square, square, square));
    assertTrue(VECTOR.toString().startsWith("vector"));
  }
}

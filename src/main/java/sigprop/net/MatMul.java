package sigprop.net;

/**
 * The one place every matrix product of the network goes through, so that a faster kernel can
 * replace the plain one. Implementations overwrite {@code c}; they must be deterministic (same
 * inputs, same bits) and must not keep state between calls.
 */
public interface MatMul {
  /** c = a·b, with a m×k, b k×n, c m×n (forward: y = x·W). */
  void ab(Matrix a, Matrix b, Matrix c);

  /** c = a·bᵀ, with a m×k, b n×k, c m×n (backward to the input: g·Wᵀ). */
  void abT(Matrix a, Matrix b, Matrix c);

  /** c = aᵀ·b, with a k×m, b k×n, c m×n (weight gradient: xᵀ·g). */
  void aTb(Matrix a, Matrix b, Matrix c);

  /** A short name for logs and benchmark tables. */
  String name();

  /** Throws unless the shapes of c = op(a)·op(b) agree. */
  static void checkShapes(int m, int k, int n, int k2, Matrix c, String op) {
    if (k != k2 || c.rows != m || c.cols != n) {
      throw new IllegalArgumentException(
          op + ": inner dims " + k + " vs " + k2 + ", result " + c.rows + "x" + c.cols
              + " but expected " + m + "x" + n);
    }
  }
}

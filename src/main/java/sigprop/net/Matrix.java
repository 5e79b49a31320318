package sigprop.net;

import java.util.Arrays;

/**
 * A dense row-major matrix of doubles: element (i, j) is {@code data[i * cols + j]}.
 *
 * <p>Batches are stored one example per row, so a layer's activations are batch × width and a
 * dense layer's weights are fanIn × fanOut (rows = inputs, columns = outputs), giving y = x·W.
 * The fields are public because kernels and fused loops read them on the hot path.
 */
public final class Matrix {
  public final int rows;
  public final int cols;
  public final double[] data;

  /** A zero matrix of the given shape. */
  public Matrix(int rows, int cols) {
    this(rows, cols, new double[checkedSize(rows, cols)]);
  }

  /** Wraps {@code data} (not copied) as a rows × cols matrix. */
  public Matrix(int rows, int cols, double[] data) {
    if (data.length != checkedSize(rows, cols)) {
      throw new IllegalArgumentException(
          "data length " + data.length + " != rows*cols = " + rows + "*" + cols);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  private static int checkedSize(int rows, int cols) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
    }
    return Math.multiplyExact(rows, cols);
  }

  /** Element (i, j). */
  public double get(int i, int j) {
    return data[i * cols + j];
  }

  /** Sets element (i, j) to {@code v}. */
  public void set(int i, int j, double v) {
    data[i * cols + j] = v;
  }

  /** rows × cols. */
  public int size() {
    return data.length;
  }

  /** A deep copy. */
  public Matrix copy() {
    return new Matrix(rows, cols, data.clone());
  }

  /** The transpose as a new matrix. */
  public Matrix transpose() {
    Matrix t = new Matrix(cols, rows);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        t.data[j * rows + i] = data[i * cols + j];
      }
    }
    return t;
  }

  /** Sets every element to {@code v}. */
  public void fill(double v) {
    Arrays.fill(data, v);
  }

  /** True when both have the same shape. */
  public boolean sameShape(Matrix o) {
    return rows == o.rows && cols == o.cols;
  }

  @Override
  public String toString() {
    return "Matrix[" + rows + "x" + cols + "]";
  }
}

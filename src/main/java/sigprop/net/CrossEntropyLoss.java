package sigprop.net;

/**
 * Softmax cross-entropy averaged over the batch, L = −(1/B) Σᵢ log softmax(oᵢ)[yᵢ];
 * ∂L/∂oᵢ = (softmax(oᵢ) − onehot(yᵢ)) / B.
 */
public final class CrossEntropyLoss implements Loss {
  private final int[] labels;

  /** One label in [0, classes) per example. */
  public CrossEntropyLoss(int[] labels) {
    this.labels = labels.clone();
  }

  @Override
  public double value(Matrix output) {
    check(output);
    double total = 0;
    for (int i = 0; i < output.rows; i++) {
      total += rowLoss(output, i);
    }
    if (Double.isInfinite(total)) { // rows of 1e307 may sum past the range, their mean not
      total = 0;
      for (int i = 0; i < output.rows; i++) {
        total += rowLoss(output, i) / output.rows;
      }
      return total;
    }
    return total / output.rows;
  }

  /** −log softmax(oᵢ)[yᵢ] of row i. */
  private double rowLoss(Matrix output, int i) {
    int r = i * output.cols;
    double max = rowMax(output.data, r, output.cols);
    double sum = 0;
    for (int j = 0; j < output.cols; j++) {
      sum += Math.exp(output.data[r + j] - max);
    }
    return Math.log(sum) + max - output.data[r + labels[i]];
  }

  @Override
  public int gradient(Matrix output, Matrix gradient) {
    check(output);
    int c = output.cols;
    for (int i = 0; i < output.rows; i++) {
      int r = i * c;
      double max = rowMax(output.data, r, c);
      double sum = 0;
      for (int j = 0; j < c; j++) {
        double e = Math.exp(output.data[r + j] - max);
        gradient.data[r + j] = e;
        sum += e;
      }
      for (int j = 0; j < c; j++) {
        gradient.data[r + j] =
            (gradient.data[r + j] / sum - (j == labels[i] ? 1 : 0)) / output.rows;
      }
    }
    return 0; // each entry lies in [−1/B, 1/B]
  }

  private void check(Matrix output) {
    if (output.rows != labels.length) {
      throw new IllegalArgumentException(
          "output has " + output.rows + " rows but there are " + labels.length + " labels");
    }
  }

  private static double rowMax(double[] d, int from, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      max = Math.max(max, d[from + j]);
    }
    return max;
  }

  @Override
  public String toString() {
    return "cross_entropy";
  }
}

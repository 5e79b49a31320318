package sigprop.experiment;

import java.util.List;

/**
 * What one cell produced: its status (with the exception message when failed), the loss at each
 * recorded step (NaN where not reached), the wall time, and every layer record.
 */
public record CellResult(
    CellSpec cell,
    CellStatus status,
    String message,
    List<Double> losses,
    double wallSeconds,
    List<LayerRecord> records) {

  public CellResult {
    losses = List.copyOf(losses);
    records = List.copyOf(records);
  }
}

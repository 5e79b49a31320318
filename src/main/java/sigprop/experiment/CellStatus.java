package sigprop.experiment;

import java.util.Locale;

/** How a cell ended. */
public enum CellStatus {
  /** Every recorded value finite. */
  OK,
  /** Non-finite values appeared (recorded as such, with everything else that was recorded). */
  DIVERGED,
  /** An exception stopped the cell; its message is kept with whatever was recorded before. */
  FAILED;

  /** The table value: ok, diverged, failed. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}

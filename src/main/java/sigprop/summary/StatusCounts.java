package sigprop.summary;

import sigprop.experiment.CellStatus;

/** How the cells (seeds) of one configuration ended. */
public record StatusCounts(int seeds, int ok, int diverged, int failed) {
  /** No cells. */
  public static final StatusCounts NONE = new StatusCounts(0, 0, 0, 0);

  /** Checks the parts add up. */
  public StatusCounts {
    if (ok < 0 || diverged < 0 || failed < 0 || ok + diverged + failed != seeds) {
      throw new IllegalArgumentException("counts do not add up: " + seeds + " seeds, " + ok
          + " ok, " + diverged + " diverged, " + failed + " failed");
    }
  }

  /** These counts and another's (of several configurations). */
  public StatusCounts plus(StatusCounts other) {
    return new StatusCounts(seeds + other.seeds, ok + other.ok, diverged + other.diverged,
        failed + other.failed);
  }

  /** These counts and one more cell. */
  public StatusCounts plus(CellStatus status) {
    return new StatusCounts(seeds + 1, ok + (status == CellStatus.OK ? 1 : 0),
        diverged + (status == CellStatus.DIVERGED ? 1 : 0),
        failed + (status == CellStatus.FAILED ? 1 : 0));
  }
}

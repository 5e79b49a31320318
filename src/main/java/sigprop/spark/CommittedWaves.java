package sigprop.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The waves a sweep run has seen committed, each with its cells and the files its two parts held
 * then, checked again at the run's end by a listing (no Parquet is read). A sweep folder, or a
 * wave's folder, deleted while the run goes on is made again by Hadoop for the next wave's
 * files, so the run would otherwise end "ok" without the waves before it.
 */
final class CommittedWaves {
  /** Files named per wave before "and N more". */
  private static final int NAMED = 3;

  private record Wave(long cells, Set<String> files) {}

  private final SweepOutput output;
  private final Map<Integer, Wave> waves = new TreeMap<>();

  CommittedWaves(SweepOutput output) {
    this.output = output;
  }

  /** Records a committed wave of {@code cells} cells with the files it holds now. */
  synchronized void record(int wave, long cells) throws IOException {
    waves.put(wave, new Wave(cells, output.waveFiles(wave)));
  }

  /**
   * What is gone of the recorded waves: one clause for the waves gone whole ("waves 0-41, 45
   * (their cells/ and layers/ folders), 86 cells") and one per wave that lost some of its files
   * (naming them); empty when every file is there.
   */
  synchronized List<String> gone() throws IOException {
    List<Integer> whole = new ArrayList<>();
    long wholeCells = 0;
    List<String> gone = new ArrayList<>();
    for (Map.Entry<Integer, Wave> e : waves.entrySet()) {
      int k = e.getKey();
      Set<String> missing = new TreeSet<>(e.getValue().files());
      missing.removeAll(output.waveFiles(k));
      long cells = e.getValue().cells();
      if (missing.size() == e.getValue().files().size()) {
        whole.add(k);
        wholeCells += cells;
      } else if (!missing.isEmpty()) {
        List<String> named = new ArrayList<>(missing).subList(0, Math.min(NAMED, missing.size()));
        gone.add("wave " + k + ": " + String.join(", ", named)
            + (missing.size() > NAMED ? " and " + (missing.size() - NAMED) + " more files" : "")
            + ", " + cells(cells));
      }
    }
    if (!whole.isEmpty()) {
      gone.add(0, (whole.size() == 1 ? "wave " + whole.get(0) + " (its" : "waves "
          + ranges(whole) + " (their") + " cells/ and layers/ folders), " + cells(wholeCells));
    }
    return gone;
  }

  private static String cells(long n) {
    return n + (n == 1 ? " cell" : " cells");
  }

  /** Increasing numbers as runs: 0-41, 45. */
  static String ranges(List<Integer> sorted) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < sorted.size(); i++) {
      int from = sorted.get(i);
      while (i + 1 < sorted.size() && sorted.get(i + 1) == sorted.get(i) + 1) {
        i++;
      }
      s.append(s.length() == 0 ? "" : ", ").append(from)
          .append(sorted.get(i) == from ? "" : "-" + sorted.get(i));
    }
    return s.toString();
  }

  /** The cells of the recorded waves that lost a file. */
  synchronized long cellsOfDamagedWaves() throws IOException {
    long cells = 0;
    for (Map.Entry<Integer, Wave> e : waves.entrySet()) {
      if (!output.waveFiles(e.getKey()).containsAll(e.getValue().files())) {
        cells += e.getValue().cells();
      }
    }
    return cells;
  }
}

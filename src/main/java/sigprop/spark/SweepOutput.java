package sigprop.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The folder of one sweep, {@code <out>/<sweep>/}: {@code cells/wave=k/} and {@code layers/wave=k/}
 * (one pair per batch of cells, the cells part written last, so a wave whose cells part has no
 * {@code _SUCCESS} marker is incomplete), {@code theory/}, and the manifest {@code sweep.json}.
 * Works on any Hadoop file system.
 */
final class SweepOutput {
  static final String MANIFEST = "sweep.json";
  private static final Pattern WAVE = Pattern.compile("wave=(\\d+)");

  private final FileSystem fs;
  private final Path root;

  SweepOutput(String outDir, String sweep, Configuration conf) throws IOException {
    Path base = new Path(outDir);
    this.fs = base.getFileSystem(conf);
    this.root = fs.makeQualified(new Path(base, sweep));
  }

  Path root() {
    return root;
  }

  Path cells() {
    return new Path(root, "cells");
  }

  Path layers() {
    return new Path(root, "layers");
  }

  Path theory() {
    return new Path(root, "theory");
  }

  Path cellsWave(int wave) {
    return new Path(cells(), "wave=" + wave);
  }

  Path layersWave(int wave) {
    return new Path(layers(), "wave=" + wave);
  }

  /**
   * Why a run may not write this sweep folder, or null; checked before Spark starts. A folder
   * that holds files but neither a manifest nor a sweep's tables is not a sweep's, so nothing
   * touches it, not even --overwrite; an existing sweep, its manifest deleted or not, needs
   * --resume or --overwrite ({@code mayReuse}).
   */
  String refusal(boolean mayReuse) throws IOException {
    Path existing = root.getParent();
    while (existing != null && !fs.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !fs.getFileStatus(existing).isDirectory()) {
      return "cannot write " + root + ": " + existing + " is a file, not a folder";
    }
    if (fs.exists(root)) {
      if (!fs.getFileStatus(root).isDirectory()) {
        return root + " is a file, not a sweep folder; choose another --out or sweep name";
      }
      if (holdsAnything()) {
        boolean manifest = fs.exists(new Path(root, MANIFEST));
        if (!manifest && !holdsTables()) {
          return root + " holds files but no " + MANIFEST + ", so it is not a sweep's results;"
              + " nothing there is touched (not even with --overwrite): choose another --out or"
              + " sweep name";
        }
        if (!manifest && !mayReuse) {
          return root + " holds a sweep's tables but no " + MANIFEST + " (deleted?); use"
              + " --resume to run only the missing cells (it writes " + MANIFEST + " again"
              + " when this config and build wrote every committed cell), or restore " + MANIFEST
              + ", or use --overwrite to replace them";
        }
        if (!mayReuse) {
          return root + " already holds results; use --resume to run only the missing cells,"
              + " or --overwrite to replace them";
        }
      }
      existing = root;
    }
    if (existing != null && "file".equals(existing.toUri().getScheme())
        && !Files.isWritable(Paths.get(existing.toUri()))) {
      return "cannot write " + root + ": " + existing + " is not writable";
    }
    return null;
  }

  /** True when the sweep folder exists and holds anything but a run's mark. */
  boolean hasData() throws IOException {
    return fs.exists(root) && holdsAnything();
  }

  private boolean holdsAnything() throws IOException {
    for (FileStatus s : fs.listStatus(root)) {
      if (!isMark(s.getPath().getName())) {
        return true;
      }
    }
    return false;
  }

  /** Whether a sweep's tables are here: a wave's folder, or a committed theory table. */
  boolean holdsTables() throws IOException {
    return !waves().isEmpty() || committed(theory());
  }

  /**
   * The mark of a run writing this folder ({@link SweepLock}), its checksum file and the hidden
   * files a run makes while taking it.
   */
  private static boolean isMark(String name) {
    return name.equals(SweepLock.NAME) || name.startsWith("." + SweepLock.NAME);
  }

  /** Takes the mark of a run writing this folder; see {@link SweepLock#acquire}. */
  SweepLock.Attempt lock() throws IOException {
    return SweepLock.acquire(fs, root);
  }

  /**
   * Deletes what a sweep wrote (for --overwrite): its tables and manifest, the manifest last, so
   * a failure leaves a folder still marked as a sweep's. Anything else there (a summary, the
   * user's notes) is not the sweep's to delete; returns those names. Fails unless the sweep's
   * parts are gone.
   */
  List<String> deleteSweep() throws IOException {
    List<Path> parts = List.of(cells(), layers(), theory(), new Path(root, "." + MANIFEST + ".crc"),
        new Path(root, MANIFEST));
    for (Path p : parts) {
      if (fs.exists(p) && (!fs.delete(p, true) || fs.exists(p))) {
        throw new IOException("--overwrite could not delete " + p + " (permissions?); nothing"
            + " was run, and what is left in " + root + " is not a complete sweep");
      }
    }
    List<String> kept = new ArrayList<>();
    for (FileStatus s : fs.listStatus(root)) {
      if (!isMark(s.getPath().getName())) {
        kept.add(s.getPath().getName());
      }
    }
    kept.sort(null);
    return kept;
  }

  /** The manifest's text, or null when there is none. */
  String readManifest() throws IOException {
    Path p = new Path(root, MANIFEST);
    if (!fs.exists(p)) {
      return null;
    }
    try (InputStream in = fs.open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (ChecksumException e) {
      // Hadoop's local file system keeps a checksum beside each file it writes.
      throw new IOException(p + " no longer matches its checksum file ." + MANIFEST + ".crc:"
          + " it was edited or damaged since the sweep wrote it; restore it, or delete the .crc"
          + " file to accept the edit", e);
    }
  }

  Path manifest() {
    return new Path(root, MANIFEST);
  }

  /** Whether the manifest is there. */
  boolean hasManifest() throws IOException {
    return fs.exists(manifest());
  }

  /** Removes the manifest and its checksum file (a partial one); true when both are gone. */
  boolean removeManifest() {
    try {
      Path crc = new Path(root, "." + MANIFEST + ".crc");
      fs.delete(crc, false);
      fs.delete(manifest(), false);
      return !fs.exists(manifest()) && !fs.exists(crc);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The files of a wave's two parts, as {@code cells/wave=K/NAME} and {@code layers/wave=K/NAME}
   * (not Hadoop's checksum files): what a committed wave holds.
   */
  Set<String> waveFiles(int wave) throws IOException {
    Set<String> files = new TreeSet<>();
    for (Path part : List.of(cellsWave(wave), layersWave(wave))) {
      FileStatus[] listed;
      try {
        listed = fs.listStatus(part);
      } catch (FileNotFoundException gone) {
        continue;
      }
      for (FileStatus s : listed) {
        String name = s.getPath().getName();
        if (s.isFile() && !name.startsWith(".")) {
          files.add(part.getParent().getName() + "/" + part.getName() + "/" + name);
        }
      }
    }
    return files;
  }

  void writeManifest(String json) throws IOException {
    fs.mkdirs(root);
    try (OutputStream o = fs.create(new Path(root, MANIFEST), true)) {
      o.write(json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Deletes the theory table (a damaged one): the run writes it again. */
  void dropTheory() throws IOException {
    fs.delete(theory(), true);
    if (fs.exists(theory())) {
      throw new IOException("cannot remove " + theory() + ", a theory table with a damaged file;"
          + " remove that folder yourself, then run with --resume");
    }
  }

  /** Whether a Spark write to {@code dir} committed. */
  boolean committed(Path dir) throws IOException {
    return fs.exists(new Path(dir, "_SUCCESS"));
  }

  /** The wave numbers present under cells/ or layers/, committed or not. */
  List<Integer> waves() throws IOException {
    List<Integer> waves = new ArrayList<>();
    for (Path dir : List.of(cells(), layers())) {
      if (!fs.exists(dir)) {
        continue;
      }
      for (FileStatus s : fs.listStatus(dir)) {
        Matcher m = WAVE.matcher(s.getPath().getName());
        if (s.isDirectory() && m.matches() && !waves.contains(Integer.valueOf(m.group(1)))) {
          waves.add(Integer.valueOf(m.group(1)));
        }
      }
    }
    waves.sort(null);
    return waves;
  }

  /**
   * Deletes every wave whose cells part did not commit (a run killed midway) and returns how
   * many; their cells run again. Committed waves are complete: their layers were written first.
   */
  int dropIncompleteWaves() throws IOException {
    int dropped = 0;
    for (int wave : waves()) {
      if (!committed(cellsWave(wave))) {
        dropWave(wave);
        dropped++;
      }
    }
    return dropped;
  }

  /** Deletes both parts of one wave; its cells run again. */
  void dropWave(int wave) throws IOException {
    for (Path part : List.of(cellsWave(wave), layersWave(wave))) {
      fs.delete(part, true);
      // delete's false means absent or not removed; only the second would let the wave's rows
      // stand beside those of its rerun.
      if (fs.exists(part)) {
        throw new IOException("cannot remove " + part + ", part of wave " + wave
            + " whose cells must run again; remove that folder yourself, then run with --resume");
      }
    }
  }

  /** A table's commit: its {@code _SUCCESS} marker, relative to the root, and its time. */
  record Commit(String marker, Instant time) {}

  /**
   * The earliest commit of the tables here (a committed wave's two parts, the theory table), by
   * the modification times the file system gives their {@code _SUCCESS} markers; null when none
   * has one.
   */
  Commit earliestCommit() throws IOException {
    List<String> markers = new ArrayList<>();
    for (int wave : committedWaves()) {
      markers.add("layers/wave=" + wave + "/_SUCCESS");
      markers.add("cells/wave=" + wave + "/_SUCCESS");
    }
    markers.add("theory/_SUCCESS");
    Commit earliest = null;
    for (String marker : markers) {
      long time;
      try {
        time = fs.getFileStatus(new Path(root, marker)).getModificationTime();
      } catch (FileNotFoundException gone) {
        continue;
      }
      if (time > 0 && (earliest == null || time < earliest.time().toEpochMilli())) {
        earliest = new Commit(marker, Instant.ofEpochMilli(time));
      }
    }
    return earliest;
  }

  /** The committed waves, increasing. */
  List<Integer> committedWaves() throws IOException {
    List<Integer> committed = new ArrayList<>();
    for (int wave : waves()) {
      if (committed(cellsWave(wave))) {
        committed.add(wave);
      }
    }
    return committed;
  }

  /** True when at least one committed wave exists. */
  boolean hasCommittedWaves() throws IOException {
    return !committedWaves().isEmpty();
  }
}

package sigprop.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The mark of a sweep being written: {@code <sweep>/_running}, holding the writer's host, process
 * id and start. A second {@code sweep} into the same folder (a {@code --resume} while the first
 * still runs, say) would otherwise take the first one's wave in progress for an interrupted one
 * and delete it. A mark whose process is gone (killed on this host), or one not refreshed for
 * {@link #STALE_MILLIS} (another host's, or unreadable), is stale and taken over.
 *
 * <p>Taking it is atomic: the mark appears whole or not at all (a hard link to a written file on
 * a local disk, an exclusive create elsewhere), and a stale one is first renamed away, which only
 * one of two runs can do. The writer refreshes the mark's time, not its text, and removes it only
 * while it is still its own, at the end or when the JVM stops (Ctrl-C, SIGTERM).
 */
final class SweepLock implements AutoCloseable {
  static final String NAME = "_running";
  /** How often the writer refreshes its mark, and how old another host's mark may be. */
  static final long REFRESH_MILLIS = 15_000;
  static final long STALE_MILLIS = 4 * REFRESH_MILLIS;

  private final FileSystem fs;
  private final Path path;
  private final String text;
  private final ScheduledExecutorService refresher;
  private final Thread onExit;

  private SweepLock(FileSystem fs, Path path, String text) {
    this.fs = fs;
    this.path = path;
    this.text = text;
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sigprop-sweep-mark");
      t.setDaemon(true);
      return t;
    });
    refresher.scheduleWithFixedDelay(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS,
        TimeUnit.MILLISECONDS);
    onExit = new Thread(this::release, "sigprop-sweep-mark-release");
    Runtime.getRuntime().addShutdownHook(onExit);
  }

  /** What a held mark means, or the lock taken. */
  record Attempt(SweepLock lock, String refusal, String note) {}

  /**
   * Takes the mark in {@code root} (made if missing): refused while another live writer holds
   * it; a stale mark is replaced, with a note saying whose it was.
   */
  static Attempt acquire(FileSystem fs, Path root) throws IOException {
    Path path = new Path(root, NAME);
    fs.mkdirs(root);
    String text = text();
    String note = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      if (create(fs, path, text)) {
        return new Attempt(new SweepLock(fs, path, text), null, note);
      }
      String seen = readText(fs, path);
      if (seen == null) {
        continue; // gone meanwhile: try again
      }
      Map<String, String> held = fields(seen);
      String live = liveWriter(fs, path, held);
      if (live != null) {
        return new Attempt(null, live, null);
      }
      // Renamed away before it is replaced: of two runs taking over one stale mark, one wins.
      Path stale = new Path(root, "." + NAME + "." + UUID.randomUUID() + ".stale");
      if (!renamed(fs, path, stale)) {
        continue;
      }
      if (!seen.equals(readText(fs, stale))) {
        // Another run replaced the stale mark between our look and the rename: put it back.
        create(fs, path, readText(fs, stale));
        fs.delete(stale, false);
        continue;
      }
      fs.delete(stale, false);
      note = "took over the mark of a sweep run that is gone (" + describe(held) + ")";
    }
    return new Attempt(null, "another sweep run took " + path + " at the same moment", null);
  }

  /** Renames, false when the source is gone (another run renamed it first). */
  private static boolean renamed(FileSystem fs, Path from, Path to) throws IOException {
    try {
      return fs.rename(from, to);
    } catch (FileNotFoundException e) {
      return false;
    }
  }

  /** Creates the mark with its whole text, or returns false if one exists. */
  private static boolean create(FileSystem fs, Path path, String text) throws IOException {
    if ("file".equals(fs.getUri().getScheme())) {
      // Hadoop's local create(…, false) checks, then creates: not atomic. A hard link is.
      java.nio.file.Path mark = Paths.get(fs.makeQualified(path).toUri());
      java.nio.file.Path written = mark.resolveSibling("." + NAME + "." + UUID.randomUUID());
      try { // the written file removed also when writing it failed (a full disk)
        Files.writeString(written, text);
        Files.createLink(mark, written);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } finally {
        Files.deleteIfExists(written);
      }
    }
    try (OutputStream o = fs.create(path, false)) { // exclusive on HDFS and object stores' APIs
      o.write(text.getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    }
  }

  /** Why the mark's writer counts as alive, or null when it is stale. */
  private static String liveWriter(FileSystem fs, Path path, Map<String, String> held)
      throws IOException {
    String who = (held.containsKey("host") ? "another sweep run (" + describe(held) + ")"
        : "a sweep run whose mark cannot be read") + " is writing " + path.getParent()
        + "; wait for it to end, or stop it";
    if (host().equals(held.get("host"))) {
      return alive(held) ? who : null;
    }
    long age = System.currentTimeMillis() - fs.getFileStatus(path).getModificationTime();
    if (age < STALE_MILLIS) {
      return who + " (its mark, " + (held.containsKey("host") ? "written on another host"
          : "unreadable") + ", was refreshed " + age / 1000 + " s ago; one not refreshed for "
          + STALE_MILLIS / 1000 + " s counts as gone)";
    }
    return null;
  }

  /** Whether the process of a mark written on this host still runs (the same start time). */
  private static boolean alive(Map<String, String> held) {
    try {
      Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(held.getOrDefault("pid", "")));
      if (p.isEmpty() || !p.get().isAlive()) {
        return false;
      }
      String started = held.get("process_start");
      Optional<Instant> start = p.get().info().startInstant();
      return started == null || start.isEmpty() || start.get().toString().equals(started);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String describe(Map<String, String> held) {
    return "host " + held.getOrDefault("host", "?") + ", pid " + held.getOrDefault("pid", "?")
        + ", since " + held.getOrDefault("since", "?");
  }

  /** The mark's text ("" when unreadable: judged by its age alone), or null when there is none. */
  private static String readText(FileSystem fs, Path path) {
    try (InputStream in = fs.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      return "";
    }
  }

  /** The key=value lines of a mark's text (none for a garbled one). */
  private static Map<String, String> fields(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        fields.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return fields;
  }

  /** The fields of a mark in this folder, or null when there is none (for summarize). */
  static Map<String, String> holder(FileSystem fs, Path root) {
    String text = readText(fs, new Path(root, NAME));
    return text == null ? null : fields(text);
  }

  private static String text() {
    ProcessHandle self = ProcessHandle.current();
    return "host=" + host() + "\npid=" + self.pid() + "\nprocess_start="
        + self.info().startInstant().map(Instant::toString).orElse("") + "\nsince="
        + Instant.now() + "\n";
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  /** Whether the mark is still this run's (another may have taken over one it judged stale). */
  private boolean ours() {
    return text.equals(readText(fs, path));
  }

  /** Touches the mark's time, so a reader on another host sees its writer alive. */
  private void refresh() {
    try {
      if (ours()) {
        fs.setTimes(path, System.currentTimeMillis(), -1);
      }
    } catch (IOException e) {
      // The next refresh tries again; a missed one only ages the mark.
    }
  }

  /** Removes the mark if it is still this run's. */
  private synchronized void release() {
    refresher.shutdownNow();
    try {
      refresher.awaitTermination(5, TimeUnit.SECONDS);
      if (ours()) {
        fs.delete(path, false);
      }
    } catch (IOException | InterruptedException e) {
      // Left behind: the next run on this host takes it over (its process is gone).
    }
  }

  /** Removes the mark: the sweep folder is free. */
  @Override
  public void close() {
    release();
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException e) {
      // The JVM is stopping: the hook runs (and finds nothing left to do).
    }
  }
}

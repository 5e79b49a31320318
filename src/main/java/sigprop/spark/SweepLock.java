package sigprop.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The mark of a sweep being written: {@code <sweep>/_running}, holding the writer's host, process
 * id and start. A second {@code sweep} into the same folder (a {@code --resume} while the first
 * still runs, say) would otherwise take the first one's wave in progress for an interrupted one
 * and delete it. A mark whose process is gone (killed on this host), or, written on another
 * host, not refreshed for {@link #STALE_MILLIS}, is stale and taken over.
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
  }

  /** What a held mark means, or the lock taken. */
  record Attempt(SweepLock lock, String refusal, String note) {}

  /**
   * Takes the mark in {@code root} (made if missing): refused while another live writer holds
   * it; a stale mark is replaced, with a note saying whose it was.
   */
  static Attempt acquire(FileSystem fs, Path root) throws IOException {
    Path path = new Path(root, NAME);
    String note = null;
    if (fs.exists(path)) {
      Map<String, String> held = read(fs, path);
      String live = liveWriter(fs, path, held);
      if (live != null) {
        return new Attempt(null, live, null);
      }
      note = "took over the mark of a sweep run that is gone (" + describe(held) + ")";
      fs.delete(path, false);
    }
    fs.mkdirs(root);
    String text = text();
    try (OutputStream o = fs.create(path, false)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (FileAlreadyExistsException e) {
      return new Attempt(null, "another sweep run took " + path + " at the same moment", null);
    }
    return new Attempt(new SweepLock(fs, path, text), null, note);
  }

  /** Why the mark's writer counts as alive, or null when it is stale. */
  private static String liveWriter(FileSystem fs, Path path, Map<String, String> held)
      throws IOException {
    String who = "another sweep run (" + describe(held) + ") is writing " + path.getParent()
        + "; wait for it to end, or stop it";
    if (host().equals(held.get("host"))) {
      if (alive(held)) {
        return who;
      }
      return null;
    }
    long age = System.currentTimeMillis() - fs.getFileStatus(path).getModificationTime();
    if (age < STALE_MILLIS) {
      return who + " (its mark, written on another host, was refreshed " + age / 1000
          + " s ago; one not refreshed for " + STALE_MILLIS / 1000 + " s counts as gone)";
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

  private static Map<String, String> read(FileSystem fs, Path path) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    try (InputStream in = fs.open(path)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          fields.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      // Unreadable (half written, or its checksum file gone stale): judged by age alone.
    }
    return fields;
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

  /** Rewrites the mark, so a reader on another host sees its writer alive. */
  private void refresh() {
    try (OutputStream o = fs.create(path, true)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The next refresh tries again; a missed one only ages the mark.
    }
  }

  /** Removes the mark: the sweep folder is free. */
  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    fs.delete(path, false);
  }
}

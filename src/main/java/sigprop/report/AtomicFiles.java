package sigprop.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/** Writes a file through a hidden temporary file beside it, so no reader sees a partial file. */
public final class AtomicFiles {
  /** The content of a file, written to a stream the caller must not close. */
  @FunctionalInterface
  public interface Content {
    /** Writes the whole content. */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code target} (creating its folders) and returns its absolute path. A failed write
   * (a full disk) leaves no file behind and names the file in its message.
   */
  public static Path write(Path target, IfExists ifExists, Content content) throws IOException {
    Objects.requireNonNull(ifExists, "ifExists");
    Path file = target.toAbsolutePath().normalize();
    try {
      return written(file, ifExists, content);
    } catch (FileAlreadyExistsException refused) {
      throw refused;
    } catch (IOException e) { // "No space left on device" alone does not say where
      throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static Path written(Path file, IfExists ifExists, Content content) throws IOException {
    Path folder = file.getParent();
    Files.createDirectories(folder);
    if (ifExists == IfExists.FAIL && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw refused(file);
    }
    Path temporary = createTemporary(folder, file.getFileName().toString());
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        content.writeTo(out);
        out.flush();
        // On disk before the rename, so a crash cannot leave a renamed but empty file.
        channel.force(true);
      }
      publish(temporary, file, ifExists);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return file;
  }

  private static Path createTemporary(Path folder, String name) throws IOException {
    while (true) {
      // Not createTempFile: its 0600 mode would pass to the published file; createFile uses umask.
      String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
      Path temporary = folder.resolve("." + name + "." + suffix + ".tmp");
      try {
        return Files.createFile(temporary);
      } catch (FileAlreadyExistsException collision) {
        // Another writer drew the same suffix; draw again.
      }
    }
  }

  private static void publish(Path temporary, Path file, IfExists ifExists) throws IOException {
    if (ifExists == IfExists.REPLACE) {
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException unsupported) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return;
    }
    try {
      // A hard link fails if the name exists, so "refuse to overwrite" holds even under a race.
      Files.createLink(file, temporary);
    } catch (FileAlreadyExistsException exists) {
      throw refused(file);
    } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
      Files.move(temporary, file);
    }
  }

  private static FileAlreadyExistsException refused(Path file) {
    return new FileAlreadyExistsException(file.toString(), null,
        "refusing to overwrite; pass IfExists.REPLACE to replace it");
  }
}

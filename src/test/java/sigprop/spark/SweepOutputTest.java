package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing the waves of an interrupted run: gone, or a refusal, never rows left standing. */
class SweepOutputTest {
  @TempDir Path dir;

  /** The local file system, except that nothing can be deleted (as for an immutable folder). */
  public static final class UndeletableFileSystem extends LocalFileSystem {
    @Override
    public boolean delete(org.apache.hadoop.fs.Path path, boolean recursive) {
      return false;
    }
  }

  @Test
  void incompleteWavesAreRemovedAndCommittedOnesKept() throws IOException {
    Path committed = Files.createDirectories(dir.resolve("s/cells/wave=0"));
    Files.createFile(committed.resolve("_SUCCESS"));
    Path interrupted = Files.createDirectories(dir.resolve("s/layers/wave=1"));
    Files.createDirectories(dir.resolve("s/cells/wave=1"));

    SweepOutput output = new SweepOutput(dir.toString(), "s", new Configuration());

    assertEquals(1, output.dropIncompleteWaves());
    assertFalse(Files.exists(interrupted));
    assertFalse(Files.exists(dir.resolve("s/cells/wave=1")));
    assertTrue(Files.exists(committed));
  }

  /**
   * Without sweep.json, only a sweep's own layout (a wave's folder, a committed theory table)
   * makes a folder a sweep's, which --resume and --overwrite may then take; folders of the user's
   * that happen to be named cells/ or theory/ do not.
   */
  @Test
  void aFolderWithoutManifestIsASweepsOnlyByItsTables() throws IOException {
    Files.createDirectories(dir.resolve("s/theory"));
    Files.createDirectories(dir.resolve("s/cells/drafts"));
    SweepOutput output = new SweepOutput(dir.toString(), "s", new Configuration());
    for (boolean mayReuse : new boolean[] {false, true}) {
      assertTrue(output.refusal(mayReuse).contains("holds files but no sweep.json, so it is not"
          + " a sweep's results"), output.refusal(mayReuse));
    }
    Files.createDirectories(dir.resolve("s/layers/wave=0"));
    assertTrue(output.refusal(false).contains("holds a sweep's tables but no sweep.json"
        + " (deleted?)"), output.refusal(false));
    assertNull(output.refusal(true));
    Files.delete(dir.resolve("s/layers/wave=0"));
    Files.createFile(dir.resolve("s/theory/_SUCCESS"));
    assertNull(output.refusal(true));
  }

  @Test
  void aWaveThatCannotBeRemovedStopsTheRunNamingTheFolder() throws IOException {
    Path interrupted = Files.createDirectories(dir.resolve("s/cells/wave=3"));
    Configuration conf = new Configuration();
    conf.set("fs.file.impl", UndeletableFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);

    SweepOutput output = new SweepOutput(dir.toString(), "s", conf);

    IOException e = assertThrows(IOException.class, output::dropIncompleteWaves);
    assertTrue(e.getMessage().startsWith("cannot remove file:" + interrupted), e.getMessage());
    assertTrue(e.getMessage().contains("part of wave 3 whose cells must run again"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("then run with --resume"), e.getMessage());
    assertTrue(Files.exists(interrupted));
  }
}

package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep verb's arguments: mistakes are named before any config is read or Spark starts. */
class SweepCommandTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws Exception {
    return SweepCommand.run(args, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aMistypedOptionSuggestsTheClosest() throws Exception {
    assertEquals(2, run("conf/example.yaml", "--resum"));
    assertTrue(err().contains("sigprop sweep: unknown option '--resum'; did you mean"
        + " '--resume'?"), err());
  }

  @Test
  void aFlagTakesNoValueAndOneConfigOnly() throws Exception {
    assertEquals(2, run("conf/example.yaml", "--resume=yes"));
    assertTrue(err().contains("--resume takes no value, got '--resume=yes'"), err());
    assertEquals(2, run("conf/example.yaml", "conf/homework.yaml"));
    assertTrue(err().contains("one CONFIG only, got 'conf/example.yaml' and"
        + " 'conf/homework.yaml'"), err());
    assertEquals(2, run(""));
    assertTrue(err().contains("CONFIG is an empty path"), err());
  }

  @Test
  void optionsTakeTheirValueAfterAnEqualsSignAndAnInvalidConfigWritesNothing() throws Exception {
    Path config = Files.writeString(dir.resolve("bad.yaml"),
        "sweep: bad\nnetwork: {activaton: tanh, depth: 0}\n");
    Path out = dir.resolve("out");
    // Before this, --out=DIR was refused as an unexpected argument.
    assertEquals(2, run(config.toString(), "--out=" + out, "--master=local[1]",
        "--set=seeds=2"));
    assertTrue(err().contains("bad.yaml: 2 problems"), err());
    assertTrue(err().contains("line 2: network.activaton: unknown key 'activaton'; did you mean"
        + " 'activation'?"), err());
    assertTrue(err().contains("line 2: network.depth: must be >= 1, got 0"), err());
    assertFalse(Files.exists(out));
  }
}

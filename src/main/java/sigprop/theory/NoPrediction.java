package sigprop.theory;

import java.util.function.Function;

/**
 * The theory has no prediction for an input it is given. The message names that input as the
 * caller does — the theory verb's {@code --norm-eps}, a config's {@code norm_eps} — through
 * {@link #message(Function)}; {@link #getMessage()} uses the input's plain name.
 */
public final class NoPrediction extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The input a refusal concerns, with its plain name. */
  public enum Input {
    NORM_EPS("eps"), BATCH("batch"), INIT("init");

    private final String plainName;

    Input(String plainName) {
      this.plainName = plainName;
    }
  }

  private final Input input;
  private final transient Function<String, String> wording;

  /** {@code wording} writes the message given the input's name. */
  NoPrediction(Input input, Function<String, String> wording) {
    super(wording.apply(input.plainName));
    this.input = input;
    this.wording = wording;
  }

  /** The input the theory does not cover. */
  public Input input() {
    return input;
  }

  /** The message with the input named by {@code names}, e.g. NORM_EPS as --norm-eps. */
  public String message(Function<Input, String> names) {
    return wording == null ? getMessage() : wording.apply(names.apply(input));
  }
}

package sigprop.net;

/** A learnable tensor of a layer: weight (fanIn × fanOut), bias, γ or β (1 × n). */
public final class Parameter {
  private final String name;
  private final Matrix value;

  /** A parameter that updates {@code value} in place (not copied). */
  public Parameter(String name, Matrix value) {
    this.name = name;
    this.value = value;
  }

  /** weight, bias, gamma or beta. */
  public String name() {
    return name;
  }

  /** The live values; optimizers update them in place. */
  public Matrix value() {
    return value;
  }

  @Override
  public String toString() {
    return name + value;
  }
}

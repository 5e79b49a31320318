/**
 * The network core, pure Java: matrices and the matrix-product kernel, activations, init schemes,
 * dense and norm layers, networks, losses, SGD, and the gradient check; beside them Names, the
 * "did you mean" every package's messages share. No Spark.
 */
package sigprop.net;

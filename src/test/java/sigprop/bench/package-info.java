/** JMH benchmarks of the hot kernels; run them through the scripts in {@code jobs/}. */
package sigprop.bench;

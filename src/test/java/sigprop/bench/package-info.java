/** JMH benchmarks of the hot kernels and of whole cells; run them through the scripts in jobs/. */
package sigprop.bench;

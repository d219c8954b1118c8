/**
 * {@code st20xx benchmark}: how long a batch of N simulated phones takes against one phone, and
 * what the tool costs in CPU and memory. The simulated lab runs in this JVM; every conversion
 * runs in its own {@code java -jar st20xx.jar batch} process under GNU time, so the tool is
 * measured apart from the simulator.
 */
package org.st20xx.benchmark;

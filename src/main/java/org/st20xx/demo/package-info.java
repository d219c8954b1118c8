/** The built-in simulated lab of {@code st20xx demo}. */
package org.st20xx.demo;

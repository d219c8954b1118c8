/**
 * A bench at once: the phones of a CSV, validated and planned before any is touched, converted in
 * parallel with bounded concurrency, each failure kept to its own phone.
 */
package org.st20xx.batch;

package org.st20xx.batch;

import org.st20xx.convert.ConversionEvent;
import org.st20xx.convert.ConversionResult;

/**
 * Follows a batch: the live view is one listener among others. Called from worker threads; must
 * be thread-safe and quick, and must not throw.
 */
public interface BatchListener {
    /** Every phone was checked and planned; {@code phones} will be converted (or were planned, in a dry run). */
    default void planned(BatchReport preparation) {
    }

    default void started(PhoneRow row) {
    }

    /** Something happened on one phone. */
    default void event(PhoneRow row, ConversionEvent event) {
    }

    default void finished(PhoneRow row, ConversionResult result) {
    }

    /** A batch-wide message, e.g. "--max-failures reached: no new phones are started". */
    default void note(String message) {
    }

    BatchListener NONE = new BatchListener() {
    };
}

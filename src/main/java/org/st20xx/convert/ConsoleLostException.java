package org.st20xx.convert;

/**
 * The console session ended or went silent before a step finished (a pulled cable, a phone that
 * hung or lost power). Before a reboot the hop's steps can be repeated, so the converter waits for
 * the phone to answer again and carries on from what it really runs.
 */
public class ConsoleLostException extends StepFailedException {
    public ConsoleLostException(String step, String message, Throwable cause) {
        super(step, message, cause);
    }
}

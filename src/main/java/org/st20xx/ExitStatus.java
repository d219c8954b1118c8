package org.st20xx;

/** The process exit codes of the command-line contract (design.md). */
public enum ExitStatus {
    /** Everything asked for was done. */
    OK(0),
    /** An operation on a phone failed (batch: at least one phone failed). */
    PHONE_FAILED(1),
    /** Bad usage or input, or a refusal: no safe plan, a missing file, an unknown state. */
    USAGE(2),
    /** Interrupted by the user (Ctrl-C). */
    INTERRUPTED(130);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}

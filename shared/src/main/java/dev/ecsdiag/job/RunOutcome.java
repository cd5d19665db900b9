package dev.ecsdiag.job;

/**
 * How a run of the job ended, as a fact a front end can act on without reading any message.
 * The first four mean the collection ran (what it found is in the result); the others mean it could
 * not run, and {@link JobResult#message()} and {@link JobResult#hints()} say why.
 */
public enum RunOutcome {
    /** every instance was collected (each call may still have failed on its own) */
    COMPLETED(true),
    /** the deadline was reached: what was fetched by then is kept, the rest was skipped */
    DEADLINE_REACHED(true),
    /** the calling thread was interrupted: what was fetched by then is kept */
    CANCELLED(true),
    /** the lookup ran and found no instance for the ids, tags or fleet file given */
    NOTHING_FOUND(true),
    /** the service refused the credentials (unknown AccessKey ID, wrong secret, expired token) */
    CREDENTIALS_REFUSED(false),
    /** the region does not exist */
    UNKNOWN_REGION(false),
    /** the endpoint could not be reached at all */
    ENDPOINT_UNREACHABLE(false),
    /** an input file (the fleet file) could not be read */
    INPUT_UNREADABLE(false),
    /** the request cannot be carried out: no credentials found, output folder not writable, bad settings */
    CONFIGURATION_ERROR(false);

    private final boolean ran;

    RunOutcome(boolean ran) {
        this.ran = ran;
    }

    /** The collection ran: its findings are in the result, even if it stopped early. */
    public boolean ran() {
        return ran;
    }

    /** Lower-case, hyphenated, for JSON and messages: {@code deadline-reached}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

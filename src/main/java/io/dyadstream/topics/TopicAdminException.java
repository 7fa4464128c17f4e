package io.dyadstream.topics;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * A call to the Kafka cluster about topics failed: it did not answer in time, refused the
 * principal, or rejected a topic. The message says what was attempted and why it failed, in words
 * fit for a CLI user; the Kafka exception is the cause.
 */
public class TopicAdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TopicAdminException(String message, Throwable cause) {
        super(message, cause);
    }

    public TopicAdminException(String message) {
        super(message);
    }

    /** Turns a failure of an Admin call into a clear message; {@code what} is e.g. "describe topics [a, b]". */
    static TopicAdminException of(String what, Throwable failure, java.time.Duration timeout) {
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof java.util.concurrent.TimeoutException || cause instanceof TimeoutException) {
            return new TopicAdminException("Kafka did not answer within " + seconds(timeout) + " when trying to " + what
                    + ": check the bootstrap servers, that the cluster is up and reachable, and the security settings"
                    + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
        }
        if (cause instanceof AuthorizationException) {
            return new TopicAdminException("not authorised to " + what + ": " + cause.getMessage()
                    + " (the principal needs Describe and DescribeConfigs on these topics, and Create to create them)", cause);
        }
        if (cause instanceof AuthenticationException) {
            return new TopicAdminException("authentication failed when trying to " + what + ": " + cause.getMessage(), cause);
        }
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new TopicAdminException("interrupted while trying to " + what, cause);
        }
        return new TopicAdminException("failed to " + what + ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }

    static String seconds(java.time.Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format("%.1f s", ms / 1000.0);
    }
}

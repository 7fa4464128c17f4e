package io.dyadstream.enrich;

/**
 * A record that is not a story dyadstream can read. The message says what is wrong in words a feed
 * operator can act on; the topology sends the record to the dead-letter topic with it.
 */
public class InvalidStoryException extends RuntimeException {

    public InvalidStoryException(String message) {
        super(message);
    }

    public InvalidStoryException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.dyadstream.http;

/** An error the API answers with its status code and a message for the caller (never a stack trace). */
final class ApiException extends RuntimeException {

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    static ApiException unavailable(String message) {
        return new ApiException(503, message);
    }
}

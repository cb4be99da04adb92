package org.quanze.web;

/** An error answered as JSON {@code {"error": code, "message": sentence}} with an HTTP status. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiError badParameter(String message) {
        return new ApiError(400, "bad_parameter", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message);
    }

    public int status() { return status; }

    public String code() { return code; }

    /** The JSON body. */
    public record Body(String error, String message) {}

    public Body body() {
        return new Body(code, getMessage());
    }
}

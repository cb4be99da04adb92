package org.quanze.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.quanze.model.Json;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Errors Jetty answers before a request reaches the app (an ambiguous or encoded {@code ..} in
 * the path, a malformed header) get the same JSON body and security headers as the app's own,
 * instead of Jetty's HTML page. The body never echoes the request.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        WebApp.SECURITY_HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        ApiError.Body body = switch (code) {
            case 400 -> new ApiError.Body("bad_request", "the request could not be read: its path or headers are malformed or ambiguous");
            case 404 -> new ApiError.Body("not_found", "no such page or endpoint");
            case 405 -> new ApiError.Body("method_not_allowed", "this method is not allowed here");
            case 413 -> new ApiError.Body("too_large", "the request is too large");
            case 414 -> new ApiError.Body("too_large", "the request URI is too long");
            case 431 -> new ApiError.Body("too_large", "the request headers are too large");
            default -> code >= 500 ? new ApiError.Body("internal", "the server could not answer this request")
                    : new ApiError.Body("bad_request", "the request was refused (HTTP " + code + ")");
        };
        response.write(true, ByteBuffer.wrap(Json.write(body).getBytes(StandardCharsets.UTF_8)), callback);
    }
}

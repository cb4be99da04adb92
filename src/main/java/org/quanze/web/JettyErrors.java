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
 * Answers in our JSON the errors Jetty raises before a request reaches Javalin (a request line
 * or headers too long, a path Jetty will not decode, such as an encoded {@code ..}), which would
 * otherwise be an HTML page, with the same security headers as every other answer.
 *
 * <p>Jetty closes the connection after such an answer (the rest of the request cannot be read),
 * so the answer says {@code Connection: close}; without it a client that keeps connections alive
 * may send its next request down the closed one and see a reset instead of an answer.
 */
final class JettyErrors extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        ApiError.Body body = switch (status) {
            case 414 -> new ApiError.Body("uri_too_long",
                    "the address is longer than " + WebApp.MAX_REQUEST_LINE_BYTES + " bytes; shorten the query");
            case 431 -> new ApiError.Body("headers_too_large", "the request headers are too large");
            case 400 -> new ApiError.Body("bad_request", "the request is not valid HTTP" + (message == null ? "" : ": " + message));
            default -> new ApiError.Body("http_" + status, message == null ? "the request could not be answered" : message);
        };
        WebApp.SECURITY_HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.write(true, ByteBuffer.wrap(Json.write(body).getBytes(StandardCharsets.UTF_8)), callback);
    }
}

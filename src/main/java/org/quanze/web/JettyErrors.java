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
                    "地址超过 " + WebApp.MAX_REQUEST_LINE_BYTES + " 字节的上限；请缩短检索词（最多 " + Params.MAX_QUERY_CHARS + " 个字）");
            case 431 -> new ApiError.Body("headers_too_large", "请求头太大；请清除这个网站的 Cookie 后再试");
            case 400 -> new ApiError.Body("bad_request", "这个请求不是有效的 HTTP 请求" + (message == null ? "" : "（" + message + "）") + "；请检查地址");
            default -> new ApiError.Body("http_" + status, message == null ? "这个请求无法处理" : message);
        };
        WebApp.SECURITY_HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.write(true, ByteBuffer.wrap(Json.write(body).getBytes(StandardCharsets.UTF_8)), callback);
    }
}

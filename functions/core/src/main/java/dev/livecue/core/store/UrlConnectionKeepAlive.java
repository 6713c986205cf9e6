package dev.livecue.core.store;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Leaves a DynamoDB request's {@code Content-Length} to the JDK, so the url-connection HTTP client reuses its
 * keep-alive connection without first probing it.
 *
 * <p>The SDK's url-connection client turns a {@code Content-Length} header into fixed-length streaming, and before
 * a streaming POST on a cached connection the JDK reads from the socket with a 1 ms timeout to see whether the
 * server closed it ({@code sun.net.www.http.HttpClient.available()}): on a healthy connection every DynamoDB call
 * waited that millisecond out. Without the header the JDK buffers the (small) JSON body, writes its own
 * {@code Content-Length} with it, and sends at once; if the server had closed the connection, the JDK resends once
 * on a new one, as the SDK's retry would. The header goes before signing, so the signature never names it (SigV4
 * requires {@code host} and the {@code x-amz-*} headers only).
 */
public class UrlConnectionKeepAlive implements ExecutionInterceptor {

    private static final String CONTENT_LENGTH = "Content-Length";

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        if (request.firstMatchingHeader(CONTENT_LENGTH).isEmpty()) {
            return request;
        }
        return request.toBuilder().removeHeader(CONTENT_LENGTH).build();
    }
}

package dev.livecue.local;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Cache headers for the companion web app served from {@code META-INF/resources}. The static handler marks every
 * file "immutable" for a day, right for hashed bundles but wrong for ES modules whose names never change:
 * {@code index.html} must be revalidated on every load (it is how a new version is found), the modules and the
 * stylesheet may be reused for a few minutes and are then revalidated against their Last-Modified. The API
 * ({@code /v1}) and Quarkus' own pages ({@code /q}) keep the headers their handlers set.
 */
@Singleton
public class AppCaching {

    static final String ENTRY_PAGE = "no-cache";
    static final String ASSETS = "public, max-age=300";

    void install(@Observes Router router) {
        // After api-support's EarlyRefusals, which refuses a target whose path could not be normalized.
        router.route().order(Integer.MIN_VALUE + 1).handler(AppCaching::onRequest);
    }

    private static void onRequest(RoutingContext context) {
        HttpMethod method = context.request().method();
        String path = context.normalizedPath();
        if ((method == HttpMethod.GET || method == HttpMethod.HEAD) && !isUnder(path, "/v1") && !isUnder(path, "/q")) {
            String policy = path.equals("/") || path.equals("/index.html") ? ENTRY_PAGE : ASSETS;
            context.addHeadersEndHandler(ignored -> {
                int status = context.response().getStatusCode();
                if (status == 200 || status == 304) {
                    context.response().headers().set(HttpHeaders.CACHE_CONTROL, policy);
                }
            });
        }
        context.next();
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}

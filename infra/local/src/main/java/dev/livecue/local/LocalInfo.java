package dev.livecue.local;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.livecue.core.config.LivecueConfig;
import io.quarkus.runtime.StartupEvent;

/** Tells the person who started the local stack where it is, which database it uses and the admin token. */
@Singleton
public class LocalInfo {

    static final String DATABASE_PROPERTY = "dev.livecue.local.database";
    static final String GENERATED_TOKEN_PROPERTY = "dev.livecue.local.token-generated";
    private static final Logger LOG = Logger.getLogger(LocalInfo.class);

    void onStart(@Observes StartupEvent event, LivecueConfig config,
            @ConfigProperty(name = "quarkus.http.host") String host,
            @ConfigProperty(name = "quarkus.http.port") int port) {
        String base = "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + port;
        String token = config.adminToken().orElse("(none)");
        boolean generated = Boolean.getBoolean(GENERATED_TOKEN_PROPERTY);
        LOG.infof("%n  Livecue local stack is up on %s%n  API docs: %s/q/swagger-ui  (OpenAPI: %s/q/openapi)%n"
                + "  Database: %s%n  Admin token%s: %s%n  Try: curl -s -X POST %s/v1/creators -H 'Authorization: Bearer %s' "
                + "-H 'Content-Type: application/json' -d '{\"handle\":\"nightowl\",\"timeZone\":\"America/New_York\"}'%n",
                base, base, base, System.getProperty(DATABASE_PROPERTY, "configured endpoint"),
                generated ? " (generated; set LIVECUE_ADMIN_TOKEN to choose one)" : "", token, base, token);
    }
}

package se.creativenorrbotten.directory.search;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/** Ready only once the search index is open and caught up with the database. */
@Readiness
@ApplicationScoped
public class SearchReadiness implements HealthCheck {

    private final IndexFollower follower;

    public SearchReadiness(IndexFollower follower) {
        this.follower = follower;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Search index").status(follower.isReady()).build();
    }
}

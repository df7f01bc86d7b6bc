# Container image of the member directory, PostgreSQL variant (Quarkus fast-jar on a JRE).
#
#   docker build -t member-directory .
#   docker run -p 8080:8080 -p 9000:9000 \
#     -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db.example:5432/directory \
#     -e QUARKUS_DATASOURCE_USERNAME=directory -e QUARKUS_DATASOURCE_PASSWORD=... \
#     member-directory
#
# Port 8080 serves the API, Swagger UI and the contract; port 9000 (the management interface) serves health
# (liveness GET /q/health/live, readiness GET /q/health/ready) and metrics (/q/metrics): publish it only
# to the orchestrator and the metrics scraper, never to the internet. Extra JVM flags: set JDK_JAVA_OPTIONS at `docker run`
# (it replaces the default below, so keep the heap settings in it).
# Stopping: on SIGTERM readiness says DOWN for 5 s, then requests in flight get 15 s (docs/operations.md, "Graceful shutdown"):
# `docker stop -t 30` (its default, 10 s, kills the process before that); Kubernetes' default grace period of 30 s fits.

# ---- build ---------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# Wrapper and POM first: this layer, with every dependency and Quarkus build-time (deployment)
# artifact, is rebuilt only when they change. quarkus:go-offline resolves what
# dependency:go-offline misses; together they let `package` run offline.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN chmod +x mvnw \
 && ./mvnw -B -ntp -Dpostgresql dependency:go-offline quarkus:go-offline

COPY src/ src/
COPY openapi/ openapi/
RUN ./mvnw -B -ntp package -DskipTests -Dpostgresql

# ---- run -----------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

RUN groupadd --gid 10001 app \
 && useradd --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app
# The fast-jar layout, dependencies first (they change least often).
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/lib/ /app/lib/
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/*.jar /app/
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/app/ /app/app/
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/quarkus/ /app/quarkus/

USER 10001:10001
EXPOSE 8080 9000

# The `java` launcher reads JDK_JAVA_OPTIONS itself (JAVA_OPTS_APPEND is only read by the run-java.sh
# script of the UBI images, which this image does not have). The memory settings of the README's run command and
# of every benchmark in bench/: a fixed 150 MB heap serves 100,000 members at about 400 MB of RSS under load, so a
# 512 MB memory limit fits; glibc's malloc arenas are capped too (one per core otherwise, each up to 64 MB). The Tier4
# thresholds keep the optimising compiler (C2) off the start, which it slows on two cores (README, Configuration).
ENV JDK_JAVA_OPTIONS="-Xms150m -Xmx150m -XX:+UseParallelGC -XX:ReservedCodeCacheSize=64m -Xss512k -XX:Tier4InvocationThreshold=20000 -XX:Tier4MinInvocationThreshold=2400 -XX:Tier4CompileThreshold=30000" \
    MALLOC_ARENA_MAX=2

# eclipse-temurin images ship curl; a failing curl marks the container unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:9000/q/health/ready || exit 1

ENTRYPOINT ["java", "-Dquarkus.http.host=0.0.0.0", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", "/app/quarkus-run.jar"]
